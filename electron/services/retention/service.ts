// G9 as the coordinator runs it: the situations due for erasure (retention period past, or consent
// withdrawn with nothing obliging to keep them) are listed on the dashboard and on their page; the
// coordinator confirms with their password; each erasure is audited with the code and its basis.
import { staged } from '../common/staged';
import type { ServiceContext } from '../context';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import { readSetting } from '../settings/settings';
import { PurgeCandidate, purgeCandidates } from './candidates';
import { purgeSituation } from './purge';

export interface RetentionOverview {
  retentionMonths: number;
  candidates: PurgeCandidate[];
}

export function retentionOverview(ctx: ServiceContext): RetentionOverview {
  const retentionMonths = readSetting(ctx.db, 'retentionMonths') ?? 24;
  const candidates = purgeCandidates(ctx.db, ctx.today, retentionMonths);
  ctx.audit('retention.candidates', null, `count=${candidates.length}`);
  return { retentionMonths, candidates };
}

export interface PurgeResult {
  erased: { id: number; code: string; basis: PurgeCandidate['basis'] }[];
}

/** The password is checked first (slow, outside the transaction); the erasure commits at once. */
export const purgeSituations = staged({
  async prepare(ctx: ServiceContext, input: { situationIds: number[]; actorPassword: string }) {
    await ctx.keys.confirm(ctx.actor.login, input.actorPassword, () => undefined);
  },
  commit(ctx: ServiceContext, input: { situationIds: number[] }): PurgeResult {
    const due = new Map(purgeCandidates(ctx.db, ctx.today, readSetting(ctx.db, 'retentionMonths') ?? 24).map((c) => [c.id, c]));
    const chosen = [...new Set(input.situationIds)].map((id) => due.get(id));
    if (chosen.some((c) => c === undefined)) throw new AppError('PURGE_NOT_DUE');
    const at = nowIso(ctx.clock);
    const erased: PurgeResult['erased'] = [];
    for (const candidate of chosen as PurgeCandidate[]) {
      purgeSituation(ctx.db, candidate.id, { basis: candidate.basis, day: ctx.today, at, userId: ctx.actor.userId });
      ctx.audit('retention.purge', { type: 'situation', id: candidate.id }, `situation=${candidate.code},basis=${candidate.basis}`);
      erased.push({ id: candidate.id, code: candidate.code, basis: candidate.basis });
    }
    return { erased };
  },
});
