// Who may own an action: an action hands the situation to its owner, so the owner passes the
// disclosure gate for the item — a member under the charter (G3), within the person's consent and
// not out of the room for it (G5); a structure the person did not exclude (G5). The session offers
// only those; the main process refuses the others.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import type { Day } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { checks, DisclosureRecipient, DisclosureRequest, disclosureReasonsForEach, GateCheck } from '../gates';
import { memberDisplayName } from '../partners/text';

export type ActionOwner = { kind: 'member'; id: number } | { kind: 'structure'; id: number };

function requestFor(item: { situationId: number; itemId: number }, owner: ActionOwner, day: Day): DisclosureRequest {
  const recipient: DisclosureRecipient =
    owner.kind === 'member' ? { kind: 'member', memberId: owner.id } : { kind: 'structure', structureId: owner.id };
  return { situationId: item.situationId, itemId: item.itemId, recipient, use: 'action', day };
}

/** The disclosure gate for an action's owner, as a check for `assertGates`. */
export const ownerCheck = (item: { situationId: number; itemId: number }, owner: ActionOwner, day: Day): GateCheck =>
  checks.disclosure(requestFor(item, owner, day));

export interface OwnerChoices {
  members: { id: number; displayName: string; structureName: string }[];
  structures: { id: number; name: string }[];
}

function itemFacts(db: Db, itemId: number): { situationId: number; itemId: number } {
  const situationId = db.prepare('SELECT situation_id FROM agenda_items WHERE id = ?').pluck().get(itemId) as number | undefined;
  if (situationId === undefined) throw new AppError('ITEM_NOT_FOUND');
  return { situationId, itemId };
}

/** The active members and structures that may own an action of this item today. */
export function ownerChoices(ctx: ServiceContext, input: { itemId: number }): OwnerChoices {
  const item = itemFacts(ctx.db, input.itemId);
  const members = ctx.db
    .prepare(
      `SELECT m.id, m.first_name AS firstName, m.last_name AS lastName, s.name AS structureName FROM members m
       JOIN structures s ON s.id = m.structure_id WHERE m.active = 1 ORDER BY m.last_name, m.first_name`,
    )
    .all() as { id: number; firstName: string; lastName: string; structureName: string }[];
  const structures = ctx.db.prepare('SELECT id, name FROM structures WHERE active = 1 ORDER BY name COLLATE NOCASE').all() as {
    id: number;
    name: string;
  }[];
  // The one disclosure gate for each possible owner, the situation's facts read once for all.
  const request = { situationId: item.situationId, itemId: item.itemId, use: 'action' as const, day: ctx.today };
  const memberReasons = disclosureReasonsForEach(
    ctx,
    request,
    members.map((m) => ({ kind: 'member' as const, memberId: m.id })),
  );
  const structureReasons = disclosureReasonsForEach(
    ctx,
    request,
    structures.map((s) => ({ kind: 'structure' as const, structureId: s.id })),
  );
  return {
    members: members
      .filter((_, i) => memberReasons[i]!.length === 0)
      .map((m) => ({ id: m.id, displayName: memberDisplayName(m), structureName: m.structureName })),
    structures: structures.filter((_, i) => structureReasons[i]!.length === 0),
  };
}
