import { discardDraft, getDraft, saveDraft } from '../../services/drafts/drafts';
import type { DomainHandlers } from '../dispatcher';

export const draftsHandlers: DomainHandlers<'drafts'> = {
  'drafts.get': getDraft,
  'drafts.save': saveDraft,
  'drafts.discard': discardDraft,
};
