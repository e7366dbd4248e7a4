// The settings' store: each value a JSON row inside the encrypted database, read through its schema;
// a damaged row is read as its default. It knows nothing of services (the vault reads it at unlock).
import type { z } from 'zod';
import type { Db } from '../../../db/connection';
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
