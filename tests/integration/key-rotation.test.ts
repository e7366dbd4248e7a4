// « Changer la clé de chiffrement »: after it, a keyring copied before (a backup's, a departed user's)
// opens only older copies of the database; the coordinator goes on, the others get temporary
// passwords, the recovery key is new; a crash at any step leaves either the old pair or the new one.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeyring, unlockWithPassword } from '../../db/keyring';
import { runCli } from '../../electron/cli/run';
import { verifyAudit } from '../../electron/services/audit/verify';
import { Vault } from '../../electron/services/vault';
import { secretBuffer } from '../../electron/services/vault/keyring-service';
import { accountFor, ANIMATEUR, COORDINATOR, SECRETARY } from '../fixtures/people';
import { clientFor, coordinatorSession, ok } from '../helpers/ipc';
import { pdfText } from '../helpers/pdf';
import { initializedVault, opens, tempDir } from '../helpers/vault';

/** The master key an old keyring copy gives for a login and password, or null. */
async function keyFrom(keyringPath: string, login: string, password: string): Promise<Buffer | null> {
  return unlockWithPassword(readKeyring(keyringPath), login, secretBuffer(password));
}

describe('key rotation', () => {
  it('leaves a departed user’s old keyring copy able to open older copies only, and hands on what must be', async () => {
    const { vault, dataDir, recoveryKey: oldRecoveryKey, api } = await coordinatorSession();
    await ok(api.recovery.confirmStored({}));
    const secretary = await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    // The secretary leaves, with a copy of the folder taken while they still had a slot.
    vault.lock();
    const old = join(tempDir(), 'copie');
    mkdirSync(old);
    for (const file of ['clsm.db', 'clsm.keyring.json']) copyFileSync(join(dataDir, file), join(old, file));
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    await ok(api.users.disable({ userId: secretary.id, actorPassword: COORDINATOR.password }));
    const departedKey = (await keyFrom(join(old, 'clsm.keyring.json'), SECRETARY.login, SECRETARY.password))!;
    expect(opens(join(dataDir, 'clsm.db'), departedKey)).toBe(true); // the gap this closes

    expect(await api.users.rotateKey({ actorPassword: 'pas-le-bon' })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED' },
    });
    expect(opens(join(dataDir, 'clsm.db'), departedKey)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the throttle's first delay
    const rotation = await ok(api.users.rotateKey({ actorPassword: COORDINATOR.password }));

    expect(opens(join(dataDir, 'clsm.db'), departedKey)).toBe(false);
    expect(opens(join(old, 'clsm.db'), departedKey)).toBe(true);
    expect(await keyFrom(join(dataDir, 'clsm.keyring.json'), SECRETARY.login, SECRETARY.password)).toBeNull();
    expect(readdirSync(dataDir).sort()).toEqual(['clsm.db', 'clsm.db-shm', 'clsm.db-wal', 'clsm.keyring.json', 'clsm.lockout.json']);

    // What the coordinator hands on: the animateur's temporary password, the new recovery key and its sheet.
    expect(rotation.temporaryPasswords).toEqual([
      { login: ANIMATEUR.login, displayName: ANIMATEUR.displayName, password: expect.stringMatching(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/) },
    ]);
    expect(rotation.recoveryKey).not.toBe(oldRecoveryKey);
    expect(pdfText(Buffer.from(rotation.recoverySheet.base64, 'base64'))).toContain(rotation.recoveryKey);

    // The session goes on, on the new key; the new recovery key must be confirmed stored first.
    expect(await api.users.list({})).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_PENDING' } });
    await ok(api.recovery.confirmStored({}));
    expect((await ok(api.users.list({}))).map((u) => [u.login, u.active])).toEqual(
      expect.arrayContaining([
        [SECRETARY.login, false],
        [ANIMATEUR.login, true],
      ]),
    );
    const db = vault.database();
    expect(verifyAudit(db, { databaseId: vault.databaseId() })).toMatchObject({ ok: true });
    expect(
      db.prepare(`SELECT user_id AS userId, detail FROM audit_events WHERE action = 'users.rotateKey' AND outcome = 'success'`).all(),
    ).toEqual([{ userId: 1, detail: 'users=2' }]);
    expect(readFileSync(join(dataDir, 'clsm.db')).includes(Buffer.from(ANIMATEUR.displayName))).toBe(false);

    // The animateur's old password is gone; the temporary one opens and must be changed at once.
    vault.lock();
    await expect(vault.unlock(ANIMATEUR.login, ANIMATEUR.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { api: animateur } = clientFor(vault);
    await ok(animateur.session.unlock({ login: ANIMATEUR.login, password: rotation.temporaryPasswords[0]!.password }));
    expect(await animateur.meetings.list({})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    vault.lock();

    // The old recovery key opens nothing; the new one does.
    await expect(vault.recover(oldRecoveryKey, COORDINATOR.login, 'Nouveau-mot-de-passe-2026')).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await vault.recover(rotation.recoveryKey, COORDINATOR.login, 'Nouveau-mot-de-passe-2026');
  }, 60_000);

  it('is the coordinator’s only', async () => {
    const { vault, api } = await coordinatorSession();
    await ok(api.recovery.confirmStored({}));
    await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    vault.lock();
    const { api: animateur } = clientFor(vault);
    await ok(animateur.session.unlock({ login: ANIMATEUR.login, password: ANIMATEUR.password }));
    expect(await animateur.users.rotateKey({ actorPassword: ANIMATEUR.password })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it.each([
    ['staged', 'the old pair, intact', true],
    ['committed', 'the new pair, finished at the next start', false],
  ] as const)(
    'killed once %s, leaves %s',
    async (step, _what, oldKeyOpens) => {
      const { vault, dataDir } = await initializedVault();
      const before = (await keyFrom(join(dataDir, 'clsm.keyring.json'), COORDINATOR.login, COORDINATOR.password))!;
      vault.lock();
      const signal = await new Promise<string | null>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', join('tests', 'helpers', 'rotation-killed.ts'), dataDir, step],
          { cwd: process.cwd() },
          (error) => resolve(error?.signal ?? null),
        );
      });
      expect(signal).toBe('SIGKILL');
      const restarted = new Vault({ dataDir });
      expect(readdirSync(dataDir).filter((name) => name.startsWith('clsm.swap'))).toEqual([]);
      expect(opens(join(dataDir, 'clsm.db'), before)).toBe(oldKeyOpens);
      const session = await restarted.unlock(COORDINATOR.login, COORDINATOR.password);
      expect(session.login).toBe(COORDINATOR.login);
      expect(verifyAudit(restarted.database(), { databaseId: restarted.databaseId() })).toMatchObject({ ok: true });
    },
    60_000,
  );
});

describe('rekey (admin CLI)', () => {
  it('changes the key, prints the new recovery key and the temporary passwords once, and refuses a wrong password', async () => {
    const { vault, dataDir } = await initializedVault();
    const { api } = clientFor(vault);
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    await ok(api.recovery.confirmStored({}));
    await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    vault.lock();
    const before = (await keyFrom(join(dataDir, 'clsm.keyring.json'), COORDINATOR.login, COORDINATOR.password))!;
    const run = async (secret: string) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['rekey', '--data', dataDir, '--password-stdin', '--json'], {
        readSecret: () => Promise.resolve(secret),
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    expect(await run('pas-le-bon-mot-de-passe')).toMatchObject({ code: 1 });
    expect(opens(join(dataDir, 'clsm.db'), before)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const done = await run(COORDINATOR.password);
    expect(done.code).toBe(0);
    const printed = JSON.parse(done.out) as { recoveryKey: string; temporaryPasswords: { login: string; password: string }[] };
    expect(printed.temporaryPasswords.map((t) => t.login)).toEqual([ANIMATEUR.login]);
    expect(opens(join(dataDir, 'clsm.db'), before)).toBe(false);
    await vault.unlock(ANIMATEUR.login, printed.temporaryPasswords[0]!.password);
  }, 60_000);
});
