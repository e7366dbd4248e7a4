// A restore does not undo a revocation (issue 24). A backup made before a user was disabled and the
// key changed: restored, it names that user, disables them again and removes their slot, and the
// key must be changed before any other work (in the app) or is changed at once (CLI, with the
// coordinator's password). The departed user's password, and their old keyring copy, open nothing.
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKeyring, unlockWithPassword } from '../../db/keyring';
import { Vault } from '../../electron/services/vault';
import { secretBuffer } from '../../electron/services/vault/keyring-service';
import { accountFor, ANIMATEUR, COORDINATOR, SECRETARY } from '../fixtures/people';
import { cli } from '../helpers/cli';
import { clientFor, coordinatorSession, ok } from '../helpers/ipc';
import { configureShare } from '../helpers/backup';
import { initializedVault, manualClock, opens, tempDir } from '../helpers/vault';

const DAY = 86_400_000;

/** A backup with the animateur active; then the animateur disabled and the key changed. */
async function revokedSinceBackup() {
  const clock = manualClock(new Date('2026-03-02T08:30:00Z'));
  const session = await coordinatorSession({ now: clock.now });
  const { api, vault, dataDir } = session;
  await ok(api.recovery.confirmStored({}));
  const animateur = await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
  await configureShare(api);
  const backup = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
  // The animateur leaves with a copy of the keyring of the day (every backup carries one).
  const departedKeyring = join(tempDir(), 'trousseau-emporte.json');
  copyFileSync(join(backup.path, 'clsm.keyring.json'), departedKeyring);
  clock.advance(DAY);
  await ok(api.users.disable({ userId: animateur.id, actorPassword: COORDINATOR.password }));
  await ok(api.users.rotateKey({ actorPassword: COORDINATOR.password }));
  await ok(api.recovery.confirmStored({}));
  const departedKey = (await unlockWithPassword(readKeyring(departedKeyring), ANIMATEUR.login, secretBuffer(ANIMATEUR.password)))!;
  expect(opens(join(dataDir, 'clsm.db'), departedKey)).toBe(false); // the rotation did its work
  return { ...session, clock, backup, departedKey, vault };
}

