// Keyring mutations and unlock attempts run one at a time (DESIGN §5 and issue 7): before, two
// simultaneous user creations lost a slot, simultaneous unlocks leaked connections, and
// simultaneous wrong passwords were all checked before the delay was recorded.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../db/connection';
import { readKeyring } from '../../db/keyring';
import { Vault } from '../../electron/services/vault';
import { accountFor, ANIMATEUR, COORDINATOR, SECRETARY } from '../fixtures/people';
import { clientFor, ok } from '../helpers/ipc';
import { initializedVault, manualClock } from '../helpers/vault';

describe('one at a time', () => {
  it('two users created at the same moment both get their keyring slot and can unlock', async () => {
    const { vault } = await initializedVault();
    const { api } = clientFor(vault);
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    await Promise.all([
      ok(api.users.create(accountFor(SECRETARY, 'secretariat'))),
      ok(api.users.create(accountFor(ANIMATEUR, 'animateur'))),
    ]);
    const logins = readKeyring(vault.folder.keyringPath).slots.flatMap((s) => (s.kind === 'password' ? [s.login] : []));
    expect(logins.sort()).toEqual([ANIMATEUR.login, COORDINATOR.login, SECRETARY.login].sort());
    vault.lock();
    expect((await vault.unlock(SECRETARY.login, SECRETARY.password)).login).toBe(SECRETARY.login);
    expect((await vault.unlock(ANIMATEUR.login, ANIMATEUR.password)).login).toBe(ANIMATEUR.login);
  });

  it('three simultaneous unlocks leave one open connection, and none after locking', async () => {
    const { dataDir } = await initializedVault();
    const open: { closed(): boolean }[] = [];
    const vault = new Vault({
      dataDir: join(dataDir),
      openDatabase: (...args) => {
        const db = openEncryptedDatabase(...args);
        open.push({ closed: () => !db.open });
        return db;
      },
    });
    await Promise.all([1, 2, 3].map(() => vault.unlock(COORDINATOR.login, COORDINATOR.password)));
    expect(open.filter((c) => !c.closed())).toHaveLength(1);
    vault.lock();
    expect(open.filter((c) => !c.closed())).toHaveLength(0);
  });

  it('simultaneous wrong passwords: the first is checked, the others wait for the delay it set', async () => {
    const clock = manualClock();
    const { vault } = await initializedVault({ now: clock.now });
    const results = await Promise.allSettled([1, 2, 3].map((n) => vault.unlock(COORDINATOR.login, `mauvais-mot-de-passe-${n}`)));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
    expect(codes).toEqual(['WRONG_PASSWORD', 'UNLOCK_DELAY', 'UNLOCK_DELAY']);
    clock.advance(1000);
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    const reported = vault.database().prepare(`SELECT detail FROM audit_events WHERE action = 'session.unlockFailures'`).pluck().get();
    expect(reported).toBe('count=1');
  });

  it('tells the session’s listeners when it ends, with the reason', async () => {
    const { vault } = await initializedVault();
    const reasons: string[] = [];
    vault.onLock((reason) => reasons.push(reason));
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    vault.lock('inactivity');
    vault.lock('user'); // already locked: no second notice
    expect(reasons).toEqual(['inactivity']);
  });
});
