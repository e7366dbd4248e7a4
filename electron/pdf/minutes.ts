// The compte rendu of a meeting, in the layout of the CLSM's own minutes (seed 003): a header table
// (type of meeting, date and place, agenda, participants, next meeting), then each item — synthesis,
// proposals, actions (who, what, by when), who left the room for it, the next step. G6: situations
// by code only; the members named are professionals. A draft says so on every page.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDay, formatLongDay, formatTime } from '../shared/dates';
import { ITEM_OUTCOMES, ItemOutcome, PERSON_PRESENCE, PersonPresence } from '../shared/meeting-vocabulary';
import { renderPdf } from './engine';

export interface MinutesItem {
  position: number;
  code: string;
  structureName: string;
  neutralQuestion: string;
  status: 'deliberated' | 'postponed';
  synthesis: string;
  hypotheses: string;
  responseTypology: string[];
  proposals: string;
  personPresence: PersonPresence | null;
  actions: { what: string; owner: string; dueOn: string }[];
  exits: { displayName: string; structureName: string }[];
  outcome: ItemOutcome | null;
  reexamineOn: string | null;
}

export interface MinutesInput {
  establishmentName: string;
  meeting: { heldOn: string; startsAt: string; endsAt: string; place: string; animateurName: string };
  participants: {
    present: string[];
    represented: string[];
    excused: string[];
    absent: string[];
  };
  items: MinutesItem[];
  nextMeeting: { heldOn: string; place: string } | null;
  draft: boolean;
}

const CONFIDENTIAL = 'Confidentiel — compte rendu réservé aux membres de la Commission. Les situations sont désignées par un code.';
const bullets = (lines: string[]) => (lines.length > 0 ? { ul: lines } : { text: '—' });
const label = (text: string): TableCell => ({ text, bold: true, fillColor: '#eef2f6' });

function header(input: MinutesInput): Content {
  const m = input.meeting;
  const { present, represented, excused, absent } = input.participants;
  const participants = [
    ...(present.length > 0 ? [{ text: `Présents : ${present.join(', ')}.` }] : []),
    ...(represented.length > 0 ? [{ text: `Représentés : ${represented.join(', ')}.` }] : []),
    ...(excused.length > 0 ? [{ text: `Excusés : ${excused.join(', ')}.` }] : []),
    ...(absent.length > 0 ? [{ text: `Absents : ${absent.join(', ')}.` }] : []),
    { text: 'Voir aussi la feuille d’émargement.', italics: true },
  ];
  return {
    table: {
      widths: [150, '*'],
      body: [
        [label('TYPE DE RÉUNION'), label('DATE / LIEU')],
        [
          'Commission de réflexion et d’aide pour des personnes en difficulté psychosociale',
          `${formatLongDay(m.heldOn)}, ${formatTime(m.startsAt)} – ${formatTime(m.endsAt)} — ${m.place}. Animation : ${m.animateurName}.`,
        ],
        [
          label('POINTS À L’ORDRE DU JOUR'),
          bullets(input.items.map((i) => `${i.position}. ${i.code} (${i.structureName}) — ${i.neutralQuestion}`)),
        ],
        [label('PARTICIPANTS'), { stack: participants }],
        [
          label('PROCHAINE RÉUNION'),
          input.nextMeeting ? `${formatLongDay(input.nextMeeting.heldOn)} — ${input.nextMeeting.place}` : 'Date à convenir.',
        ],
      ],
    },
    margin: [0, 0, 0, 14],
  };
}

function itemContent(item: MinutesItem): Content[] {
  const heading: Content = { text: `${item.position}. Situation ${item.code} — ${item.structureName}`, style: 'heading' };
  if (item.status === 'postponed') return [heading, { text: 'Point reporté à une prochaine séance.', italics: true }];
  const next =
    item.outcome === 'closed'
      ? 'Situation clôturée.'
      : item.reexamineOn
        ? `Suivi ; réexamen prévu le ${formatDay(item.reexamineOn)}.`
        : item.outcome
          ? ITEM_OUTCOMES[item.outcome]
          : '—';
  return [
    heading,
    { text: [{ text: 'Question posée : ', bold: true }, item.neutralQuestion], margin: [0, 0, 0, 4] },
    ...(item.exits.length > 0
      ? [
          {
            text: `Ont quitté la salle pour ce point, conformément au consentement de la personne : ${item.exits.map((e) => `${e.displayName} (${e.structureName})`).join(', ')}.`,
            italics: true,
            margin: [0, 0, 0, 4],
          } as Content,
        ]
      : []),
    ...(item.personPresence ? [{ text: `${PERSON_PRESENCE[item.personPresence]}.`, margin: [0, 0, 0, 4] } as Content] : []),
    { text: 'Synthèse', bold: true },
    { text: item.synthesis || '—', margin: [0, 0, 0, 4] },
    ...(item.hypotheses
      ? [{ text: 'Hypothèses de travail', bold: true } as Content, { text: item.hypotheses, margin: [0, 0, 0, 4] } as Content]
      : []),
    ...(item.responseTypology.length > 0
      ? [{ text: [{ text: 'Typologie de la réponse : ', bold: true }, item.responseTypology.join(', ')] } as Content]
      : []),
    { text: 'Propositions', bold: true, margin: [0, 4, 0, 0] },
    { text: item.proposals || '—', margin: [0, 0, 0, 4] },
    item.actions.length > 0
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 150, 70],
            body: [
              [label('Action'), label('Qui'), label('Pour le')],
              ...item.actions.map((a): TableCell[] => [a.what, a.owner, formatDay(a.dueOn)]),
            ],
          },
          margin: [0, 2, 0, 4],
        }
      : { text: 'Aucune action décidée.', italics: true },
    { text: [{ text: 'Suite : ', bold: true }, next], margin: [0, 4, 0, 0] },
  ];
}

export function minutesPdf(input: MinutesInput): Promise<Buffer> {
  return renderPdf({
    title: input.draft ? 'Compte rendu — projet' : 'Compte rendu',
    establishmentName: input.establishmentName,
    confidential: input.draft ? `PROJET, non signé. ${CONFIDENTIAL}` : CONFIDENTIAL,
    content: [
      { text: input.draft ? 'COMPTE RENDU (PROJET)' : 'COMPTE RENDU', style: 'title', alignment: 'center' },
      header(input),
      { text: 'DÉROULÉ DE LA SÉANCE', style: 'heading', fontSize: 14 },
      ...input.items.flatMap(itemContent),
    ],
  });
}
