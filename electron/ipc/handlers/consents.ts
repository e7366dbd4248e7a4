import { attachScan, exportScan, recordConsent, viewScan, withdrawConsent } from '../../services/consents/consents';
import type { DomainHandlers } from '../dispatcher';

export const consentsHandlers: DomainHandlers<'consents'> = {
  'consents.record': recordConsent,
  'consents.attachScan': attachScan,
  'consents.viewScan': viewScan,
  'consents.exportScan': exportScan,
  'consents.withdraw': withdrawConsent,
};
