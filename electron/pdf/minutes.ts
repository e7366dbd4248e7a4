// The compte rendu of a meeting, in the layout of the CLSM's own minutes (seed 003): a header table
// (type of meeting, date and place, agenda, participants, next meeting), then each item — synthesis,
// proposals, actions (who, what, by when), who left the room for it, the next step. G6: situations
// by code only; the members named are professionals. A draft says so on every page.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDay, formatLongDay, formatTime } from '../shared/dates';
import { ITEM_OUTCOMES, ItemOutcome, PERSON_PRESENCE, PersonPresence } from '../shared/meeting-vocabulary';
import { renderPdf } from './engine';

export interface MinutesItem {
  itemId: number;
  situationId: number;
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
  /** Extracts only: the person as the consent allows this recipient to know them. */
  person?: string | null;
}

/** One signer in the visible block; `certificate` null when this signer signs by hand only. */
export interface SignatureLine {
  role: string;
  name: string;
  certificate: { commonName: string; fingerprint: string } | null;
}

export interface SignatureBlockInput {
  signedOn: string;
  signers: SignatureLine[];
}

/** An extract's recipient and what was left out (by count only). */
export interface ExtractFacts {
  recipient: string;
  omitted: number;
  /** The signed minutes it is drawn from. */
  minutesSignedOn: string;
  minutesDigest: string;
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
  /** The visible signature block of the signed minutes. */
  signature?: SignatureBlockInput;
  /** Signed documents carry the audit chain's head in their metadata (`COUNT:HASH`). */
  auditAnchor?: string;
  extract?: ExtractFacts;
}

const CONFIDENTIAL = 'Confidentiel — compte rendu réservé aux membres de la Commission. Les situations sont désignées par un code.';
const EXTRACT_CONFIDENTIAL = 'Confidentiel — extrait réservé à son destinataire. Ne pas diffuser.';
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
    ...(item.person ? [{ text: [{ text: 'Personne : ', bold: true }, item.person], margin: [0, 0, 0, 4] } as Content] : []),
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

/** Groups of four hex pairs: « AB:CD:EF:01 … », readable over the phone to the hospital. */
const shortFingerprint = (fingerprint: string) => fingerprint.split(':').slice(0, 16).join(':') + ' …';

/** The visible signatures: each signer's role and name, and the certificate that signed. */
export function signatureBlock(block: SignatureBlockInput): Content {
  return {
    stack: [
      { text: 'SIGNATURES', style: 'heading' },
      {
        table: {
          widths: ['*', '*'],
          body: [
            block.signers.map((s) => label(s.role)),
            block.signers.map((s): TableCell => ({
              stack: [
                { text: s.name, bold: true },
                s.certificate
                  ? {
                      text: `Signé électroniquement le ${formatDay(block.signedOn)} (signature PAdES), certificat « ${s.certificate.commonName} », empreinte SHA-256 ${shortFingerprint(s.certificate.fingerprint)}`,
                      style: 'muted',
                    }
                  : { text: `Approuvé le ${formatDay(block.signedOn)}, sans signature électronique.`, style: 'muted' },
              ],
            })),
          ],
        },
      },
    ],
    unbreakable: true,
    margin: [0, 10, 0, 0],
  };
}

function extractHead(extract: ExtractFacts): Content[] {
  const left =
    extract.omitted === 0
      ? 'Tous les points examinés vous concernent.'
      : extract.omitted === 1
        ? '1 point ne vous concerne pas.'
        : `${extract.omitted} points ne vous concernent pas.`;
  return [
    { text: `Destinataire : ${extract.recipient}`, bold: true },
    {
      text: `Extrait du compte rendu signé le ${formatDay(extract.minutesSignedOn)} (empreinte SHA-256 ${extract.minutesDigest.slice(0, 16)}…). Seuls figurent les points que le consentement de chaque personne vous permet de connaître. ${left}`,
      margin: [0, 2, 0, 10],
    },
  ];
}

export function minutesPdf(input: MinutesInput): Promise<Buffer> {
  const title = input.extract ? 'Extrait du compte rendu' : input.draft ? 'Compte rendu — projet' : 'Compte rendu';
  return renderPdf({
    title,
    establishmentName: input.establishmentName,
    confidential: input.draft ? `PROJET, non signé. ${CONFIDENTIAL}` : input.extract ? EXTRACT_CONFIDENTIAL : CONFIDENTIAL,
    ...(input.auditAnchor ? { auditAnchor: input.auditAnchor } : {}),
    content: [
      {
        text: input.extract ? 'EXTRAIT DU COMPTE RENDU' : input.draft ? 'COMPTE RENDU (PROJET)' : 'COMPTE RENDU',
        style: 'title',
        alignment: 'center',
      },
      ...(input.extract ? extractHead(input.extract) : []),
      header(input),
      { text: 'DÉROULÉ DE LA SÉANCE', style: 'heading', fontSize: 14 },
      ...input.items.flatMap(itemContent),
      ...(input.signature ? [signatureBlock(input.signature)] : []),
    ],
  });
}

export interface AddendumInput {
  establishmentName: string;
  meeting: MinutesInput['meeting'];
  sequence: number;
  text: string;
  minutesSignedOn: string;
  minutesDigest: string;
  signature: SignatureBlockInput;
  auditAnchor: string;
}

/** A correction of signed minutes: its own signed document, pointing at the minutes it corrects. */
export function addendumPdf(input: AddendumInput): Promise<Buffer> {
  return renderPdf({
    title: `Additif n° ${input.sequence} au compte rendu`,
    establishmentName: input.establishmentName,
    confidential: CONFIDENTIAL,
    auditAnchor: input.auditAnchor,
    content: [
      { text: `ADDITIF N° ${input.sequence} AU COMPTE RENDU`, style: 'title', alignment: 'center' },
      {
        text: `Séance de la Commission du ${formatLongDay(input.meeting.heldOn)} — ${input.meeting.place}. Compte rendu signé le ${formatDay(input.minutesSignedOn)} (empreinte SHA-256 ${input.minutesDigest.slice(0, 16)}…), qui reste inchangé ; le présent additif le complète ou le corrige.`,
        margin: [0, 0, 0, 10],
      },
      { text: 'Texte de l’additif', style: 'heading' },
      { text: input.text },
      signatureBlock(input.signature),
    ],
  });
}
