// The right of access: one PDF of everything the app holds about one person (decision 014). It is
// the coordinator's to print and hand over; the print is audited with the code, like every print.
import { accessReportPdf } from '../../pdf/access-report';
import { letterheadOf } from '../settings/letterhead';
import { AUDIT_OUTCOME_LABELS, auditActionLabel } from '../../shared/audit-actions';
import { formatDay } from '../../shared/dates';
import { ACTION_OUTCOMES, ITEM_OUTCOMES } from '../../shared/meeting-vocabulary';
import {
  AGE_BANDS,
  CLOSURE_REASONS,
  CONSENT_MODES,
  IDENTITY_SHARING,
  LEGAL_PROTECTIONS,
  SITUATION_STATES,
} from '../../shared/situation-vocabulary';
import { CATEGORIES } from '../../shared/vocabulary';
import { listAudit } from '../audit/trail';
import { DocumentFile, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { assertGates, checks } from '../gates';
import { identityOf, situationDetail } from '../situations/situations';

export async function printAccessReport(ctx: ServiceContext, input: { situationId: number }): Promise<DocumentFile> {
  const s = situationDetail(ctx, input.situationId);
  // The right of access holds whatever the consent: only an erasure (G9) leaves nothing to report.
  assertGates(ctx, checks.disclosure({ situationId: s.id, recipient: { kind: 'person' }, use: 'access_report', day: ctx.today }));
  const person = identityOf(s);
  const items = ctx.db
    .prepare(
      `SELECT m.held_on AS heldOn, d.synthesis, d.hypotheses, d.proposals, d.response_typology AS responses, d.outcome
       FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id JOIN deliberations d ON d.item_id = i.id
       WHERE i.situation_id = ? ORDER BY m.held_on`,
    )
    .all(s.id) as { heldOn: string; synthesis: string; hypotheses: string; proposals: string; responses: string; outcome: string | null }[];
  const actions = ctx.db
    .prepare(
      `SELECT a.what, a.due_on AS dueOn, a.outcome, COALESCE(mb.first_name || ' ' || mb.last_name || ' (' || ms.name || ')', st.name) AS owner
       FROM actions a JOIN agenda_items i ON i.id = a.item_id
       LEFT JOIN members mb ON mb.id = a.owner_member_id LEFT JOIN structures ms ON ms.id = mb.structure_id
       LEFT JOIN structures st ON st.id = a.owner_structure_id
       WHERE i.situation_id = ? ORDER BY a.due_on, a.id`,
    )
    .all(s.id) as { what: string; dueOn: string; outcome: keyof typeof ACTION_OUTCOMES | null; owner: string }[];
  const users = new Map(
    (ctx.db.prepare('SELECT id, display_name AS name FROM users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]),
  );
  const { events } = listAudit(ctx.db, { object: { type: 'situation', id: String(s.id) }, limit: 100_000, offset: 0 });
  const pdf = await accessReportPdf({
    letterhead: letterheadOf(ctx.db),
    code: s.code,
    writtenOn: ctx.today,
    person,
    referral: {
      facts: [
        ['Référence', s.code],
        ['Reçue le', formatDay(s.receivedOn)],
        ['Adressée par', `${s.referrerName} (${s.structureName})`],
        ['Tranche d’âge', AGE_BANDS[s.ageBand]],
        ['Commune', s.commune],
        ['Typologie', s.typology.join(', ')],
        ['État', SITUATION_STATES[s.state]],
        ...(s.closureReason ? ([['Motif de clôture', CLOSURE_REASONS[s.closureReason]]] as [string, string][]) : []),
      ],
      question: s.question,
      partnersInvolved: s.partnersInvolved,
      alreadyTried: s.alreadyTried,
    },
    consents: s.consents.map((c) => [
      ['Recueilli le', `${formatDay(c.collectedOn)} par ${c.collectedBy.name} (${c.collectedBy.structureName})`],
      ['Forme', CONSENT_MODES[c.mode]],
      ['Professionnels autorisés', c.allowedCategories.map((k) => CATEGORIES[k]).join(', ')],
      ['Structures exclues', c.excludedStructures.map((x) => x.name).join(', ') || 'aucune'],
      ['Votre nom dans les comptes rendus', IDENTITY_SHARING[c.identitySharing]],
      ['Protection juridique', LEGAL_PROTECTIONS[c.legalProtection]],
      ['Représentant', c.representative ?? ''],
      ['Retiré le', c.withdrawnOn ? formatDay(c.withdrawnOn) : 'non retiré'],
    ]),
    items: items.map((i) => ({
      ...i,
      responses: JSON.parse(i.responses) as string[],
      outcome: i.outcome ? ITEM_OUTCOMES[i.outcome as keyof typeof ITEM_OUTCOMES] : '',
    })),
    actions: actions.map((a) => ({ ...a, outcome: a.outcome ? ACTION_OUTCOMES[a.outcome] : 'en cours' })),
    events: [...events].reverse().map((e) => ({
      at: e.at,
      who: e.userId === null ? '—' : (users.get(e.userId) ?? `utilisateur n° ${e.userId}`),
      what: auditActionLabel(e.action),
      outcome: AUDIT_OUTCOME_LABELS[e.outcome],
    })),
  });
  ctx.audit('retention.accessReport', { type: 'situation', id: s.id }, `situation=${s.code}`);
  return pdfFile(`releve-des-donnees-${s.code}.pdf`, pdf);
}
