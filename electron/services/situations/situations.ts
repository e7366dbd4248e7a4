// Reading situations. Three projections, by who may see what (DESIGN §5, G6):
// - the registry (every role, the secretariat included): code, dates and state only;
// - the summary (coordinator, animateur): the referral without the person's identity;
// - the detail (coordinator, animateur, one situation's page): the identity too, the consents,
//   the preconditions — and every view of it is audited with the code (G8), never the name.
import { auditView } from '../audit/views';
import type { Civility } from '../../shared/french';
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import type { AgeBand, ClosureReason, EligibilityQuestion, SituationState } from '../../shared/situation-vocabulary';
import type { ServiceContext } from '../context';
import type { Page } from '../partners/structures';
import { memberDisplayName } from '../partners/text';
import { containsPattern, normalizeText } from '../../shared/search-text';
import { ConsentView, listConsents } from '../consents/views';
import { Precondition, preconditionsFor } from './preconditions';
import { loadSituationGateFacts } from './gates';
import { nextMoves } from './lifecycle';
import type { SituationFilters } from './schema';

export interface RegistryEntry {
  id: number;
  code: string;
  receivedOn: string;
  state: SituationState;
  updatedAt: string;
  /** G9: the day the person's data was erased (the situation stays, anonymous), or null. */
  erasedOn: string | null;
}

export interface SituationSummary extends RegistryEntry {
  ageBand: AgeBand;
  commune: string;
  communeOutside: boolean;
  structureId: number;
  structureName: string;
  referringMemberId: number;
  referrerName: string;
  typology: string[];
  question: string;
  closureReason: ClosureReason | null;
}

export interface PersonIdentity {
  lastName: string;
  firstName: string;
  civility: Civility;
  birthYear: number;
  address: string;
  phone: string;
}

export interface SituationDetail extends SituationSummary {
  partnersInvolved: string;
  alreadyTried: string;
  eligibility: { answers: Record<EligibilityQuestion, boolean>; decidedOn: string; rejectionReason: string | null } | null;
  closedOn: string | null;
  closureNote: string | null;
  /** Null once erased (G9). */
  identity: PersonIdentity | null;
  /** Newest first; the first is the one in force. */
  consents: ConsentView[];
  /** G4, G1, G2 for today, as the checklist « Conditions préalables ». */
  preconditions: Precondition[];
  /** The states the coordinator may move it to from here (the main process checks again). */
  moves: SituationState[];
}

interface SituationRow {
  id: number;
  code: string;
  received_on: string;
  state: SituationState;
  updated_at: string;
  age_band: AgeBand;
  commune: string;
  commune_outside: number;
  referring_structure_id: number;
  structure_name: string;
  referring_member_id: number;
  referrer_first: string;
  referrer_last: string;
  typology: string;
  question: string;
  closure_reason: ClosureReason | null;
  partners_involved: string;
  already_tried: string;
  eligibility_answers: string | null;
  eligibility_decided_on: string | null;
  rejection_reason: string | null;
  closed_on: string | null;
  closure_note: string | null;
  erased_on: string | null;
}

const SELECT = `
  SELECT s.*, st.name AS structure_name, m.first_name AS referrer_first, m.last_name AS referrer_last, p.purged_on AS erased_on
  FROM situations s JOIN structures st ON st.id = s.referring_structure_id JOIN members m ON m.id = s.referring_member_id
  LEFT JOIN situation_purges p ON p.situation_id = s.id`;

const toRegistry = (row: SituationRow): RegistryEntry => ({
  id: row.id,
  code: row.code,
  receivedOn: row.received_on,
  state: row.state,
  updatedAt: row.updated_at,
  erasedOn: row.erased_on,
});

function toSummary(row: SituationRow): SituationSummary {
  return {
    ...toRegistry(row),
    ageBand: row.age_band,
    commune: row.commune,
    communeOutside: row.commune_outside === 1,
    structureId: row.referring_structure_id,
    structureName: row.structure_name,
    referringMemberId: row.referring_member_id,
    referrerName: memberDisplayName({ firstName: row.referrer_first, lastName: row.referrer_last }),
    typology: JSON.parse(row.typology) as string[],
    question: row.question,
    closureReason: row.closure_reason,
  };
}

export function situationRow(db: Db, id: number): SituationRow {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SituationRow | undefined;
  if (!row) throw new AppError('SITUATION_NOT_FOUND');
  return row;
}

export const situationSummary = (db: Db, id: number): SituationSummary => toSummary(situationRow(db, id));

export function readIdentity(db: Db, situationId: number): PersonIdentity | null {
  const identity = db
    .prepare(
      'SELECT last_name AS lastName, first_name AS firstName, civility, birth_year AS birthYear, address, phone FROM situation_identities WHERE situation_id = ?',
    )
    .get(situationId) as PersonIdentity | undefined;
  return identity ?? null;
}

/** The identity a document needs; refused once erased (G9). */
export function identityOf(detail: { identity: PersonIdentity | null }): PersonIdentity {
  if (!detail.identity) throw new AppError('SITUATION_ERASED');
  return detail.identity;
}

