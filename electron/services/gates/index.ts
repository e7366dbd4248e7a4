// The gates of DESIGN §3. Each is a pure function over a small facts object (gN-*.ts) with a loader
// beside it; a check pairs them. Services enforce gates through the one `assertGates`, which refuses
// with every failing reason at once (GATE_REFUSED); the dispatcher audits the reason codes.
import { AppError } from '../../errors';
import type { ServiceContext } from '../context';
import { charterGate, loadCharterFacts } from './g3-charter';
import { conventionGate, loadConventionFacts } from './g4-convention';
import { DisclosureRecipient, DisclosureRequest, disclosureGate, loadDisclosureFacts, loadDisclosureFactsForEach } from './disclosure';
import type { GateReason } from '../../shared/gate-reason';
import type { Day } from '../../shared/dates';
import { loadSituationGateFacts, situationReasons } from '../situations/gates';

export type GateCheck = (ctx: ServiceContext) => GateReason[];

export const checks = {
  /** G3: the member signed the charter in force and is active. */
  charter:
    (memberId: number): GateCheck =>
    (ctx) =>
      charterGate(loadCharterFacts(ctx.db, memberId)),
  /** G4: the structure is active and signed the convention. */
  convention:
    (structureId: number): GateCheck =>
    (ctx) =>
      conventionGate(loadConventionFacts(ctx.db, structureId)),
  /** G4, G1, G2: the situation may go on an agenda, be opened, printed or exported on that day. */
  situation:
    (situationId: number, day: Day): GateCheck =>
    (ctx) =>
      situationReasons(loadSituationGateFacts(ctx.db, situationId, day)),
  /** The one disclosure gate: this situation, to this recipient, for this use, on this day. */
  disclosure:
    (request: DisclosureRequest): GateCheck =>
    (ctx) =>
      disclosureReasons(ctx, request),
};

/** Every reason the disclosure gate gives; a document leaves out or refuses what fails. */
export function disclosureReasons(ctx: Pick<ServiceContext, 'db'>, request: DisclosureRequest): GateReason[] {
  return disclosureGate(loadDisclosureFacts(ctx.db, request));
}

/** The disclosure gate's reasons for each of many recipients of the same content (one list per recipient). */
export function disclosureReasonsForEach(
  ctx: Pick<ServiceContext, 'db'>,
  request: Omit<DisclosureRequest, 'recipient'>,
  recipients: readonly DisclosureRecipient[],
): GateReason[][] {
  return loadDisclosureFactsForEach(ctx.db, request, recipients).map(disclosureGate);
}

export function assertGates(ctx: ServiceContext, ...gateChecks: GateCheck[]): void {
  const reasons = gateChecks.flatMap((check) => check(ctx));
  if (reasons.length > 0) throw new AppError('GATE_REFUSED', { reasons });
}

export type { GateReason } from '../../shared/gate-reason';
export type { DisclosureRecipient, DisclosureRequest, DisclosureUse } from './disclosure';
