// The evaluation's use cases: the indicators for the page, and the exports (annual report PDF and
// Word, CSV of every indicator). Exports are read channels: the PDF and charts are slow work and
// no data changes; each export is audited with its period and format.
import { letterheadOf } from '../settings/letterhead';
import { z } from 'zod';
import { annualReportDocx } from '../../docx/annual-report';
import { annualReportPdf } from '../../pdf/annual-report';
import type { DocumentFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { getSettings } from '../settings/settings';
import type { Period } from './commission-counts';
import { indicatorsCsv } from './csv';
import { evaluationReport, EvaluationReport } from './indicators';
import { periodInput } from './period';
import { isCivilYear, reportModel } from './report-model';

export const exportInput = z
  .object({ period: periodInput, format: z.enum(['pdf', 'docx', 'csv'], { message: 'Choisissez le format : PDF, Word ou CSV.' }) })
  .strict();
export type ExportFormat = z.output<typeof exportInput>['format'];

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function evaluationIndicators(ctx: Pick<ServiceContext, 'db'>, period: Period): EvaluationReport {
  return evaluationReport(ctx.db, period);
}

const stem = (p: Period, kind: 'bilan' | 'indicateurs') =>
  isCivilYear(p) ? `${kind === 'bilan' ? 'bilan-annuel' : 'indicateurs'}-${p.from.slice(0, 4)}` : `${kind}-${p.from}-${p.to}`;

/** The export of one format, as the CLI and the page hand it out. */
export async function exportEvaluation(ctx: ServiceContext, input: { period: Period; format: ExportFormat }): Promise<DocumentFile> {
  const report = evaluationReport(ctx.db, input.period);
  let file: DocumentFile;
  if (input.format === 'csv') {
    file = { fileName: `${stem(input.period, 'indicateurs')}.csv`, mimeType: 'text/csv', base64: indicatorsCsv(report).toString('base64') };
  } else {
    const model = reportModel(report, getSettings(ctx).establishmentName, ctx.today);
    const bytes = input.format === 'pdf' ? await annualReportPdf(model, letterheadOf(ctx.db)) : await annualReportDocx(model);
    file = {
      fileName: `${stem(input.period, 'bilan')}.${input.format}`,
      mimeType: input.format === 'pdf' ? 'application/pdf' : DOCX_MIME,
      base64: bytes.toString('base64'),
    };
  }
  ctx.audit('evaluation.export', null, `format=${input.format},from=${input.period.from},to=${input.period.to}`);
  return file;
}
