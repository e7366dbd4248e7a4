// Application settings, stored as JSON values inside the encrypted database.
import { z } from 'zod';
import type { Db } from '../../db/connection';

export const settingSchemas = {
  establishmentName: z.string().trim().min(1).max(200),
  autoLockMinutes: z.number().int().min(1).max(240),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> | null } = {
  establishmentName: null,
  autoLockMinutes: 10,
};

export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return SETTING_DEFAULTS[key];
  const parsed = settingSchemas[key].safeParse(JSON.parse(row.value));
  return parsed.success ? (parsed.data as SettingValue<K>) : SETTING_DEFAULTS[key];
}

export function writeSetting<K extends SettingKey>(db: Db, key: K, value: SettingValue<K>): void {
  const valid = settingSchemas[key].parse(value);
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(valid));
}
