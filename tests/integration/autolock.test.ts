import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatcher';
import { handlers } from '../../electron/ipc/handlers';
import { writeSetting } from '../../electron/services/settings/settings';
import { AutoLock } from '../../electron/services/vault';
import { COORDINATOR } from '../fixtures/people';
import { initializedVault, manualClock } from '../helpers/vault';

const trusted = { trustedSender: true };

describe('inactivity auto-lock', () => {
  it('locks after the configured minutes without activity, and authenticated calls postpone it', async () => {
    const clock = manualClock();
    const { vault } = await initializedVault({ now: clock.now });
    const ipc = createDispatcher({ vault, handlers, now: clock.now });
    await ipc.dispatch('session.unlock', { login: COORDINATOR.login, password: COORDINATOR.password }, trusted);
    // Nothing watches this session yet: no lock to announce.
    expect(await ipc.dispatch('session.info', {}, trusted)).toMatchObject({ ok: true, value: { lockInMs: null } });
    writeSetting(vault.database(), 'autoLockMinutes', 3);
    const onLock = vi.fn();
    const autoLock = new AutoLock(vault, { onLock });

    clock.advance(2 * 60_000);
    expect(autoLock.check()).toBe(false);
    // One minute left: the UI is told, to warn before the lock.
    expect(await ipc.dispatch('session.info', {}, trusted)).toMatchObject({ ok: true, value: { lockInMs: 60_000 } });
    await ipc.dispatch('session.activity', {}, trusted); // user typed something
    expect(await ipc.dispatch('session.info', {}, trusted)).toMatchObject({ ok: true, value: { lockInMs: 3 * 60_000 } });
    clock.advance(2 * 60_000);
    expect(autoLock.check()).toBe(false);
    await ipc.dispatch('session.info', {}, trusted); // polling is not activity
    clock.advance(60_000);
    expect(autoLock.check()).toBe(true);
    expect(onLock).toHaveBeenCalledWith('inactivity');
    expect(vault.session).toBeNull();
    expect(await ipc.dispatch('session.info', {}, trusted)).toEqual({ ok: true, value: null });

    await ipc.dispatch('session.unlock', { login: COORDINATOR.login, password: COORDINATOR.password }, trusted);
    const events = vault.database().prepare(`SELECT action, detail FROM audit_events WHERE action = 'session.lock'`).all();
    expect(events).toEqual([{ action: 'session.lock', detail: 'reason=inactivity' }]);
  });

  it('uses a fixed delay when one is given (dev host, end-to-end tests)', async () => {
    const clock = manualClock();
    const { vault } = await initializedVault({ now: clock.now });
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    const autoLock = new AutoLock(vault, { overrideMs: 3000 });
    clock.advance(2999);
    expect(autoLock.check()).toBe(false);
    clock.advance(1);
    expect(autoLock.check()).toBe(true);
    expect(autoLock.check()).toBe(false); // already locked
  });
});
