// G9 as the coordinator runs it: the situations due for erasure (retention period past, consent
// withdrawn with nothing obliging to keep them, or a referral that never got a consent) and the
// signed minutes due for destruction are listed on the dashboard and on the retention page; the
// coordinator confirms with their password; each erasure and destruction is audited (codes and
// digests only).
import { staged } from '../common/staged';
import type { ServiceContext } from '../context';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import { readSetting } from '../settings/settings';
import { closeWith } from '../situations/lifecycle';
import { PurgeCandidate, purgeCandidates, RetentionPeriods } from './candidates';
import { destroyMinutes, MinutesCandidate, minutesCandidates } from './minutes';
import { purgeSituation } from './purge';

export interface RetentionOverview extends RetentionPeriods {
  minutesRetentionMonths: number;
  candidates: PurgeCandidate[];
  minutes: MinutesCandidate[];
}

const periodsOf = (ctx: Pick<ServiceContext, 'db'>) => ({
  retentionMonths: readSetting(ctx.db, 'retentionMonths') ?? 24,
  unconsentedReferralMonths: readSetting(ctx.db, 'unconsentedReferralMonths') ?? 3,
  minutesRetentionMonths: readSetting(ctx.db, 'minutesRetentionMonths') ?? 24,
});

export function retentionOverview(ctx: ServiceContext): RetentionOverview {
  const periods = periodsOf(ctx);
  const candidates = purgeCandidates(ctx.db, ctx.today, periods);
  const minutes = minutesCandidates(ctx.db, ctx.today, periods.minutesRetentionMonths);
  ctx.audit('retention.candidates', null, `count=${candidates.length},minutes=${minutes.length}`);
  return { ...periods, candidates, minutes };
}

export interface PurgeResult {
  erased: { id: number; code: string; basis: PurgeCandidate['basis'] }[];
}

const confirmPassword = async (ctx: ServiceContext, input: { actorPassword: string }) => {
  await ctx.keys.confirm(ctx.actor.login, input.actorPassword, () => undefined);
};

/** The password is checked first (slow, outside the transaction); the erasure commits at once. */
export const purgeSituations = staged({
  prepare: (ctx: ServiceContext, input: { situationIds: number[]; actorPassword: string }) => confirmPassword(ctx, input),
  commit(ctx, input): PurgeResult {
    const due = new Map(purgeCandidates(ctx.db, ctx.today, periodsOf(ctx)).map((c) => [c.id, c]));
    const chosen = [...new Set(input.situationIds)].map((id) => due.get(id));
    if (chosen.some((c) => c === undefined)) throw new AppError('PURGE_NOT_DUE');
    const at = nowIso(ctx.clock);
    const erased: PurgeResult['erased'] = [];
    for (const candidate of chosen as PurgeCandidate[]) {
      // A referral that never got a consent is closed first: nothing more can happen to it.
      if (candidate.basis === 'no_consent' && candidate.state !== 'closed' && candidate.state !== 'rejected') {
        closeWith(ctx, candidate.id, { reason: 'other', closedOn: ctx.today, note: '' });
      }
      const basis = candidate.basis === 'withdrawal' ? 'withdrawal' : 'retention';
      purgeSituation(ctx.db, candidate.id, { basis, day: ctx.today, at, userId: ctx.actor.userId });
      ctx.audit('retention.purge', { type: 'situation', id: candidate.id }, `situation=${candidate.code},basis=${candidate.basis}`);
      erased.push({ id: candidate.id, code: candidate.code, basis: candidate.basis });
    }
    return { erased };
  },
});

export interface DestroyResult {
  destroyed: { meetingId: number; heldOn: string; documents: number }[];
}

/** Signed minutes past their retention, destroyed with a trace of their digests (password first). */
export const destroySignedMinutes = staged({
  prepare: (ctx: ServiceContext, input: { meetingIds: number[]; actorPassword: string }) => confirmPassword(ctx, input),
  commit(ctx, input): DestroyResult {
    const due = new Map(minutesCandidates(ctx.db, ctx.today, periodsOf(ctx).minutesRetentionMonths).map((c) => [c.meetingId, c]));
    const chosen = [...new Set(input.meetingIds)].map((id) => due.get(id));
    if (chosen.some((c) => c === undefined)) throw new AppError('DESTRUCTION_NOT_DUE');
    for (const candidate of chosen as MinutesCandidate[]) destroyMinutes(ctx, candidate.meetingId);
    return { destroyed: (chosen as MinutesCandidate[]).map((c) => ({ meetingId: c.meetingId, heldOn: c.heldOn, documents: c.documents })) };
  },
});
