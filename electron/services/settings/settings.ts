// Application settings as the administration page reads and changes them (the values themselves are
// kept by store.ts). Changing them may change a situation's gate facts (G1's validity): the hook runs.
import type { ServiceContext } from '../context';
import { DEFAULT_KNOWLEDGE_TYPOLOGIES } from '../../shared/training-vocabulary';
import { DEFAULT_RESPONSE_TYPOLOGIES } from '../../shared/meeting-vocabulary';
import { DEFAULT_TYPOLOGIES } from '../../shared/situation-vocabulary';
import { readSetting, writeSetting } from './store';

export { readSetting, SETTING_DEFAULTS, writeSetting, type SettingKey, type SettingValue } from './store';

export interface AppSettings {
  establishmentName: string;
  autoLockMinutes: number;
  consentReconfirmMonths: number | null;
  situationTypologies: string[];
  responseTypologies: string[];
  knowledgeTypologies: string[];
  followUpReviewMonths: number;
  coordinationContact: string;
  backupShare: string;
  backupKeep: number;
  backupReminderDays: number;
  retentionMonths: number;
  unconsentedReferralMonths: number;
  minutesRetentionMonths: number;
  dpoContact: string;
  auditRetentionMonths: number;
}

export function getSettings(ctx: Pick<ServiceContext, 'db'>): AppSettings {
  return {
    establishmentName: readSetting(ctx.db, 'establishmentName') ?? '',
    autoLockMinutes: readSetting(ctx.db, 'autoLockMinutes') ?? 10,
    consentReconfirmMonths: readSetting(ctx.db, 'consentReconfirmMonths'),
    situationTypologies: readSetting(ctx.db, 'situationTypologies') ?? [...DEFAULT_TYPOLOGIES],
    responseTypologies: readSetting(ctx.db, 'responseTypologies') ?? [...DEFAULT_RESPONSE_TYPOLOGIES],
    knowledgeTypologies: readSetting(ctx.db, 'knowledgeTypologies') ?? [...DEFAULT_KNOWLEDGE_TYPOLOGIES],
    followUpReviewMonths: readSetting(ctx.db, 'followUpReviewMonths') ?? 6,
    coordinationContact: readSetting(ctx.db, 'coordinationContact') ?? '',
    backupShare: readSetting(ctx.db, 'backupShare') ?? '',
    backupKeep: readSetting(ctx.db, 'backupKeep') ?? 5,
    backupReminderDays: readSetting(ctx.db, 'backupReminderDays') ?? 365,
    retentionMonths: readSetting(ctx.db, 'retentionMonths') ?? 24,
    unconsentedReferralMonths: readSetting(ctx.db, 'unconsentedReferralMonths') ?? 3,
    minutesRetentionMonths: readSetting(ctx.db, 'minutesRetentionMonths') ?? 24,
    dpoContact: readSetting(ctx.db, 'dpoContact') ?? '',
    auditRetentionMonths: readSetting(ctx.db, 'auditRetentionMonths') ?? 36,
  };
}

export function updateSettings(ctx: ServiceContext, input: AppSettings): AppSettings {
  writeSetting(ctx.db, 'establishmentName', input.establishmentName);
  writeSetting(ctx.db, 'autoLockMinutes', input.autoLockMinutes);
  writeSetting(ctx.db, 'consentReconfirmMonths', input.consentReconfirmMonths);
  writeSetting(ctx.db, 'situationTypologies', input.situationTypologies);
  writeSetting(ctx.db, 'responseTypologies', input.responseTypologies);
  writeSetting(ctx.db, 'knowledgeTypologies', input.knowledgeTypologies);
  writeSetting(ctx.db, 'followUpReviewMonths', input.followUpReviewMonths);
  writeSetting(ctx.db, 'coordinationContact', input.coordinationContact);
  writeSetting(ctx.db, 'backupShare', input.backupShare);
  writeSetting(ctx.db, 'backupKeep', input.backupKeep);
  writeSetting(ctx.db, 'backupReminderDays', input.backupReminderDays);
  writeSetting(ctx.db, 'retentionMonths', input.retentionMonths);
  writeSetting(ctx.db, 'unconsentedReferralMonths', input.unconsentedReferralMonths);
  writeSetting(ctx.db, 'minutesRetentionMonths', input.minutesRetentionMonths);
  writeSetting(ctx.db, 'dpoContact', input.dpoContact);
  writeSetting(ctx.db, 'auditRetentionMonths', input.auditRetentionMonths);
  ctx.audit('settings.update', null, `autoLockMinutes=${input.autoLockMinutes}`);
  ctx.gateFactsChanged({ everywhere: true }); // G1: the consents' validity may have changed
  return getSettings(ctx);
}
