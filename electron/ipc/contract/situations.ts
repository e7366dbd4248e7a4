// Situations: the referral, eligibility, the lifecycle, the gate API, the documents. The person's
// identity is read by the coordinator and the animateur only; the secretariat has the registry
// (codes, dates, states) and nothing else — refused here, not hidden by the UI (DESIGN §5, G6).
import { noInput } from '../../services/common/schema';
import type { HistoryEntry, ReconfirmationDue, SituationsDashboard } from '../../services/situations/progress';
import type { PossibleDuplicate } from '../../services/situations/referral';
import type { GateAnswer } from '../../services/situations/gates';
import {
  advanceInput,
  byIdInput,
  closeInput,
  duplicatesInput,
  eligibilityInput,
  gatesInput,
  personDocumentInput,
  referralFormInput,
  referralInput,
  registryPageInput,
  situationPageInput,
} from '../../services/situations/schema';
import type { RegistryEntry, SituationDetail, SituationSummary } from '../../services/situations/situations';
import type { Page } from '../../services/partners/structures';
import { channel, DocumentFile, EVERYONE, returns } from './shared';

/** Who may read a situation's content, identity included. */
export const CASE_READERS = ['coordinator', 'animateur'] as const;
/** Who refers, decides, records consent and prints for the person. */
export const CASE_KEEPER = ['coordinator'] as const;

export const situationsChannels = {
  'situations.registry': channel({ input: registryPageInput, access: EVERYONE, effect: 'read', output: returns<Page<RegistryEntry>>() }),
  'situations.page': channel({
    input: situationPageInput,
    access: CASE_READERS,
    effect: 'read',
    output: returns<Page<SituationSummary>>(),
  }),
  'situations.get': channel({ input: byIdInput, access: CASE_READERS, effect: 'read', output: returns<SituationDetail>() }),
  'situations.history': channel({ input: byIdInput, access: CASE_READERS, effect: 'read', output: returns<HistoryEntry[]>() }),
  'situations.gates': channel({ input: gatesInput, access: CASE_READERS, effect: 'read', output: returns<GateAnswer>() }),
  'situations.dashboard': channel({ input: noInput, access: CASE_READERS, effect: 'read', output: returns<SituationsDashboard>() }),
  'situations.typologies': channel({ input: noInput, access: CASE_READERS, effect: 'read', output: returns<string[]>() }),
  'situations.findDuplicates': channel({
    input: duplicatesInput,
    access: CASE_KEEPER,
    effect: 'read',
    output: returns<PossibleDuplicate[]>(),
  }),
  'situations.saveReferral': channel({ input: referralInput, access: CASE_KEEPER, effect: 'write', output: returns<SituationDetail>() }),
  'situations.decideEligibility': channel({
    input: eligibilityInput,
    access: CASE_KEEPER,
    effect: 'write',
    output: returns<SituationDetail>(),
  }),
  'situations.advance': channel({ input: advanceInput, access: CASE_KEEPER, effect: 'write', output: returns<SituationDetail>() }),
  'situations.close': channel({ input: closeInput, access: CASE_KEEPER, effect: 'write', output: returns<SituationDetail>() }),
  'situations.referralForm': channel({
    input: referralFormInput,
    access: CASE_KEEPER,
    effect: 'read',
    output: returns<DocumentFile>(),
  }),
  'situations.informationNote': channel({
    input: personDocumentInput,
    access: CASE_KEEPER,
    effect: 'read',
    output: returns<DocumentFile>(),
  }),
  'situations.consentForm': channel({ input: personDocumentInput, access: CASE_KEEPER, effect: 'read', output: returns<DocumentFile>() }),
};

export type {
  GateAnswer,
  HistoryEntry,
  PossibleDuplicate,
  ReconfirmationDue,
  RegistryEntry,
  SituationDetail,
  SituationsDashboard,
  SituationSummary,
};
