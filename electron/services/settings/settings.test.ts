import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { freshEncryptedDb } from '../../../tests/helpers/db';
import { getSettings, readSetting, writeSetting } from './settings';

let db: Db | undefined;
afterEach(() => db?.close());

describe('settings', () => {
  it('reads a damaged or invalid row as its default instead of failing, and a save repairs it', () => {
    db = freshEncryptedDb().db;
    migrate(db);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '{pas du json')`).run();
    db.prepare(`INSERT INTO settings (key, value) VALUES ('establishmentName', '42')`).run();
    expect(readSetting(db, 'autoLockMinutes')).toBe(10);
    expect(getSettings({ db })).toMatchObject({ establishmentName: '', autoLockMinutes: 10, consentReconfirmMonths: 12 });
    writeSetting(db, 'autoLockMinutes', 15);
    expect(readSetting(db, 'autoLockMinutes')).toBe(15);
  });
});
