// The trail for the DPO: a CSV that Excel opens as is (`;`, UTF-8 with BOM), for a period and, on
// request, one situation (by its code: the events about it, and those whose detail names it).
import { describeDetail, describeObject } from './describe';
import { z } from 'zod';
import { AppError } from '../../errors';
import { AUDIT_OUTCOME_LABELS, auditActionLabel } from '../../shared/audit-actions';
import { dayRange, formatMoment, fileStamp } from '../../shared/dates';
import { day } from '../common/schema';
import type { DocumentFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { formatCsv } from '../partners/csv';
import type { AuditOutcome } from './trail';

export const auditExportInput = z
  .object({
    from: day().optional(),
    to: day().optional(),
    situationCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^S-\d{4}-\d{3,}$/, { message: 'Un code de situation s’écrit S-AAAA-NNN.' })
      .optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'La date de début doit précéder la date de fin.', path: ['to'] });

const HEADER = ['N°', 'Date et heure', 'Utilisateur', 'Action', 'Code action', 'Objet', 'Identifiant', 'Résultat', 'Détail'];

interface Row {
  id: number;
  at: string;
  user: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: AuditOutcome;
  detail: string | null;
}

export function exportAuditCsv(ctx: ServiceContext, input: z.output<typeof auditExportInput>): DocumentFile {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.from) {
    where.push('e.at >= @from');
    params.from = dayRange(input.from).start;
  }
  if (input.to) {
    where.push('e.at < @to');
    params.to = dayRange(input.to).end;
  }
  if (input.situationCode) {
    const id = ctx.db.prepare('SELECT id FROM situations WHERE code = ?').pluck().get(input.situationCode) as number | undefined;
    if (id === undefined) throw new AppError('SITUATION_NOT_FOUND');
    where.push(`((e.object_type = 'situation' AND e.object_id = @situationId) OR e.detail LIKE @detail ESCAPE '\\')`);
    params.situationId = String(id);
    params.detail = `%situation=${input.situationCode.replace(/[%_\\]/g, '\\$&')}%`;
  }
  const rows = ctx.db
    .prepare(
      `SELECT e.id, e.at, u.display_name AS user, e.action, e.object_type, e.object_id, e.outcome, e.detail
       FROM audit_events e LEFT JOIN users u ON u.id = e.user_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id`,
    )
    .all(params) as Row[];
  const csv = formatCsv([
    HEADER,
    ...rows.map((r) => [
      String(r.id),
      formatMoment(r.at),
      r.user ?? '',
      auditActionLabel(r.action),
      r.action,
      // The same words as the journal on screen: the object as the coordinator knows it, the detail in French.
      describeObject(ctx.db, r.object_type, r.object_id),
      r.object_id ?? '',
      AUDIT_OUTCOME_LABELS[r.outcome],
      describeDetail(r.action, r.detail),
    ]),
  ]);
  ctx.audit('audit.export', null, [`count=${rows.length}`, ...(input.situationCode ? [`situation=${input.situationCode}`] : [])].join(','));
  const scope = input.situationCode ? `-${input.situationCode}` : '';
  return { fileName: `journal-audit${scope}-${fileStamp(ctx.clock)}.csv`, mimeType: 'text/csv', base64: csv.toString('base64') };
}
