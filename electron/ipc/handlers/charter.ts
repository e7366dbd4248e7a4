import {
  abandonCharterDraft,
  adoptCharter,
  cancelCharterSignature,
  listCharterSignatures,
  listCharterVersions,
  newCharterDraft,
  recordCharterSignature,
  saveCharterDraft,
} from '../../services/charter/charter';
import { printCharter, printCommitment } from '../../services/charter/documents';
import type { DomainHandlers } from '../dispatcher';

export const charterHandlers: DomainHandlers<'charter'> = {
  'charter.list': (ctx) => listCharterVersions(ctx.db),
  'charter.saveDraft': saveCharterDraft,
  'charter.newDraft': (ctx) => newCharterDraft(ctx),
  'charter.abandonDraft': (ctx) => abandonCharterDraft(ctx),
  'charter.adopt': adoptCharter,
  'charter.recordSignature': recordCharterSignature,
  'charter.cancelSignature': cancelCharterSignature,
  'charter.signatures': listCharterSignatures,
  'charter.pdf': printCharter,
  'charter.commitmentPdf': printCommitment,
};
