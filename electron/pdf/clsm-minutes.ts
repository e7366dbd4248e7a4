// The minutes of a meeting of the CLSM's own bodies, in the frame of seed 003: « COMPTE RENDU »,
// the header table (type of meeting, date and place, the points of the agenda, the participants
// « voir la feuille d'émargement », the next meeting), an introduction, a reading plan when the
// minutes run over a few pages, then the numbered sections with their label in the margin — the
// opening, one per agenda point with its sub-sections, the closing, the points discussed, the plan's
// actions reviewed, the documents attached — and the coordination's signature.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { CLSM_MEETING_KINDS, type ClsmMeetingKind } from '../shared/training-vocabulary';
import { PLAN_REVIEW_ROLES, PLAN_STATUSES, type PlanReviewRole, type PlanStatus } from '../shared/clsm-vocabulary';
import { formatDay, formatTime } from '../shared/dates';
import { count } from '../shared/french';
import { renderPdf } from './engine';
import type { Letterhead } from './letterhead';
import { label, section, signatureBlock, type SignatureBlockInput } from './minutes';
import { richText } from './rich-text';

export interface ClsmMinutesInput {
  letterhead: Letterhead;
  meeting: { kind: ClsmMeetingKind; heldOn: string; startsAt: string; endsAt: string; place: string; subject: string };
  points: { position: number; title: string; presenter: string; text: string }[];
  attendance: { present: number; represented: number; excused: number; absent: number };
  nextMeeting: string;
  intro: string;
  opening: string;
  closing: string;
  discussed: string;
  reviews: { title: string; axis: string; pilot: string | null; dueOn: string; status: PlanStatus; role: PlanReviewRole }[];
  attachedDocuments: string[];
  draft: boolean;
  /** The visible signature block of the signed minutes. */
  signature?: SignatureBlockInput;
  /** Signed documents carry the audit chain's head in their metadata (`COUNT:HASH`). */
  auditAnchor?: string;
  /** Set on the second rendering, when the first one ran over `READING_PLAN_FROM_PAGES`. */
  readingPlan?: boolean;
}

/** From this many pages, the minutes open on a reading plan with page numbers (seed 003). */
export const READING_PLAN_FROM_PAGES = 4;

const upper = (s: string) => s.toLocaleUpperCase('fr-FR');
/** The margin keeps a short label (seed 003: « 2. Animation du dispositif »): the title's first words. */
function marginLabel(n: number, title: string): string {
  if (title.length <= 28) return `${n}. ${title}`;
  let short = '';
  for (const word of title.split(/\s+/)) {
    if (`${short} ${word}`.trim().length > 26) break;
    short = `${short} ${word}`.trim();
  }
  return `${n}. ${short || title.slice(0, 26)}…`;
}
const typed = (text: string, number: string | null, fallback: string): Content[] =>
  text.trim() ? richText(text, number).content : [{ text: fallback, italics: true }];

function header(input: ClsmMinutesInput): Content {
  const m = input.meeting;
  const a = input.attendance;
  const attendance = [
    count(a.present + a.represented, 'présent ou représenté', 'présents ou représentés'),
    ...(a.excused > 0 ? [count(a.excused, 'excusé')] : []),
    ...(a.absent > 0 ? [count(a.absent, 'absent')] : []),
  ].join(', ');
  return {
    table: {
      widths: [150, '*'],
      body: [
        [label('TYPE DE RÉUNION'), label('DATE / LIEU')],
        [
          `${CLSM_MEETING_KINDS[m.kind]} du CLSM${m.subject ? ` — ${m.subject}` : ''}`,
          `${formatDay(m.heldOn)}, ${formatTime(m.startsAt)} – ${formatTime(m.endsAt)} — ${m.place}`,
        ],
        [label('POINTS À L’ORDRE DU JOUR'), input.points.length > 0 ? { ul: input.points.map((p) => p.title) } : '—'],
        [label('PARTICIPANTS'), { stack: ['Voir la feuille d’émargement.', { text: `${attendance}.`, style: 'muted' }] }],
        [label('PROCHAINE RÉUNION'), input.nextMeeting.trim() || 'Date à convenir.'],
      ],
    },
    margin: [0, 0, 0, 14],
  };
}

function reviewsTable(input: ClsmMinutesInput): Content {
  if (input.reviews.length === 0) return { text: 'Aucune action du plan n’a été examinée.', italics: true };
  return {
    table: {
      headerRows: 1,
      // The header never stays alone at the foot of a page.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: ['*', 72, 72, 54, 50],
      body: [
        [label('Action'), label('Axe'), label('Pilote'), label('Échéance'), label('État')],
        ...input.reviews.map((r): TableCell[] => [
          { text: [r.title, { text: ` (${PLAN_REVIEW_ROLES[r.role].toLowerCase()})`, color: '#555555' }] },
          r.axis,
          r.pilot ?? 'Coordination du CLSM',
          formatDay(r.dueOn),
          PLAN_STATUSES[r.status],
        ]),
      ],
    },
    margin: [0, 2, 0, 4],
  };
}