/** The detail, without auditing: for the services that return it after a change. */
export function situationDetail(ctx: Pick<ServiceContext, 'db' | 'today'>, id: number): SituationDetail {
  const row = situationRow(ctx.db, id);
  const facts = loadSituationGateFacts(ctx.db, id, ctx.today);
  return {
    ...toSummary(row),
    partnersInvolved: row.partners_involved,
    alreadyTried: row.already_tried,
    eligibility: row.eligibility_decided_on
      ? {
          answers: JSON.parse(row.eligibility_answers ?? '{}') as Record<EligibilityQuestion, boolean>,
          decidedOn: row.eligibility_decided_on,
          rejectionReason: row.rejection_reason,
        }
      : null,
    closedOn: row.closed_on,
    closureNote: row.closure_note,
    identity: readIdentity(ctx.db, id),
    consents: listConsents(ctx.db, id),
    preconditions: preconditionsFor(facts),
    moves: nextMoves(row.state),
  };
}

/** One situation's page: identity included, and the view is in the audit trail (G8). */
export function viewSituation(ctx: ServiceContext, input: { id: number }): SituationDetail {
  const detail = situationDetail(ctx, input.id);
  auditView(ctx, 'situations.view', { type: 'situation', id: detail.id }, `situation=${detail.code}`);
  return detail;
}

/** The WHERE of a list: every filter in SQL; the search by code prefix, and by name where allowed. */
function listWhere(filters: SituationFilters, searchNames: boolean): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.state) {
    where.push('s.state = ?');
    params.push(filters.state);
  }
  if (filters.year !== undefined) {
    where.push('s.received_on >= ? AND s.received_on <= ?');
    params.push(`${filters.year}-01-01`, `${filters.year}-12-31`);
  }
  if (filters.structureId !== undefined) {
    where.push('s.referring_structure_id = ?');
    params.push(filters.structureId);
  }
  if (filters.typology) {
    where.push('EXISTS (SELECT 1 FROM json_each(s.typology) WHERE value = ?)');
    params.push(filters.typology);
  }
  const search = filters.search?.trim();
  if (search) {
    // Codes are typed as printed (« S-2026-01 ») or folded (« s 2026 01 »): a prefix walks the code's
    // index; digits alone (« 2026-014 ») are looked for inside the codes, as before.
    const prefix = codePrefix(search);
    const folded = normalizeText(search);
    let byCode = '0';
    if (prefix) {
      byCode = 's.code >= ? AND s.code < ?';
      params.push(prefix, `${prefix}\uffff`);
    } else if (/\d/.test(folded)) {
      byCode = "replace(lower(s.code), '-', ' ') LIKE ? ESCAPE '\\'";
      params.push(containsPattern(search));
    }
    if (searchNames) {
      where.push(
        `(${byCode} OR EXISTS (SELECT 1 FROM situation_identities i WHERE i.situation_id = s.id AND i.search_text LIKE ? ESCAPE '\\'))`,
      );
      params.push(containsPattern(search));
    } else where.push(`(${byCode})`);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The code prefix a search means (« s 2026 0 » → « S-2026-0 »), or null when no code starts so. */
export function codePrefix(search: string): string | null {
  const folded = normalizeText(search).replace(/^s(?=\d)/, 's ');
  return /^s( \d{1,4}( \d*)?)?$/.test(folded) ? folded.toUpperCase().replace(/ /g, '-') : null;
}

function pageOf(
  db: Db,
  filters: SituationFilters & { limit: number; offset: number },
  searchNames: boolean,
): { rows: SituationRow[]; total: number } {
  const { where, params } = listWhere(filters, searchNames);
  const total = db
    .prepare(`SELECT count(*) FROM situations s ${where}`)
    .pluck()
    .get(...params) as number;
  // The page's ids first (an index walk), then the 50 rows with their joins.
  const rows = db
    .prepare(
      `${SELECT} WHERE s.id IN (SELECT s.id FROM situations s ${where} ORDER BY s.received_on DESC, s.id DESC LIMIT ? OFFSET ?)
       ORDER BY s.received_on DESC, s.id DESC`,
    )
    .all(...params, filters.limit, filters.offset) as SituationRow[];
  return { rows, total };
}

/** The newest `limit` situations in these states, and how many there are (the dashboard's lists). */
export function situationsIn(db: Db, states: SituationState[], limit: number): Page<SituationSummary> {
  const marks = states.map(() => '?').join(', ');
  const total = db
    .prepare(`SELECT count(*) FROM situations WHERE state IN (${marks})`)
    .pluck()
    .get(...states) as number;
  const rows = db
    .prepare(
      `${SELECT} WHERE s.id IN (SELECT id FROM situations WHERE state IN (${marks}) ORDER BY received_on DESC, id DESC LIMIT ?)
       ORDER BY s.received_on DESC, s.id DESC`,
    )
    .all(...states, limit) as SituationRow[];
  return { items: rows.map(toSummary), total };
}

/** Coordinator and animateur: the referral without the identity; the search reads names too. */
export function pageSituations(ctx: ServiceContext, input: SituationFilters & { limit: number; offset: number }): Page<SituationSummary> {
  const { rows, total } = pageOf(ctx.db, input, true);
  return { items: rows.map(toSummary), total };
}

/** Every role: codes, dates and states only; the search reads codes only. */
export function pageRegistry(
  ctx: ServiceContext,
  input: Pick<SituationFilters, 'state' | 'year' | 'search'> & { limit: number; offset: number },
): Page<RegistryEntry> {
  const { rows, total } = pageOf(ctx.db, input, false);
  return { items: rows.map(toRegistry), total };
}
