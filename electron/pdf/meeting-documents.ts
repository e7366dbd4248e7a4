// The documents of a meeting: convocations (one per member, or all in one file for printing), the
// agenda (ordre du jour) and the sign-in sheet (feuille d'émargement) with the charter's commitment
// each attendee signs at every meeting. G6: they name situations by code, with the referring
// structure and a question worded by the coordinator — never a person in care.
import type { Letterhead } from './letterhead';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatLongDay, formatTime } from '../shared/dates';
import { CHARTER_COMMITMENTS } from './charter';
import { renderPdf } from './engine';

export interface MeetingFacts {
  heldOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  animateurName: string;
}

export interface AgendaLine {
  position: number;
  code: string;
  structureName: string;
  neutralQuestion: string;
  presenterName: string | null;
}

export interface Addressee {
  displayName: string;
  function: string;
  structureName: string;
  /** Invited for some items only: their positions. */
  itemsOnly: number[] | null;
  /** Items they must stay out of (G5): shown « réservé », without code, structure or question. */
  reserved: number[];
}

export interface MeetingDocumentInput {
  letterhead: Letterhead;
  meeting: MeetingFacts;
  items: AgendaLine[];
}

const COMMISSION = 'Commission de réflexion et d’aide pour des personnes en difficulté psychosociale';
const CONFIDENTIAL = 'Confidentiel — réservé aux membres de la Commission. Les situations sont désignées par un code.';
const REMINDER =
  'Les situations sont désignées par un code. Ce qui est dit en séance est couvert par le secret professionnel et par la charte ' +
  'éthique et déontologique de la Commission : rien n’en sort. N’apportez que les informations strictement nécessaires, et ' +
  'quittez la salle pour un point lorsque la personne n’a pas accepté que votre structure ou votre profession en ait connaissance.';

const when = (m: MeetingFacts) => `${formatLongDay(m.heldOn)}, de ${formatTime(m.startsAt)} à ${formatTime(m.endsAt)}`;

