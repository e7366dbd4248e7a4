// Every indicator in one CSV that Excel opens as is (`;`, UTF-8 with BOM), one line per figure and
// per line of a breakdown, through the same small-count rule as the annual report.
import { hasFigure } from '../../shared/indicator-rows';
import { formatCsv } from '../partners/csv';
import { currentText, disclosedCount, previousText } from './disclosure';
import type { EvaluationReport } from './indicators';
import { periodText } from './report-model';

const UNITS = { count: 'effectif', days: 'jours', score: 'moyenne', percent: 'pourcentage' } as const;

export function indicatorsCsv(report: EvaluationReport): Buffer {
  const header = [
    'Section',
    'Code',
    'Indicateur',
    'Détail',
    'Unité',
    'Source',
    `Période ${periodText(report.period)}`,
    `Période précédente ${periodText(report.previousPeriod)}`,
  ];
  const lines: string[][] = [header];
  for (const section of report.sections) {
    for (const i of section.indicators) {
      if (hasFigure(i)) lines.push([section.title, i.code, i.label, '', UNITS[i.unit], i.source, currentText(i), previousText(i)]);
      for (const row of i.breakdown ?? [])
        lines.push([
          section.title,
          i.code,
          i.label,
          row.label,
          UNITS.count,
          i.source,
          disclosedCount(row.value, i.subject),
          disclosedCount(row.previous, i.subject),
        ]);
    }
  }
  return formatCsv(lines);
}
