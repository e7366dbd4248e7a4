// The person's consent: recorded, its scanned form attached, viewed or exported on request, withdrawn.
import { attachScanInput, consentInput, scanByConsentInput, withdrawInput } from '../../services/consents/schema';
import type { ConsentView } from '../../services/consents/views';
import type { SituationDetail } from '../../services/situations/situations';
import { channel, DocumentFile, returns } from './shared';
import { CASE_KEEPER } from './situations';

export const consentsChannels = {
  'consents.record': channel({ input: consentInput, access: CASE_KEEPER, effect: 'write', output: returns<SituationDetail>() }),
  'consents.attachScan': channel({ input: attachScanInput, access: CASE_KEEPER, effect: 'write', output: returns<SituationDetail>() }),
  'consents.viewScan': channel({ input: scanByConsentInput, access: CASE_KEEPER, effect: 'read', output: returns<DocumentFile>() }),
  'consents.exportScan': channel({ input: scanByConsentInput, access: CASE_KEEPER, effect: 'read', output: returns<DocumentFile>() }),
  'consents.withdraw': channel({ input: withdrawInput, access: CASE_KEEPER, effect: 'write', output: returns<SituationDetail>() }),
};

export type { ConsentView };
