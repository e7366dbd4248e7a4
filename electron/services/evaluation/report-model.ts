// The evaluation as an export sees it: every figure already written through the small-count rule
// (disclosure.ts), charts whose small bars are not drawn. The annual report PDF, its Word twin and
// the CSV are all built from this one model, so none of them can show what another hides.
import type { ChartRow } from '../../shared/bar-chart';
import { formatDay } from '../../shared/dates';
import { hasFigure } from '../../shared/indicator-rows';
import type { Period } from './commission-counts';
import { currentText, disclosedCount, isSmall, previousText, SMALL_COUNT } from './disclosure';
import type { EvaluationReport, Indicator } from './indicators';

export interface ReportDetail {
  code: string;
  title: string;
  /** Label, period, previous period: figures as written. */
  rows: [string, string, string][];
  /** Small values drawn as nothing; their label marked « * ». */
  chart: ChartRow[];
  hasSmall: boolean;
}

export interface ReportSection {
  title: string;
  /** Label, period, previous period, source. */
  summary: [string, string, string, string][];
  details: ReportDetail[];
}

export interface ReportModel {
  title: string;
  establishmentName: string;
  periodLabel: string;
  previousLabel: string;
  issuedOn: string;
  sections: ReportSection[];
}

export const SMALL_NOTE = `* Effectif inférieur à 3 : il est indiqué « ${SMALL_COUNT} » et n’est pas représenté sur le graphique.`;

export const periodText = (p: Period) => `du ${formatDay(p.from)} au ${formatDay(p.to)}`;
export const isCivilYear = (p: Period) => p.from.slice(0, 4) === p.to.slice(0, 4) && p.from.endsWith('-01-01') && p.to.endsWith('-12-31');

export function reportTitle(p: Period): string {
  return isCivilYear(p) ? `Bilan annuel ${p.from.slice(0, 4)}` : `Bilan d’activité ${periodText(p)}`;
}

function detail(i: Indicator): ReportDetail {
  const rows = i.breakdown ?? [];
  const hasSmall = rows.some((r) => isSmall(r.value) || isSmall(r.previous));
  return {
    code: i.code,
    title: i.label,
    rows: rows.map((r) => [r.label, disclosedCount(r.value), disclosedCount(r.previous)]),
    chart: rows.map((r) => ({
      label: isSmall(r.value) || isSmall(r.previous) ? `${r.label} *` : r.label,
      value: isSmall(r.value) ? 0 : r.value,
      previous: isSmall(r.previous) ? 0 : r.previous,
    })),
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
