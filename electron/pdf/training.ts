// The cross-training's documents: the questionnaire handed out after a session (printed blank, its
// answers typed in later, anonymously) and the attestation de formation, one per page.
import type { Letterhead } from './letterhead';
import { ofPlace, Signatory, thatBefore, toPlace, undersigned } from '../shared/french';
import type { Content } from 'pdfmake/interfaces';
import { formatLongDay } from '../shared/dates';
import { SATISFACTION_LABELS, TRAINING_KINDS, type TrainingKind } from '../shared/training-vocabulary';
import { SECTORS } from '../shared/vocabulary';
import { attestationPage, checkbox } from './blocks';
import { renderPdf } from './engine';

export interface TrainingFacts {
  kind: TrainingKind;
  theme: string;
  startsOn: string;
  endsOn: string;
  place: string;
  trainer: string;
  hostStructureName: string | null;
  durationHours: number;
}

const para = (text: Content): Content => ({ text, margin: [0, 0, 0, 10] });

function when(t: TrainingFacts): string {
  return t.startsOn === t.endsOn ? `le ${formatLongDay(t.startsOn)}` : `du ${formatLongDay(t.startsOn)} au ${formatLongDay(t.endsOn)}`;
}

const hours = (h: number) => `${String(h).replace('.', ',')} heure${h >= 2 ? 's' : ''}`;

export interface QuestionnaireDocument {
  letterhead: Letterhead;
  training: TrainingFacts;
  knowledgeTypologies: string[];
}

export function questionnairePdf(input: QuestionnaireDocument): Promise<Buffer> {
  const t = input.training;
  const lines = (n: number): Content => ({
    canvas: Array.from({ length: n }, (_, i) => ({
      type: 'line' as const,
      x1: 0,
      y1: 22 * (i + 1),
      x2: 495,
      y2: 22 * (i + 1),
      lineWidth: 0.5,
      lineColor: '#999999',
    })),
    margin: [0, 0, 0, 8],
  });
  return renderPdf({
    title: 'Questionnaire de fin de formation croisée',
    letterhead: input.letterhead,
    content: [
      { text: 'Questionnaire de fin de formation croisée', style: 'title' },
      para(`${TRAINING_KINDS[t.kind]} « ${t.theme} », ${when(t)}${t.place ? `, ${t.place}` : ''}.`),
      {
        text: 'Ce questionnaire est anonyme : n’y inscrivez pas votre nom. Vos réponses servent à l’évaluation du dispositif (bilan annuel du CLSM).',
        style: 'muted',
        margin: [0, 0, 0, 10],
      },
      { text: '1. Secteur de votre structure (facultatif)', style: 'heading' },
      {
        columns: [
          Object.values(SECTORS)
            .slice(0, 5)
            .map((s) => checkbox(s, false)),
          Object.values(SECTORS)
            .slice(5)
            .map((s) => checkbox(s, false)),
        ],
      },
      { text: '2. Votre satisfaction globale', style: 'heading' },
      ...Object.entries(SATISFACTION_LABELS).map(([score, label]) => checkbox(`${score} — ${label}`, false)),
      { text: '3. Connaissances acquises (plusieurs réponses possibles)', style: 'heading' },
      ...input.knowledgeTypologies.map((k) => checkbox(k, false)),
      { text: '4. Cette formation améliore-t-elle, selon vous, la coordination entre les acteurs ?', style: 'heading' },
      { columns: [checkbox('Oui', false), checkbox('Non', false)] },
      { text: '5. Avez-vous développé de nouvelles collaborations avec d’autres partenaires du CLSM ?', style: 'heading' },
      { columns: [checkbox('Oui', false), checkbox('Non', false)] },
      { text: '6. Commentaire libre', style: 'heading' },
      lines(5),
      { text: 'Merci de remettre ce questionnaire à la coordination du CLSM.', style: 'muted' },
    ],
  });
}

export interface TrainingAttestationInput {
  letterhead: Letterhead;
  signatory: Signatory;
  training: TrainingFacts;
  participants: { name: string; structureName: string }[];
  issuedOn: string;
}

function attestation(input: TrainingAttestationInput, p: TrainingAttestationInput['participants'][number]): Content[] {
  const t = input.training;
  // « auprès du CMP » needs no agreement with the participant, whose civility may be unknown.
  const what =
    t.kind === 'workshop'
      ? `a participé à l’atelier croisé « ${t.theme} » ${when(t)}${t.place ? `, ${toPlace(t.place)}` : ''}${t.trainer ? `, animé par ${t.trainer}` : ''}`
      : `a effectué un stage croisé « ${t.theme} » ${when(t)}${t.hostStructureName ? `, auprès ${ofPlace(t.hostStructureName)}` : ''}`;
  return attestationPage(
    'ATTESTATION DE FORMATION',
    [
      undersigned(
        input.signatory.civility,
        input.signatory.name,
        `du Conseil local de santé mentale — ${input.letterhead.establishmentName}`,
      ),
      [
        `atteste ${thatBefore(p.name)}`,
        { text: p.name, bold: true },
        ` (${p.structureName}) ${what}, d’une durée de ${hours(t.durationHours)}, dans le cadre de la formation croisée du CLSM.`,
      ],
    ],
    { on: input.issuedOn, by: input.signatory.name, city: input.letterhead.city },
  );
}

/** One attestation per page, each under the letterhead: one participant, or every participant in one file. */
export function trainingAttestationsPdf(input: TrainingAttestationInput): Promise<Buffer> {
  return renderPdf({
    title: 'Attestation de formation',
    letterhead: input.letterhead,
    content: [],
    parts: input.participants.map((p) => attestation(input, p)),
  });
}
