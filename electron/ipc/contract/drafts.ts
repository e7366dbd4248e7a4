// Drafts of the forms being typed: each user reads and writes only their own (the service keys them
// by the session's user), so every authenticated role may call them.
import type { DraftView } from '../../services/drafts/drafts';
import { draftKeyInput, saveDraftInput } from '../../services/drafts/schema';
import { channel, EVERYONE, returns } from './shared';

export const draftsChannels = {
  'drafts.get': channel({ input: draftKeyInput, access: EVERYONE, effect: 'read', output: returns<DraftView | null>() }),
  'drafts.save': channel({ input: saveDraftInput, access: EVERYONE, effect: 'write', output: returns<{ savedAt: string }>() }),
  'drafts.discard': channel({ input: draftKeyInput, access: EVERYONE, effect: 'write', output: returns<{ discarded: boolean }>() }),
};

export type { DraftView };
