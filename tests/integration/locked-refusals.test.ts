// What happens while the trail is locked survives a restart: the refused calls (as counts per kind)
// and the unlock throttle, whose damaged file is reset rather than locking everyone out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/services/vault';
import { COORDINATOR } from '../fixtures/people';
import { clientFor, ok } from '../helpers/ipc';
import { initializedVault, manualClock } from '../helpers/vault';

describe('while locked', () => {
  it('keeps the refused calls on disk, as counts, and writes them to the trail at the next unlock after a restart', async () => {
    const clock = manualClock();
    const { vault, dataDir } = await initializedVault({ now: clock.now });
    const before = clientFor(vault, { now: clock.now });
    for (let i = 0; i < 3; i++) expect(await before.api.users.list({})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(await before.api.audit.list({})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });

    const restarted = new Vault({ dataDir, now: clock.now });
    const { api } = clientFor(restarted, { now: clock.now });
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    const refused = restarted
      .database()
      .prepare(`SELECT action, user_id AS userId, detail FROM audit_events WHERE outcome = 'refused' ORDER BY id`)
      .all();
    // Written now, in the chain's order; when they first happened is in the detail.
    expect(refused).toEqual([
      { action: 'users.list', userId: null, detail: 'code=NOT_AUTHENTICATED,count=3,since=2026-03-02T08:30:00.000Z' },
      { action: 'audit.list', userId: null, detail: 'code=NOT_AUTHENTICATED,since=2026-03-02T08:30:00.000Z' },
    ]);
    const times = restarted.database().prepare('SELECT at FROM audit_events ORDER BY id').pluck().all() as string[];
    expect(times).toEqual([...times].sort());
    // Written once: the next unlock finds nothing waiting.
    restarted.lock();
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    expect(restarted.database().prepare(`SELECT count(*) FROM audit_events WHERE outcome = 'refused'`).pluck().get()).toBe(2);
  });

  it('resets a damaged throttle file instead of locking everyone out, and records the reset', async () => {
    const clock = manualClock();
    const { vault, dataDir } = await initializedVault({ now: clock.now });
    writeFileSync(join(dataDir, 'clsm.lockout.json'), '');
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(vault.database().prepare(`SELECT action, detail FROM audit_events WHERE action = 'session.lockoutReset'`).all()).toEqual([
      { action: 'session.lockoutReset', detail: 'count=1' },
    ]);
  });

  it('resets a damaged file of waiting refusals, and records that some may be lost', async () => {
    const { vault, dataDir } = await initializedVault();
    writeFileSync(join(dataDir, 'clsm.pending-audit.json'), '{"entries": "abîmé"}');
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(vault.database().prepare(`SELECT detail FROM audit_events WHERE action = 'audit.pendingReset'`).pluck().all()).toEqual([
      'file=damaged',
    ]);
  });
});
