// The documents of a meeting of the CLSM's own bodies: the convocation (one per invitee, or all in
// one file for printing) with the agenda and the documents attached, and the sign-in sheet with an
// organisation column. These bodies discuss no individual situation: no confidentiality commitment,
// no confidential footer.
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatLongDay, formatTime } from '../shared/dates';
import { toPlace } from '../shared/french';
import { CLSM_MEETING_KINDS, type ClsmMeetingKind } from '../shared/training-vocabulary';
import { renderPdf } from './engine';
import type { Letterhead } from './letterhead';

export interface ClsmMeetingFacts {
  kind: ClsmMeetingKind;
  heldOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  subject: string;
  points: { position: number; title: string; presenter: string }[];
  attachedDocuments: string[];
}

export interface ClsmAddressee {
  /** The person's name, or the structure's for a structure invited as such. */
  name: string;
  role: string;
  organisation: string;
  /** A structure invited as such: addressed to its direction. */
  structure: boolean;
  /** « Madame, » / « Monsieur, » / « Madame, Monsieur, ». */
  salutation: string;
}

export interface ClsmDocumentInput {
  letterhead: Letterhead;
  meeting: ClsmMeetingFacts;
}

/** « du comité de pilotage », « de l’assemblée plénière », « du groupe projet ». */
export function ofBody(kind: ClsmMeetingKind): string {
  const label = CLSM_MEETING_KINDS[kind].toLowerCase();
  return /^[aeiouéèê]/i.test(label) ? `de l’${label}` : `du ${label}`;
}

const when = (m: ClsmMeetingFacts) => `${formatLongDay(m.heldOn)}, de ${formatTime(m.startsAt)} à ${formatTime(m.endsAt)}`;

export function meetingBlock(m: ClsmMeetingFacts): Content {
  return {
    table: {
      widths: [110, '*'],
      body: [
        [{ text: 'Réunion', bold: true }, CLSM_MEETING_KINDS[m.kind]],
        [{ text: 'Date', bold: true }, when(m)],
        [{ text: 'Lieu', bold: true }, m.place],
        ...(m.subject ? [[{ text: 'Objet', bold: true }, m.subject]] : []),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 12],
  };
}

function agenda(m: ClsmMeetingFacts): Content {
  if (m.points.length === 0) return { text: 'L’ordre du jour sera communiqué ultérieurement.', italics: true };
  return {
    ol: m.points.map((p) => ({ text: [p.title, ...(p.presenter ? [{ text: ` — présenté par ${p.presenter}`, color: '#555555' }] : [])] })),
    margin: [0, 0, 0, 8],
  };
}

function convocationContent(input: ClsmDocumentInput, to: ClsmAddressee): Content[] {
  const m = input.meeting;
  const who = to.structure ? `la direction de ${to.name}` : [to.name, to.role, to.organisation].filter(Boolean).join(', ');
  return [
    { text: 'Convocation', style: 'title' },
    { text: ['À l’attention de ', { text: who, bold: true }], margin: [0, 0, 0, 10] },
    { text: to.salutation, margin: [0, 0, 0, 6] },
    {
      text: `La coordination du Conseil local de santé mentale a le plaisir de vous inviter à la réunion ${ofBody(m.kind)}, le ${when(m)}${m.place ? `, ${toPlace(m.place)}` : ''}.`,
      margin: [0, 0, 0, 10],
    },
    meetingBlock(m),
    { text: 'Ordre du jour', style: 'heading' },
    agenda(m),
    ...(m.attachedDocuments.length > 0
      ? [{ text: 'Documents joints', style: 'heading' } as Content, { ul: m.attachedDocuments, margin: [0, 0, 0, 8] } as Content]
      : []),
    {
      text: to.structure
        ? 'Merci de nous indiquer qui représentera votre structure. En cas d’empêchement, merci de prévenir la coordination.'
        : 'En cas d’empêchement, merci de prévenir la coordination et, si vous le souhaitez, de vous faire représenter.',
      margin: [0, 10, 0, 0],
    },
  ];
}

export const clsmConvocationPdf = (input: ClsmDocumentInput, to: ClsmAddressee) =>
  renderPdf({ title: 'Convocation', letterhead: input.letterhead, content: convocationContent(input, to) });

/** Every convocation in one file, for printing: each on its own page, under the letterhead. */
export const clsmConvocationsPdf = (input: ClsmDocumentInput, addressees: ClsmAddressee[]) =>
  renderPdf({
    title: 'Convocations',
    letterhead: input.letterhead,
    content: [],
    parts: addressees.map((to) => convocationContent(input, to)),
  });

export interface ClsmSheetLine {
  name: string;
  organisation: string;
  role: string;
}

/** The sign-in sheet: one line per invitee (a structure's left for its representative), then spare lines. */
export function clsmSignInSheetPdf(input: ClsmDocumentInput & { lines: ClsmSheetLine[] }): Promise<Buffer> {
  const cell = (text: string): TableCell => ({ text, margin: [0, 8, 0, 8] });
  const spare = Math.max(6, Math.ceil(input.lines.length / 4));
  const body: TableCell[][] = [
    ['Nom et prénom', 'Organisation', 'Fonction ou qualité', 'Signature'].map((t) => ({ text: t, bold: true })),
    ...input.lines.map((l) => [cell(l.name), cell(l.organisation), cell(l.role), '']),
    ...Array.from({ length: spare }, () => [cell(''), cell(''), cell(''), '']),
  ];
  return renderPdf({
    title: 'Feuille d’émargement',
    letterhead: input.letterhead,
    content: [
      { text: 'Feuille d’émargement', style: 'title' },
      meetingBlock(input.meeting),
      {
        text: 'Une personne qui en représente une autre signe sur une ligne libre et indique qui elle représente.',
        style: 'muted',
        margin: [0, 0, 0, 6],
      },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [120, 130, 110, '*'], body },
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
      },
    ],
  });
}