function body(input: ClsmMinutesInput): Content[] {
  const first = 2;
  const after = first + input.points.length;
  const ofMeeting = CLSM_MEETING_KINDS[input.meeting.kind].toLowerCase();
  return [
    section(
      '1. Ouverture',
      `1. OUVERTURE DE LA RÉUNION`,
      typed(input.opening, '1', 'Après un tour de table, la coordination ouvre la réunion et présente l’ordre du jour.'),
    ),
    ...input.points.map((p, i) =>
      section(marginLabel(first + i, p.title), `${first + i}. ${upper(p.title)}`, [
        ...(p.presenter ? [{ text: `Présenté par ${p.presenter}.`, style: 'muted', margin: [0, 0, 0, 4] } as Content] : []),
        ...typed(p.text, String(first + i), 'Point présenté sans observation particulière.'),
      ]),
    ),
    section(
      `${after}. Clôture`,
      `${after}. CLÔTURE DE LA RÉUNION`,
      typed(input.closing, String(after), `La coordination remercie les participants et clôt la réunion du ${ofMeeting}.`),
    ),
    section(
      `${after + 1}. Discussion`,
      `${after + 1}. POINTS DISCUTÉS`,
      typed(input.discussed, String(after + 1), 'Aucun autre point n’a été discuté.'),
    ),
    section(`${after + 2}. Plan d’action`, `${after + 2}. ACTIONS DU PLAN EXAMINÉES`, [reviewsTable(input)]),
    section(`${after + 3}. Documents`, `${after + 3}. DOCUMENTS JOINTS`, [
      {
        ul: [
          ...input.attachedDocuments,
          'Feuille d’émargement de la réunion (original conservé par la coordination).',
          'Tout additif au présent compte rendu est signé à part et lui est joint.',
        ],
      },
    ]),
  ];
}

export function clsmMinutesPdf(input: ClsmMinutesInput): Promise<Buffer> {
  const title = input.draft ? 'Compte rendu — projet' : 'Compte rendu';
  return renderPdf({
    title,
    letterhead: input.letterhead,
    ...(input.draft ? { confidential: 'PROJET de compte rendu, non signé.' } : {}),
    ...(input.auditAnchor ? { auditAnchor: input.auditAnchor } : {}),
    content: [
      { text: input.draft ? 'COMPTE RENDU (PROJET)' : 'COMPTE RENDU', style: 'title', alignment: 'center' },
      header(input),
      ...(input.intro.trim() ? [{ stack: richText(input.intro, null).content, margin: [0, 0, 0, 10] } as Content] : []),
      ...(input.readingPlan
        ? [
            {
              toc: { title: { text: 'Plan de lecture', style: 'heading' }, numberStyle: { fontSize: 9 } },
              margin: [0, 0, 0, 10],
            } as Content,
          ]
        : []),
      { text: 'DÉROULÉ DE LA RÉUNION', style: 'heading', fontSize: 14 },
      ...body(input),
      ...(input.signature
        ? [signatureBlock(input.signature)]
        : [{ text: 'Signature de la coordination à venir.', style: 'muted', margin: [0, 12, 0, 0] } as Content]),
    ],
  });
}

/** The pages of a rendered PDF (pdfmake writes one page object per page, uncompressed). */
export const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

/** Renders once, and again with a reading plan when the minutes run over a few pages. */
export async function clsmMinutesWithPlan(input: ClsmMinutesInput): Promise<Buffer> {
  const first = await clsmMinutesPdf(input);
  return pageCount(first) >= READING_PLAN_FROM_PAGES ? clsmMinutesPdf({ ...input, readingPlan: true }) : first;
}

export interface ClsmAddendumInput {
  letterhead: Letterhead;
  meeting: ClsmMinutesInput['meeting'];
  sequence: number;
  text: string;
  minutesSignedOn: string;
  minutesDigest: string;
  signature: SignatureBlockInput;
  auditAnchor: string;
}

/** A correction of signed minutes: its own signed document, pointing at the minutes it corrects. */
export function clsmAddendumPdf(input: ClsmAddendumInput): Promise<Buffer> {
  const m = input.meeting;
  return renderPdf({
    title: `Additif n° ${input.sequence} au compte rendu`,
    letterhead: input.letterhead,
    auditAnchor: input.auditAnchor,
    content: [
      { text: `ADDITIF N° ${input.sequence} AU COMPTE RENDU`, style: 'title', alignment: 'center' },
      {
        text: `${CLSM_MEETING_KINDS[m.kind]} du CLSM du ${formatDay(m.heldOn)} — ${m.place}. Compte rendu signé le ${formatDay(input.minutesSignedOn)} (empreinte SHA-256 ${input.minutesDigest.slice(0, 16)}…), qui reste inchangé ; le présent additif le complète ou le corrige.`,
        margin: [0, 0, 0, 10],
      },
      { text: 'Texte de l’additif', style: 'heading' },
      ...richText(input.text, null).content,
      signatureBlock(input.signature),
    ],
  });
}
