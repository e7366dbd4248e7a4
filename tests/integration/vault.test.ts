import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../db/connection';
import { readKeyring } from '../../db/keyring';
import type { ClsmApi } from '../../electron/ipc/api';
import { listUsers } from '../../electron/services/users/users';
import { Vault } from '../../electron/services/vault';
import { COORDINATOR, ESTABLISHMENT, SECRETARY, accountFor } from '../fixtures/people';
import { clientFor, ok } from '../helpers/ipc';
import { initializedVault, manualClock, tempDir } from '../helpers/vault';

function fileContains(path: string, text: string): boolean {
  const bytes = readFileSync(path);
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

function everyFileIn(dir: string): string[] {
  return readdirSync(dir).map((name) => join(dir, name));
}

/** The coordinator (unlocked in `vault`) creates the secretariat account. */
const addSecretary = (api: ClsmApi) => ok(api.users.create(accountFor(SECRETARY, 'secretariat')));

const newPassword = (currentPassword: string, password = 'Porte-Serpenoise-1852') => ({
  currentPassword,
  newPassword: password,
  newPasswordConfirmation: password,
});

describe('vault: data at rest', () => {
  it('leaves no plaintext marker in the database, its WAL, the keyring or any file beside them', async () => {
    const { vault, dataDir } = await initializedVault();
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    await addSecretary(clientFor(vault).api);
    const markers = [COORDINATOR.displayName, SECRETARY.displayName, 'Marchal', 'Kieffer', ESTABLISHMENT, COORDINATOR.password];
    const whileOpen = everyFileIn(dataDir);
    expect(whileOpen.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const file of whileOpen) for (const marker of markers) expect(fileContains(file, marker), `${marker} in ${file}`).toBe(false);
    vault.lock();
    for (const file of everyFileIn(dataDir))
      for (const marker of markers) expect(fileContains(file, marker), `${marker} in ${file}`).toBe(false);
    // …and the names are really in there, behind the key.
    const session = await vault.unlock(SECRETARY.login, SECRETARY.password);
    expect(session.displayName).toBe(SECRETARY.displayName);
  });
});

describe('vault: unlocking', () => {
  it('fails at open with a wrong password, throttles, and records the failures at the next unlock', async () => {
    const clock = manualClock();
    const { vault } = await initializedVault({ now: clock.now });
    await expect(vault.unlock(COORDINATOR.login, 'pas-le-bon-mot-de-passe')).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
      retryAfterMs: 1000,
      message: 'Identifiant ou mot de passe incorrect.',
    });
    expect(vault.session).toBeNull();
    await expect(vault.unlock(COORDINATOR.login, COORDINATOR.password)).rejects.toMatchObject({ code: 'UNLOCK_DELAY' });
    clock.advance(1000);
    await expect(vault.unlock('inconnu', COORDINATOR.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD', retryAfterMs: 2000 });
    clock.advance(2000);
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    const events = vault.database().prepare('SELECT action, outcome, detail FROM audit_events ORDER BY id').all();
    expect(events).toContainEqual({ action: 'session.unlockFailures', outcome: 'failure', detail: 'count=2' });
    expect(events.at(-1)).toEqual({ action: 'session.unlock', outcome: 'success', detail: null });
  });

  it('reports a missing database, a missing keyring and a database that does not match its key', async () => {
    const { vault, dataDir } = await initializedVault();
    const other = await initializedVault();
    copyFileSync(join(other.dataDir, 'clsm.db'), join(dataDir, 'clsm.db'));
    await expect(vault.unlock(COORDINATOR.login, COORDINATOR.password)).rejects.toMatchObject({
      code: 'DB_DAMAGED',
      message: expect.stringMatching(/endommagée/),
    });
    rmSync(join(dataDir, 'clsm.db'));
    expect(vault.state()).toBe('db_missing');
    await expect(vault.unlock(COORDINATOR.login, COORDINATOR.password)).rejects.toMatchObject({ code: 'DB_MISSING' });
    rmSync(join(other.dataDir, 'clsm.keyring.json'));
    expect(other.vault.state()).toBe('keyring_missing');
  });

  it('refuses a database written by a newer version of the app', async () => {
    const { vault } = await initializedVault();
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    vault.database().pragma('user_version = 999');
    vault.lock();
    await expect(vault.unlock(COORDINATOR.login, COORDINATOR.password)).rejects.toMatchObject({
      code: 'DB_TOO_NEW',
      message: expect.stringMatching(/version plus récente.*schéma 999/),
    });
    expect(vault.session).toBeNull();
  });

  it('locking closes the database and forgets the session', async () => {
    const { vault } = await initializedVault();
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    const db = vault.database();
    vault.lock();
    expect(db.open).toBe(false);
    expect(vault.session).toBeNull();
    expect(() => vault.database()).toThrow(/verrouillée/);
  });

  it('refuses to initialise a folder twice', async () => {
    const { vault } = await initializedVault();
    await expect(
      vault.initialize({ establishmentName: 'X', login: 'autre', displayName: 'Autre', password: 'Un-autre-mot-de-passe' }),
    ).rejects.toMatchObject({ code: 'ALREADY_INITIALIZED' });
  });

  it('refuses a short password at set-up and creates nothing', async () => {
    const dataDir = join(tempDir(), 'data');
    const vault = new Vault({ dataDir });
    await expect(
      vault.initialize({ establishmentName: ESTABLISHMENT, login: 'f.marchal', displayName: 'F M', password: 'court' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: { password: expect.stringMatching(/au moins 12 caractères/) },
      message: expect.stringMatching(/au moins 12 caractères/),
    });
    expect(existsSync(join(dataDir, 'clsm.db'))).toBe(false);
  });
});

describe('vault: recovery and password changes', () => {
  it('the recovery key opens the vault and sets a new coordinator password, keeping the data', async () => {
    const { vault, recoveryKey } = await initializedVault();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    await expect(
      vault.recover(
        typed.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
        COORDINATOR.login,
        'Nouveau-mot-de-passe-2026',
      ),
    ).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    const clock = manualClock(new Date(Date.now() + 5_000));
    const later = new Vault({ dataDir: vault.dbPath.replace(/\/clsm\.db$/, ''), now: clock.now });
    const session = await later.recover(typed, COORDINATOR.login, 'Nouveau-mot-de-passe-2026');
    expect(session).toMatchObject({ login: COORDINATOR.login, role: 'coordinator', displayName: COORDINATOR.displayName });
    later.lock();
    await expect(later.unlock(COORDINATOR.login, COORDINATOR.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    clock.advance(1000);
    await later.unlock(COORDINATOR.login, 'Nouveau-mot-de-passe-2026');
    expect(listUsers({ db: later.database() }).map((u) => u.displayName)).toEqual([COORDINATOR.displayName]);
  });

  it('changing a password rewraps one slot only and keeps every row', async () => {
    const clock = manualClock();
    const { vault } = await initializedVault({ now: clock.now });
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    const { api } = clientFor(vault, { now: clock.now });
    await addSecretary(api);
    const slotsBefore = readKeyring(vault.folder.keyringPath).slots;
    await expect(ok(api.users.changePassword(newPassword('mauvais-mot-de-passe')))).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
    });
    clock.advance(1000);
    // The same password again is not a change.
    expect(await api.users.changePassword(newPassword(COORDINATOR.password, COORDINATOR.password))).toMatchObject({
      ok: false,
      error: { fields: { newPassword: 'Le nouveau mot de passe doit être différent de l’actuel.' } },
    });
    await ok(api.users.changePassword(newPassword(COORDINATOR.password)));
    const slotsAfter = readKeyring(vault.folder.keyringPath).slots;
    expect(slotsAfter.filter((s) => s.kind !== 'password' || s.login !== COORDINATOR.login)).toEqual(
      slotsBefore.filter((s) => s.kind !== 'password' || s.login !== COORDINATOR.login),
    );
    vault.lock();
    await vault.unlock(COORDINATOR.login, 'Porte-Serpenoise-1852');
    expect(
      listUsers({ db: vault.database() })
        .map((u) => u.login)
        .sort(),
    ).toEqual([COORDINATOR.login, SECRETARY.login]);
  });

  it('throttles wrong password confirmations like unlocks, audits them, and lifts the delay on success', async () => {
    const clock = manualClock();
    const { vault } = await initializedVault({ now: clock.now });
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    const { api } = clientFor(vault, { now: clock.now });
    const attempt = async (currentPassword: string) => {
      const result = await api.users.changePassword(newPassword(currentPassword));
      if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    };
    // The delay travels as a number: the message does not carry it, the UI counts down from it.
    await expect(attempt('devinette-numero-1')).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
      retryAfterMs: 1000,
      message: 'Mot de passe actuel incorrect.',
      fields: { currentPassword: 'Mot de passe actuel incorrect.' },
    });
    await expect(attempt(COORDINATOR.password)).rejects.toMatchObject({ code: 'UNLOCK_DELAY' }); // even the right one must wait
    clock.advance(1000);
    await expect(attempt('devinette-numero-2')).rejects.toMatchObject({ retryAfterMs: 2000 });
    clock.advance(2000);
    await attempt(COORDINATOR.password);
    await expect(attempt('encore-une-erreur')).rejects.toMatchObject({ retryAfterMs: 1000 }); // the success reset the delay
    vault.lock();
    clock.advance(1000);
    await vault.unlock(COORDINATOR.login, 'Porte-Serpenoise-1852');
    // Already in the trail as refusals (by the IPC layer in the app); not re-counted as unlock failures.
    const failures = vault.database().prepare(`SELECT count(*) FROM audit_events WHERE action = 'session.unlockFailures'`).pluck().get();
    expect(failures).toBe(0);
  });

  it('a disabled user loses their slot and cannot unlock; nobody can disable themself', async () => {
    const { vault } = await initializedVault();
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    const { api } = clientFor(vault);
    const secretary = await addSecretary(api);
    await expect(ok(api.users.disable({ userId: vault.session!.userId, actorPassword: COORDINATOR.password }))).rejects.toMatchObject({
      code: 'SELF_DISABLE',
    });
    const disabled = await ok(api.users.disable({ userId: secretary.id, actorPassword: COORDINATOR.password }));
    expect(disabled.active).toBe(false);
    expect(readKeyring(vault.folder.keyringPath).slots.some((s) => s.kind === 'password' && s.login === SECRETARY.login)).toBe(false);
    vault.lock();
    await expect(vault.unlock(SECRETARY.login, SECRETARY.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  });

  it('never stores the master key: a key guessed at random does not open the database', async () => {
    const { vault } = await initializedVault();
    expect(() => openEncryptedDatabase(vault.dbPath, randomBytes(32), { create: false })).toThrow(/endommagée/);
  });
});
