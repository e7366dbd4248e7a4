// The annual report (« Bilan annuel ») for the comité de pilotage: the indicators of the project
// by section, each breakdown as a chart and its table, the period beside the one before it. Built
// from the disclosed model only (services/evaluation/report-model.ts): no figure below 3, no name.
import type { Letterhead } from './letterhead';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDay } from '../shared/dates';
import type { ReportModel } from '../shared/report-document';
import { NO_CHART, REPORT_INTRO, SMALL_NOTE } from '../shared/report-document';
import { chartSvg } from './charts';
import { renderPdf } from './engine';

const head = (cells: string[]): TableCell[] => cells.map((text) => ({ text, bold: true, fillColor: '#e8eef5' }));

function table(header: string[], rows: string[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [
        head(header),
        ...rows.map((r) => r.map((text, i) => ({ text, alignment: i > 0 && i < 3 ? ('right' as const) : ('left' as const) }))),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9.5,
    margin: [0, 0, 0, 10],
  };
}

export function annualReportPdf(model: ReportModel, letterhead: Letterhead): Promise<Buffer> {
  const columns = ['Période', 'Période précédente'];
  const content: Content[] = [
    { text: model.title, style: 'title' },
    {
      text: 'Commission de réflexion et d’aide pour des personnes en difficulté psychosociale et formation croisée du Conseil local de santé mentale',
      bold: true,
      margin: [0, 0, 0, 8],
    },
    { text: `Période ${model.periodLabel}, comparée à la période ${model.previousLabel}.`, margin: [0, 0, 0, 6] },
    {
      text: REPORT_INTRO,
      style: 'muted',
      margin: [0, 0, 0, 10],
    },
  ];
  for (const section of model.sections) {
    content.push({ text: section.title, style: 'heading', fontSize: 14 });
    content.push(table(['Indicateur', ...columns, 'Recueil'], section.summary, ['*', 70, 70, 80]));
    for (const d of section.details) {
      content.push({
        stack: [
          { text: d.title, style: 'heading' },
          d.chart.length > 0
            ? { svg: chartSvg(d.chart, d.title).svg, width: 495 }
            : { text: NO_CHART, style: 'muted', margin: [0, 0, 0, 6] },
        ],
        unbreakable: true,
      });
      content.push(table(['', ...columns], d.rows, ['*', 80, 80]));
      if (d.hasSmall) content.push({ text: SMALL_NOTE, style: 'muted', margin: [0, -6, 0, 10] });
    }
  }
  content.push({ text: `Bilan établi le ${formatDay(model.issuedOn)} par la coordination du CLSM.`, margin: [0, 16, 0, 0] });
  return renderPdf({ title: model.title, letterhead, content });
}
