import { mayUseSituation } from '../../services/situations/gates';
import { printConsentForm, printInformationNote, printReferralForm } from '../../services/situations/documents';
import { advanceSituation, closeSituation, situationHistory, situationsDashboard } from '../../services/situations/progress';
import { decideEligibility, findDuplicates, saveReferral } from '../../services/situations/referral';
import { pageRegistry, pageSituations, viewSituation } from '../../services/situations/situations';
import { readSetting } from '../../services/settings/settings';
import type { DomainHandlers } from '../dispatcher';

export const situationsHandlers: DomainHandlers<'situations'> = {
  'situations.registry': pageRegistry,
  'situations.page': pageSituations,
  'situations.get': viewSituation,
  'situations.history': situationHistory,
  'situations.gates': mayUseSituation,
  'situations.dashboard': (ctx) => situationsDashboard(ctx),
  'situations.typologies': (ctx) => readSetting(ctx.db, 'situationTypologies') ?? [],
  'situations.findDuplicates': findDuplicates,
  'situations.saveReferral': saveReferral,
  'situations.decideEligibility': decideEligibility,
  'situations.advance': advanceSituation,
  'situations.close': closeSituation,
  'situations.referralForm': printReferralForm,
  'situations.informationNote': printInformationNote,
  'situations.consentForm': printConsentForm,
};
