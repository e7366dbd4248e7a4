// Application settings, stored as JSON values inside the encrypted database. A damaged row is
// read as its default: the app keeps working and the next save repairs it.
import { z } from 'zod';
import type { Db } from '../../../db/connection';
import type { ServiceContext } from '../context';
import { DEFAULT_TYPOLOGIES } from '../../shared/situation-vocabulary';
import { DEFAULT_RESPONSE_TYPOLOGIES } from '../../shared/meeting-vocabulary';
import { DEFAULT_KNOWLEDGE_TYPOLOGIES } from '../../shared/training-vocabulary';
import { settingSchemas } from './schema';

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> | null } = {
  establishmentName: null,
  autoLockMinutes: 10,
  recoveryKeyPending: false,
  lockoutWatermark: null,
  keyRotationRequired: null,
  consentReconfirmMonths: 12,
  situationTypologies: [...DEFAULT_TYPOLOGIES],
  responseTypologies: [...DEFAULT_RESPONSE_TYPOLOGIES],
  knowledgeTypologies: [...DEFAULT_KNOWLEDGE_TYPOLOGIES],
  followUpReviewMonths: 6,
  coordinationContact: '',
  backupShare: '',
  backupKeep: 5,
  backupReminderDays: 365,
  retentionMonths: 24,
  unconsentedReferralMonths: 3,
  minutesRetentionMonths: 24,
  dpoContact: '',
  auditRetentionMonths: 36,
  lastVerifiedBackupAt: null,
  letterhead: null,
  letterheadLogo: null,
  mailFolder: '',
  recoveryKeyUsedAt: null,
};

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

function parseStored(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // not JSON: the schema below refuses it and the default applies
  }
}

export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return SETTING_DEFAULTS[key];
  const parsed = settingSchemas[key].safeParse(parseStored(row.value));
  return parsed.success ? (parsed.data as SettingValue<K>) : SETTING_DEFAULTS[key];
}

export function writeSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>): void {
  const valid = settingSchemas[key].parse(value);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(valid),
  );
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
  return getSettings(ctx);
}
