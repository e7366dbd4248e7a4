// The annual report as an editable Word document: the comité de pilotage amends it before adopting
// it. The same disclosed model as the PDF (same sections, tables, charts as images, same note on
// small counts), written with the `docx` library; headings use Word's styles so the committee's
// edits keep the layout.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { formatDay } from '../shared/dates';
import type { ReportModel } from '../shared/report-document';
import { NO_CHART, REPORT_INTRO, SMALL_NOTE } from '../shared/report-document';
import { chartPng, chartSvg } from '../pdf/charts';

const FONT = 'Calibri';

function cell(text: string, options: { bold?: boolean; right?: boolean; header?: boolean } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold ?? options.header ?? false, font: FONT, size: 19 })],
      }),
    ],
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF5' } } : {}),
  });
}

function table(header: string[], rows: string[][], widths: number[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { header: true })) }),
      ...rows.map((r) => new TableRow({ children: r.map((text, i) => cell(text, { right: i > 0 && i < 3 })) })),
    ],
  });
}

const text = (value: string, options: { italics?: boolean; size?: number } = {}) =>
  new Paragraph({
    spacing: { after: 120 },
    children: [new TextRun({ text: value, font: FONT, size: options.size ?? 21, italics: options.italics ?? false })],
  });

export async function annualReportDocx(model: ReportModel): Promise<Buffer> {
  const columns = ['Période', 'Période précédente'];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: model.title })] }),
    text(
      'Commission de réflexion et d’aide pour des personnes en difficulté psychosociale et formation croisée du Conseil local de santé mentale',
    ),
    text(`Période ${model.periodLabel}, comparée à la période ${model.previousLabel}.`),
    text(REPORT_INTRO, { italics: true, size: 19 }),
  ];
  for (const section of model.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: section.title })] }));
    children.push(table(['Indicateur', ...columns, 'Recueil'], section.summary, [4600, 1500, 1500, 1700]));
    for (const d of section.details) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: d.title })] }));
      if (d.chart.length === 0) {
        children.push(text(NO_CHART, { italics: true, size: 17 }));
      } else {
        const chart = chartSvg(d.chart, d.title);
        const png = await chartPng(chart);
        const width = 600;
        children.push(
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: png,
                transformation: { width, height: Math.round((width * chart.height) / chart.width) },
                altText: {
                  name: d.code,
                  title: d.title,
                  description: `Graphique : ${d.title}. Les valeurs figurent dans le tableau qui suit.`,
                },
              }),
            ],
          }),
        );
      }
      children.push(table(['', ...columns], d.rows, [5300, 2000, 2000]));
      if (d.hasSmall) children.push(text(SMALL_NOTE, { italics: true, size: 17 }));
    }
  }
  children.push(text(`Bilan établi le ${formatDay(model.issuedOn)} par la coordination du CLSM.`));
  const document = new Document({
    creator: 'Commission CLSM',
    title: model.title,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [new Paragraph({ children: [new TextRun({ text: model.establishmentName, bold: true, size: 17 })] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 16 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
