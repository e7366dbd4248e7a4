// The referral (saisine): recorded with the person's identity kept apart, given a pseudonymous code
// that is never reused, checked for a possible duplicate, then declared eligible or not.
import { AppError } from '../../errors';
import { nowIso, yearOf } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { assertGates, checks } from '../gates';
import { getMember } from '../partners/members';
import { normalizeText } from '../partners/text';
import { searchText } from '../../shared/search-text';
import { readSetting } from '../settings/settings';
import { moveSituation } from './lifecycle';
import type { EligibilityInput, ReferralInput } from './schema';
import { SituationDetail, situationDetail, situationRow } from './situations';

export interface PossibleDuplicate {
  id: number;
  code: string;
  receivedOn: string;
}

const identityKey = (lastName: string, firstName: string, birthYear: number) =>
  `${normalizeText(lastName)}|${normalizeText(firstName)}|${birthYear}`;

/** Open situations whose person has the same name and birth year, accents and case ignored. */
export function findDuplicates(
  ctx: Pick<ServiceContext, 'db'>,
  input: { id?: number | undefined; lastName: string; firstName: string; birthYear: number },
): PossibleDuplicate[] {
  const wanted = identityKey(input.lastName, input.firstName, input.birthYear);
  const rows = ctx.db
    .prepare(
      `SELECT s.id, s.code, s.received_on AS receivedOn, i.last_name AS lastName, i.first_name AS firstName, i.birth_year AS birthYear
       FROM situations s JOIN situation_identities i ON i.situation_id = s.id
       WHERE s.state NOT IN ('closed', 'rejected') AND s.id IS NOT ?`,
    )
    .all(input.id ?? null) as (PossibleDuplicate & { lastName: string; firstName: string; birthYear: number })[];
  return rows
    .filter((r) => identityKey(r.lastName, r.firstName, r.birthYear) === wanted)
    .map(({ id, code, receivedOn }) => ({ id, code, receivedOn }));
}

function nextCode(ctx: ServiceContext, receivedOn: string): string {
  const year = yearOf(receivedOn);
  const last = ctx.db
    .prepare('INSERT INTO situation_counters (year, last) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last')
    .pluck()
    .get(year) as number;
  return `S-${year}-${String(last).padStart(3, '0')}`;
}

function checkTypology(ctx: ServiceContext, tags: string[], kept: string[]): void {
  const offered = readSetting(ctx.db, 'situationTypologies') ?? [];
  if (tags.some((tag) => !offered.includes(tag) && !kept.includes(tag))) throw new AppError('TYPOLOGY_UNKNOWN');
}

function checkDuplicates(ctx: ServiceContext, input: ReferralInput): void {
  if (input.acknowledgeDuplicates) return;
  const duplicates = findDuplicates(ctx, { id: input.id, ...input.identity });
  if (duplicates.length > 0) {
    throw new AppError('SITUATION_DUPLICATE', {
      message: `Une situation ouverte porte déjà cette identité (${duplicates.map((d) => d.code).join(', ')}) : vérifiez qu’il ne s’agit pas de la même personne, puis confirmez.`,
    });
  }
}

/** Records a new referral (G4 at intake) or corrects one that is not closed. */
export function saveReferral(ctx: ServiceContext, input: ReferralInput): SituationDetail {
  const existing = input.id === undefined ? null : situationRow(ctx.db, input.id);
  if (existing?.state === 'closed') throw new AppError('SITUATION_CLOSED');
  const member = getMember(ctx.db, input.referringMemberId);
  if (existing?.referring_member_id !== member.id) {
    if (!member.active) throw new AppError('REFERRER_INACTIVE');
    assertGates(ctx, checks.convention(member.structureId));
  }
  checkTypology(ctx, input.typology, existing ? (JSON.parse(existing.typology) as string[]) : []);
  checkDuplicates(ctx, input);
  const now = nowIso(ctx.clock);
  const values = [
    input.receivedOn,
    member.id,
    member.structureId,
    input.ageBand,
    input.commune,
    input.communeOutside ? 1 : 0,
    input.partnersInvolved,
    input.alreadyTried,
    input.question,
    JSON.stringify(input.typology),
  ];
  const identity = [
    input.identity.lastName,
    input.identity.firstName,
    input.identity.civility,
    input.identity.birthYear,
    input.identity.address,
    input.identity.phone,
  ];
  const identitySearch = searchText(input.identity.firstName, input.identity.lastName);
  if (existing) {
    ctx.db
      .prepare(
        `UPDATE situations SET received_on = ?, referring_member_id = ?, referring_structure_id = ?, age_band = ?, commune = ?,
          commune_outside = ?, partners_involved = ?, already_tried = ?, question = ?, typology = ?, updated_at = ? WHERE id = ?`,
      )
      .run(...values, now, existing.id);
    ctx.db
      .prepare(
        'UPDATE situation_identities SET last_name = ?, first_name = ?, civility = ?, birth_year = ?, address = ?, phone = ?, search_text = ?, updated_at = ? WHERE situation_id = ?',
      )
      .run(...identity, identitySearch, now, existing.id);
    ctx.audit('situations.updateReferral', { type: 'situation', id: existing.id }, `situation=${existing.code}`);
    return situationDetail(ctx, existing.id);
  }
  const code = nextCode(ctx, input.receivedOn);
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO situations (code, received_on, referring_member_id, referring_structure_id, age_band, commune, commune_outside,
          partners_involved, already_tried, question, typology, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(code, ...values, ctx.actor.userId, now, now).lastInsertRowid,
  );
  ctx.db
    .prepare(
      'INSERT INTO situation_identities (situation_id, last_name, first_name, civility, birth_year, address, phone, search_text, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(id, ...identity, identitySearch, now);
  ctx.db
    .prepare('INSERT INTO situation_transitions (situation_id, at, user_id, from_state, to_state) VALUES (?, ?, ?, NULL, ?)')
    .run(id, now, ctx.actor.userId, 'received');
  ctx.audit('situations.refer', { type: 'situation', id }, `situation=${code}`);
  return situationDetail(ctx, id);
}

/** Eligible when the four questions of the frame hold; rejected with a reason that is kept. */
export function decideEligibility(ctx: ServiceContext, input: EligibilityInput): SituationDetail {
  const row = situationRow(ctx.db, input.id);
  if (row.state === 'closed') throw new AppError('SITUATION_CLOSED');
  if (row.state !== 'received') throw new AppError('SITUATION_DECIDED');
  if (input.decidedOn < row.received_on) throw new AppError('DECISION_BEFORE_RECEIPT');
  moveSituation(ctx, row.id, {
    to: input.decision,
    columns: {
      eligibility_answers: JSON.stringify(input.answers),
      eligibility_decided_on: input.decidedOn,
      rejection_reason: input.decision === 'rejected' ? input.rejectionReason : null,
    },
  });
  return situationDetail(ctx, row.id);
}
