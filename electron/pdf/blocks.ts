// Small pieces shared by the printed forms: a tick box with its label, a box to sign in.
import type { Content } from 'pdfmake/interfaces';
import { formatDay } from '../shared/dates';
import { madeAt } from './letterhead';

/** A square box, with an X when the choice is already known, followed by its label. */
export function checkbox(label: string, checked: boolean): Content {
  return {
    columns: [
      {
        width: 20,
        table: {
          widths: [9],
          heights: [9],
          body: [[{ text: checked ? 'X' : ' ', bold: true, fontSize: 9, lineHeight: 1, alignment: 'center' }]],
        },
        layout: {
          hLineWidth: () => 0.8,
          vLineWidth: () => 0.8,
          paddingLeft: () => 1,
          paddingRight: () => 1,
          paddingTop: () => 0,
          paddingBottom: () => 0,
        },
      },
      { width: '*', text: label },
    ],
    margin: [0, 0, 0, 4],
    // A box never parts from its label across a page break.
    unbreakable: true,
  };
}

const paragraph = (text: Content): Content => ({ text, margin: [0, 0, 0, 10] });

/** An attestation on a page of its own: title, paragraphs, the usual closing line, place and date, signatory. */
export function attestationPage(title: string, paragraphs: Content[], issued: { on: string; by: string; city: string }): Content[] {
  return [
    { text: title, style: 'title', alignment: 'center' },
    ...paragraphs.map(paragraph),
    { text: 'Attestation délivrée pour servir et valoir ce que de droit.', margin: [0, 0, 0, 10] },
    { text: `${madeAt(issued, formatDay(issued.on))}.`, margin: [0, 12, 0, 0] },
    { text: issued.by, margin: [0, 30, 0, 0] },
  ];
}

export function signatureBox(label: string): Content {
  return {
    stack: [{ text: `${label} :` }, { canvas: [{ type: 'rect', x: 0, y: 4, w: 260, h: 70, lineWidth: 0.8, lineColor: '#777777' }] }],
    margin: [0, 8, 0, 8],
    unbreakable: true,
  };
}
