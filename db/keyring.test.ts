import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tests/helpers/vault';
import { generateRecoveryKey, normalizeRecoveryKey } from './crypto';
import {
  createKeyring,
  makePasswordSlot,
  newDatabaseId,
  readKeyring,
  unlockWithPassword,
  unlockWithRecovery,
  withoutPasswordSlot,
  withPasswordSlot,
  writeKeyring,
} from './keyring';

const password = (text: string) => Buffer.from(text, 'utf8');

describe('keyring', () => {
  it('opens with the password or the recovery key, and with nothing else', async () => {
    const master = randomBytes(32);
    const recovery = normalizeRecoveryKey(generateRecoveryKey())!;
    const keyring = await createKeyring(
      master,
      { login: 'f.marchal', password: password('Mirabelle-Metz-2026!') },
      recovery,
      newDatabaseId(),
    );
    expect(await unlockWithPassword(keyring, 'f.marchal', password('Mirabelle-Metz-2026!'))).toEqual(master);
    expect(await unlockWithPassword(keyring, 'f.marchal', password('mirabelle-metz-2026!'))).toBeNull();
    expect(await unlockWithPassword(keyring, 'inconnu', password('Mirabelle-Metz-2026!'))).toBeNull();
    expect(await unlockWithRecovery(keyring, recovery)).toEqual(master);
    expect(await unlockWithRecovery(keyring, normalizeRecoveryKey(generateRecoveryKey())!)).toBeNull();
  });

  it('rewraps one slot without touching the others, and removes a slot', async () => {
    const master = randomBytes(32);
    const recovery = normalizeRecoveryKey(generateRecoveryKey())!;
    let keyring = await createKeyring(
      master,
      { login: 'f.marchal', password: password('Mirabelle-Metz-2026!') },
      recovery,
      newDatabaseId(),
    );
    keyring = withPasswordSlot(keyring, await makePasswordSlot(master, 's.kieffer', password('Graoully-Temple-Neuf-7')));
    const before = keyring.slots.find((s) => s.kind === 'password' && s.login === 'f.marchal');
    keyring = withPasswordSlot(keyring, await makePasswordSlot(master, 's.kieffer', password('Nouveau-mot-de-passe-8')));
    expect(keyring.slots.find((s) => s.kind === 'password' && s.login === 'f.marchal')).toEqual(before);
    expect(await unlockWithPassword(keyring, 's.kieffer', password('Graoully-Temple-Neuf-7'))).toBeNull();
    expect(await unlockWithPassword(keyring, 's.kieffer', password('Nouveau-mot-de-passe-8'))).toEqual(master);
    keyring = withoutPasswordSlot(keyring, 's.kieffer');
    expect(await unlockWithPassword(keyring, 's.kieffer', password('Nouveau-mot-de-passe-8'))).toBeNull();
  });

  it('cannot move a slot to another login', async () => {
    const master = randomBytes(32);
    const keyring = await createKeyring(
      master,
      { login: 'f.marchal', password: password('Mirabelle-Metz-2026!') },
      normalizeRecoveryKey(generateRecoveryKey())!,
      newDatabaseId(),
    );
    const moved = { ...keyring, slots: keyring.slots.map((s) => (s.kind === 'password' ? { ...s, login: 'intrus' } : s)) };
    expect(await unlockWithPassword(moved, 'intrus', password('Mirabelle-Metz-2026!'))).toBeNull();
  });

  it('round-trips through its file and reports a damaged or missing file in French', async () => {
    const dir = tempDir();
    const path = join(dir, 'clsm.keyring.json');
    const master = randomBytes(32);
    const keyring = await createKeyring(
      master,
      { login: 'f.marchal', password: password('Mirabelle-Metz-2026!') },
      normalizeRecoveryKey(generateRecoveryKey())!,
      newDatabaseId(),
    );
    writeKeyring(path, keyring);
    expect(readKeyring(path)).toEqual(keyring);
    expect(keyring.databaseId).toMatch(/^[0-9a-f]{32}$/);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('Mirabelle');
    expect(text).not.toContain(master.toString('base64'));
    expect(text).not.toContain(master.toString('hex'));
    writeFileSync(path, '{"format":"clsm-keyring"');
    expect(() => readKeyring(path)).toThrow(/illisible ou endommagé/);
    expect(() => readKeyring(join(dir, 'absent.json'))).toThrow(/introuvable/);
  });
});
