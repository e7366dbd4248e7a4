// The ethics charter. Everyone reads it; its text and adoption belong to the coordinator;
// signatures are recorded by whoever keeps the directory.
import type { CharterSignature, CharterVersionSummary } from '../../services/charter/charter';
import { adoptInput, cancelSignatureInput, draftInput, memberInput, signatureInput, versionInput } from '../../services/charter/schema';
import { noInput } from '../../services/common/schema';
import type { MemberSummary } from '../../services/partners/members';
import { channel, DocumentFile, EDITORS, EVERYONE, returns } from './shared';

export const charterChannels = {
  'charter.list': channel({ input: noInput, access: EVERYONE, effect: 'read', output: returns<CharterVersionSummary[]>() }),
  'charter.saveDraft': channel({ input: draftInput, access: ['coordinator'], effect: 'write', output: returns<CharterVersionSummary>() }),
  'charter.newDraft': channel({ input: noInput, access: ['coordinator'], effect: 'write', output: returns<CharterVersionSummary>() }),
  'charter.abandonDraft': channel({ input: noInput, access: ['coordinator'], effect: 'write', output: returns<CharterVersionSummary>() }),
  'charter.adopt': channel({ input: adoptInput, access: ['coordinator'], effect: 'write', output: returns<CharterVersionSummary>() }),
  'charter.recordSignature': channel({ input: signatureInput, access: EDITORS, effect: 'write', output: returns<MemberSummary>() }),
  'charter.cancelSignature': channel({
    input: cancelSignatureInput,
    access: EDITORS,
    effect: 'write',
    output: returns<CharterSignature>(),
  }),
  'charter.signatures': channel({ input: versionInput, access: EVERYONE, effect: 'read', output: returns<CharterSignature[]>() }),
  'charter.pdf': channel({ input: versionInput, access: EVERYONE, effect: 'read', output: returns<DocumentFile>() }),
  'charter.commitmentPdf': channel({ input: memberInput, access: EDITORS, effect: 'read', output: returns<DocumentFile>() }),
};

export type { CharterSignature, CharterVersionSummary };