describe('restoring a backup older than a revocation', () => {
  it('in the app: names the user, disables them again, and requires a new key before anything else', async () => {
    const { api, vault, dataDir, backup, departedKey, clock } = await revokedSinceBackup();
    const restored = await ok(api.backup.restore({ name: backup.name, actorPassword: COORDINATOR.password, secret: null }));
    expect(restored.revocation).toEqual({
      otherDatabase: false,
      predatesRotation: true,
      revoked: [{ login: ANIMATEUR.login, displayName: ANIMATEUR.displayName }],
      rotationRequired: true,
    });
    expect(vault.state()).toBe('locked');

    // The departed user's password no longer opens the live folder.
    const { api: departed } = clientFor(vault);
    expect(await departed.session.unlock({ login: ANIMATEUR.login, password: ANIMATEUR.password })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSWORD' },
    });
    expect(readKeyring(join(dataDir, 'clsm.keyring.json')).slots.some((s) => s.kind === 'password' && s.login === ANIMATEUR.login)).toBe(
      false,
    );

    // The coordinator must change the key first; everything else is refused meanwhile.
    clock.advance(1000); // the failed unlock's one-second delay
    const info = await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    expect(info).toMatchObject({
      keyRotationRequired: { revoked: [ANIMATEUR.displayName] },
      areas: [],
      allowed: expect.arrayContaining(['users.rotateKey']),
    });
    expect(await api.users.list({})).toMatchObject({ ok: false, error: { code: 'KEY_ROTATION_REQUIRED' } });
    expect(await api.backup.run({ actorPassword: COORDINATOR.password })).toMatchObject({
      ok: false,
      error: { code: 'KEY_ROTATION_REQUIRED' },
    });
    const users = vault.database().prepare('SELECT login, active FROM users ORDER BY login').all();
    expect(users).toContainEqual({ login: ANIMATEUR.login, active: 0 });
    const restoreEvent = vault.database().prepare(`SELECT detail FROM audit_events WHERE action = 'backup.restored'`).pluck().get();
    expect(restoreEvent).toMatch(/revoked=1,olderKey=true,rotation=required/);

    // Until the new key, the old keyring copy still opens the restored base; after it, never again.
    expect(opens(join(dataDir, 'clsm.db'), departedKey)).toBe(true);
    await ok(api.users.rotateKey({ actorPassword: COORDINATOR.password }));
    expect(opens(join(dataDir, 'clsm.db'), departedKey)).toBe(false);
    expect(await ok(api.session.info({}))).toMatchObject({ keyRotationRequired: null, recoveryKeyPending: true });
  }, 60_000);

  it('from the CLI with the coordinator’s password: changes the key at once and says so in French', async () => {
    const { vault, dataDir, backup, departedKey } = await revokedSinceBackup();
    vault.lock();
    const restored = await cli(['restore', backup.path, '--data', dataDir]);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Cette sauvegarde est antérieure à un changement de clé de chiffrement.');
    expect(restored.out).toContain(
      `Comptes désactivés depuis la sauvegarde, désactivés à nouveau : ${ANIMATEUR.displayName} (${ANIMATEUR.login}).`,
    );
    expect(restored.out).toMatch(/Clé de chiffrement changée[\s\S]*Nouvelle clé de récupération/);
    expect(opens(join(dataDir, 'clsm.db'), departedKey)).toBe(false);
    const live = new Vault({ dataDir });
    await expect(live.unlock(ANIMATEUR.login, ANIMATEUR.password)).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
  }, 60_000);

  it('from the CLI with the recovery key: every command but rekey waits for the new key', async () => {
    const { vault, dataDir, backup, recoveryKey } = await revokedSinceBackup();
    vault.lock();
    // The backup's own recovery key (the one of its day) opens it.
    const restored = await cli(['restore', backup.path, '--data', dataDir, '--recovery-key'], recoveryKey);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Changez la clé maintenant (rekey)');
    const share = tempDir();
    const refused = await cli(['backup', '--data', dataDir, '--to', share]);
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('changer la clé de chiffrement') });
    expect(readdirSync(share)).toEqual([]);
    expect((await cli(['rekey', '--data', dataDir])).code).toBe(0);
    expect((await cli(['backup', '--data', dataDir, '--to', share])).code).toBe(0);
  }, 60_000);

  it('refuses the restore to a coordinator disabled since the backup, and replaces nothing', async () => {
    const { api, vault, dataDir } = await coordinatorSession();
    await ok(api.recovery.confirmStored({}));
    const second = await ok(api.users.create(accountFor(SECRETARY, 'coordinator')));
    await configureShare(api);
    const backup = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    await ok(api.users.disable({ userId: second.id, actorPassword: COORDINATOR.password }));
    vault.lock();
    const before = readFileSync(join(dataDir, 'clsm.keyring.json'));
    const refused = await cli(['restore', backup.path, '--data', dataDir], SECRETARY.password);
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('Ce compte a été désactivé depuis cette sauvegarde') });
    expect(readFileSync(join(dataDir, 'clsm.keyring.json'))).toEqual(before);
    expect(readdirSync(dataDir).some((name) => name.startsWith('avant-restauration-'))).toBe(false);
  }, 60_000);

  it('says so when the backup comes from another database than the folder’s', async () => {
    const { api } = await coordinatorSession();
    await ok(api.recovery.confirmStored({}));
    await configureShare(api);
    const backup = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    const { vault: other, dataDir: otherDir } = await initializedVault();
    other.lock();
    const restored = await cli(['restore', backup.path, '--data', otherDir, '--json']);
    expect(restored.code).toBe(0);
    const report = JSON.parse(restored.out) as { message: string; revocation: { otherDatabase: boolean; rotationRequired: boolean } };
    expect(report.revocation).toMatchObject({ otherDatabase: true, rotationRequired: false });
    expect(report.message).toContain('Cette sauvegarde vient d’une autre base que celle du dossier');
  }, 60_000);

  it('restores a backup of the same key and users without asking for anything', async () => {
    const { api, vault } = await coordinatorSession();
    await ok(api.recovery.confirmStored({}));
    await configureShare(api);
    const backup = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    const restored = await ok(api.backup.restore({ name: backup.name, actorPassword: COORDINATOR.password, secret: null }));
    expect(restored.revocation).toMatchObject({ rotationRequired: false, revoked: [] });
    expect(await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }))).toMatchObject({
      keyRotationRequired: null,
    });
    expect(vault.state()).toBe('unlocked');
  }, 60_000);
});
