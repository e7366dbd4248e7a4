// The evaluation as an export sees it: every figure already written through the small-count rule
// (disclosure.ts), charts whose small bars are not drawn. The annual report PDF, its Word twin and
// the CSV are all built from this one model, so none of them can show what another hides.
import { formatDay } from '../../shared/dates';
import { hasFigure } from '../../shared/indicator-rows';
import type { ReportDetail, ReportModel } from '../../shared/report-document';
import type { Period } from './commission-counts';
import { currentText, disclosedCount, isMasked, previousText } from './disclosure';
import type { EvaluationReport, Indicator } from './indicators';

export const periodText = (p: Period) => `du ${formatDay(p.from)} au ${formatDay(p.to)}`;
export const isCivilYear = (p: Period) => p.from.slice(0, 4) === p.to.slice(0, 4) && p.from.endsWith('-01-01') && p.to.endsWith('-12-31');

export function reportTitle(p: Period): string {
  return isCivilYear(p) ? `Bilan annuel ${p.from.slice(0, 4)}` : `Bilan d’activité ${periodText(p)}`;
}

function detail(i: Indicator): ReportDetail {
  const rows = i.breakdown ?? [];
  const masked = (n: number) => isMasked(i, n);
  const hasSmall = rows.some((r) => masked(r.value) || masked(r.previous));
  const chart = rows.map((r) => ({
    label: masked(r.value) || masked(r.previous) ? `${r.label} *` : r.label,
    value: masked(r.value) ? 0 : r.value,
    previous: masked(r.previous) ? 0 : r.previous,
  }));
  return {
    code: i.code,
    title: i.label,
    rows: rows.map((r) => [r.label, disclosedCount(r.value, i.subject), disclosedCount(r.previous, i.subject)]),
    // A chart with nothing drawn says nothing: the table alone, with a line saying why.
    chart: chart.some((c) => c.value > 0 || c.previous > 0) ? chart : [],
    hasSmall,
  };
}

export function reportModel(report: EvaluationReport, establishmentName: string, issuedOn: string): ReportModel {
  return {
    title: reportTitle(report.period),
    establishmentName,
    periodLabel: periodText(report.period),
    previousLabel: periodText(report.previousPeriod),
    issuedOn,
    sections: report.sections.map((s) => ({
      title: s.title,
      summary: s.indicators.filter(hasFigure).map((i) => [i.label, currentText(i) || '—', previousText(i) || '—', i.source]),
      details: s.indicators.filter((i) => i.breakdown && i.breakdown.length > 0).map(detail),
    })),
  };
}