function meetingBlock(m: MeetingFacts): Content {
  return {
    table: {
      widths: [110, '*'],
      body: [
        [{ text: 'Date', bold: true }, when(m)],
        [{ text: 'Lieu', bold: true }, m.place],
        [{ text: 'Animation', bold: true }, m.animateurName],
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 12],
  };
}

const pointList = (positions: number[]) =>
  positions.length > 1
    ? `les points ${positions.slice(0, -1).join(', ')} et ${positions[positions.length - 1]}`
    : `le point ${positions[0]}`;

/** Where the member sits: « toute la séance », « toute la séance sauf le point 2 », « point(s) 1, 3 ». */
export function presenceOf(to: Pick<Addressee, 'itemsOnly' | 'reserved'>): string {
  if (to.itemsOnly) {
    const items = to.itemsOnly.filter((p) => !to.reserved.includes(p));
    return items.length === 0 ? 'aucun point' : items.length === 1 ? `point ${items[0]}` : `points ${items.join(', ')}`;
  }
  return to.reserved.length === 0 ? 'toute la séance' : `toute la séance sauf ${pointList(to.reserved)}`;
}

function agendaTable(items: AgendaLine[], to: Addressee | null = null): Content {
  if (items.length === 0) return { text: 'L’ordre du jour sera communiqué ultérieurement.', italics: true };
  // What this addressee may not know of an item is not printed at all: one line says why.
  const masked = (i: AgendaLine): string | null =>
    to === null
      ? null
      : to.reserved.includes(i.position)
        ? `Point ${i.position} : réservé — vous ne participerez pas à ce point.`
        : to.itemsOnly !== null && !to.itemsOnly.includes(i.position)
          ? `Point ${i.position} : hors de votre invitation.`
          : null;
  const header: TableCell[] = ['N°', 'Situation', 'Structure qui saisit', 'Question posée à la Commission', 'Présentée par'].map((t) => ({
    text: t,
    bold: true,
  }));
  return {
    table: {
      headerRows: 1,
      widths: [20, 62, 100, '*', 90],
      body: [
        header,
        ...items.map((i): TableCell[] => {
          const hidden = masked(i);
          return hidden
            ? [String(i.position), { text: hidden, colSpan: 4, italics: true }, '', '', '']
            : [String(i.position), i.code, i.structureName, i.neutralQuestion, i.presenterName ?? '—'];
        }),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

function convocationContent(input: MeetingDocumentInput, to: Addressee): Content[] {
  const who = [to.displayName, to.function, to.structureName].filter(Boolean).join(', ');
  const invitedFor =
    to.itemsOnly && to.itemsOnly.length > 0
      ? `Votre présence est attendue pour ${to.itemsOnly.length > 1 ? 'les points' : 'le point'} n° ${to.itemsOnly.join(', ')} de l’ordre du jour.`
      : null;
  const presence = `Présence : ${presenceOf(to)}.`;
  return [
    { text: 'Convocation', style: 'title' },
    { text: ['À l’attention de ', { text: who, bold: true }], margin: [0, 0, 0, 10] },
    { text: `La coordination vous invite à la séance de la ${COMMISSION} du Conseil local de santé mentale.`, margin: [0, 0, 0, 10] },
    meetingBlock(input.meeting),
    ...(invitedFor ? [{ text: invitedFor, bold: true, margin: [0, 0, 0, 8] } as Content] : []),
    { text: presence, bold: true, margin: [0, 0, 0, 8] },
    { text: 'Ordre du jour', style: 'heading' },
    agendaTable(input.items, to),
    { text: 'Confidentialité', style: 'heading' },
    { text: REMINDER },
    {
      text: 'En cas d’empêchement, merci de prévenir la coordination et de lui indiquer, le cas échéant, le nom de votre suppléant, qui doit avoir signé la charte.',
      margin: [0, 10, 0, 0],
      style: 'muted',
    },
  ];
}

export const convocationPdf = (input: MeetingDocumentInput, to: Addressee) =>
  renderPdf({
    title: 'Convocation',
    letterhead: input.letterhead,
    confidential: CONFIDENTIAL,
    content: convocationContent(input, to),
  });

/** Every convocation in one file, for printing: each on its own page, under the letterhead. */
export function convocationsPdf(input: MeetingDocumentInput, addressees: Addressee[]): Promise<Buffer> {
  return renderPdf({
    title: 'Convocations',
    letterhead: input.letterhead,
    confidential: CONFIDENTIAL,
    content: [],
    parts: addressees.map((to) => convocationContent(input, to)),
  });
}

export const agendaPdf = (input: MeetingDocumentInput) =>
  renderPdf({
    title: 'Ordre du jour',
    letterhead: input.letterhead,
    confidential: CONFIDENTIAL,
    content: [
      { text: 'Ordre du jour', style: 'title' },
      { text: COMMISSION, margin: [0, 0, 0, 10] },
      meetingBlock(input.meeting),
      agendaTable(input.items),
      { text: REMINDER, margin: [0, 14, 0, 0], style: 'muted' },
    ],
  });

export type SheetLine = Pick<Addressee, 'displayName' | 'structureName' | 'function' | 'itemsOnly' | 'reserved'>;

/** The sign-in sheet: the commitment first, then one line to sign per convened member, and spare lines. */
export function signInSheetPdf(input: MeetingDocumentInput & { charterVersion: number | null; lines: SheetLine[] }): Promise<Buffer> {
  const cell = (text: string): TableCell => ({ text, margin: [0, 8, 0, 8] });
  const row = (cells: string[]): TableCell[] => [...cells.map(cell), ''];
  const body: TableCell[][] = [
    ['Nom', 'Structure', 'Fonction', 'Présent pour', 'Signature'].map((t) => ({ text: t, bold: true })),
    ...input.lines.map((l) => row([l.displayName, l.structureName, l.function, presenceOf(l)])),
    ...Array.from({ length: 4 }, () => row(['', '', '', ''])),
  ];
  const version = input.charterVersion === null ? '' : ` (version ${input.charterVersion})`;
  return renderPdf({
    title: 'Feuille d’émargement',
    letterhead: input.letterhead,
    confidential: CONFIDENTIAL,
    content: [
      { text: 'Feuille d’émargement', style: 'title' },
      meetingBlock(input.meeting),
      { text: 'Engagement de confidentialité', style: 'heading' },
      {
        text: `En signant ci-dessous, chaque participant atteste avoir pris connaissance de la charte éthique et déontologique de la Commission${version} et s’engage, pour cette séance comme pour les précédentes, à :`,
        margin: [0, 0, 0, 4],
      },
      { ul: [...CHARTER_COMMITMENTS], margin: [0, 0, 0, 10] },
      { text: 'Un suppléant signe sur une ligne libre, en précisant le membre qu’il représente.', style: 'muted', margin: [0, 0, 0, 6] },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [100, 100, 80, 62, '*'], body },
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
      },
    ],
  });
}
