import type { PartnersContext } from '../../services/partners/context';
import { exportDirectory, importDirectory } from '../../services/partners/directory-csv';
import { listMembers, removeMember, saveMember, setMemberActive } from '../../services/partners/members';
import { listStructures, removeStructure, saveStructure, setStructureActive } from '../../services/partners/structures';
import type { DomainHandlers, HandlerContext } from '../dispatcher';

/** The services' view of a call: the open database, the clock, the actor and the audit trail. */
export function partnersContext(ctx: HandlerContext): PartnersContext {
  const actor = ctx.actor();
  return {
    db: ctx.vault.database(),
    now: ctx.now,
    userId: actor.userId,
    audit: (action, objectType, objectId, detail) =>
      ctx.vault.audit({ userId: actor.userId, action, objectType, objectId, outcome: 'success', detail: detail ?? null }),
  };
}

export const partnersHandlers: DomainHandlers<'partners'> = {
  'partners.listStructures': (input, { vault }) => listStructures(vault.database(), input),
  'partners.saveStructure': (input, ctx) => saveStructure(partnersContext(ctx), input),
  'partners.setStructureActive': (input, ctx) => setStructureActive(partnersContext(ctx), input.id, input.active),
  'partners.removeStructure': (input, ctx) => removeStructure(partnersContext(ctx), input.id),
  'partners.listMembers': (input, { vault }) => listMembers(vault.database(), input),
  'partners.saveMember': (input, ctx) => saveMember(partnersContext(ctx), input),
  'partners.setMemberActive': (input, ctx) => setMemberActive(partnersContext(ctx), input.id, input.active),
  'partners.removeMember': (input, ctx) => removeMember(partnersContext(ctx), input.id),
  'partners.importDirectory': (input, ctx) => importDirectory(partnersContext(ctx), Buffer.from(input.base64, 'base64'), input.commit),
  'partners.exportDirectory': (_input, ctx) => ({
    fileName: `annuaire-commission-clsm-${ctx.now().toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    base64: exportDirectory(partnersContext(ctx)).toString('base64'),
  }),
};
