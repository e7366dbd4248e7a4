// Every password set by someone else must be changed at the next unlock (issue 8): the main
// process refuses everything else until it is, and says so.
import { describe, expect, it } from 'vitest';
import { accountFor, COORDINATOR, SECRETARY } from '../fixtures/people';
import { coordinatorSession, firstUnlock, ok } from '../helpers/ipc';
import { manualClock } from '../helpers/vault';

describe('a password set by someone else', () => {
  it('must be changed before anything else, after a creation and after a reset', async () => {
    const { api } = await coordinatorSession();
    const secretary = await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    expect(await ok(api.session.info({}))).toMatchObject({ mustChangePassword: false });

    await ok(api.session.unlock({ login: SECRETARY.login, password: SECRETARY.password }));
    const info = await ok(api.session.info({}));
    expect(info).toMatchObject({ mustChangePassword: true, areas: [] });
    expect([...info!.allowed].sort()).toEqual(
      [
        'session.activity',
        'session.info',
        'session.lock',
        'session.recover',
        'session.unlock',
        'setup.status',
        'users.changePassword',
      ].sort(),
    );
    expect(info!.allowed).toContain('users.changePassword');
    expect(info!.allowed).not.toContain('partners.listStructures');
    expect(await api.partners.listStructures({})).toMatchObject({
      ok: false,
      error: {
        code: 'PASSWORD_CHANGE_REQUIRED',
        message: 'Choisissez d’abord votre propre mot de passe : celui-ci a été défini par quelqu’un d’autre.',
      },
    });
    const own = `${SECRETARY.password}-perso`;
    await ok(api.users.changePassword({ currentPassword: SECRETARY.password, newPassword: own, newPasswordConfirmation: own }));
    expect(await ok(api.session.info({}))).toMatchObject({
      mustChangePassword: false,
      areas: ['partners', 'situations', 'clsm', 'training'],
    });
    expect(await ok(api.partners.listStructures({}))).toEqual([]);

    // A reset by the coordinator sets the obligation again.
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    await ok(
      api.users.resetPassword({
        userId: secretary.id,
        newPassword: 'Rue-Serpenoise-22',
        newPasswordConfirmation: 'Rue-Serpenoise-22',
        actorPassword: COORDINATOR.password,
      }),
    );
    await ok(api.session.unlock({ login: SECRETARY.login, password: 'Rue-Serpenoise-22' }));
    expect(await ok(api.session.info({}))).toMatchObject({ mustChangePassword: true });
    await firstUnlock(api, { login: SECRETARY.login, password: 'Rue-Serpenoise-22' });
    expect(await ok(api.session.info({}))).toMatchObject({ mustChangePassword: false });
  });
});

describe('the recovery key', () => {
  it('is replaced by a new one (password asked again): the old one stops working', async () => {
    const clock = manualClock();
    const { api, vault, recoveryKey } = await coordinatorSession({ now: clock.now });
    expect(await api.recovery.newKey({ actorPassword: 'pas-le-bon' })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED' },
    });
    clock.advance(1000); // the wrong confirmation is throttled for 1 s
    const fresh = await ok(api.recovery.newKey({ actorPassword: COORDINATOR.password }));
    expect(fresh.recoverySheet.fileName).toBe('fiche-de-recuperation-commission-clsm.pdf');
    // Until it is confirmed stored, nothing else answers — after a reload as much as before.
    expect(await ok(api.session.info({}))).toMatchObject({ recoveryKeyPending: true, areas: [] });
    expect(await api.partners.listStructures({})).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_PENDING' } });
    await ok(api.recovery.confirmStored({}));
    expect(await ok(api.session.info({}))).toMatchObject({ recoveryKeyPending: false });
    vault.lock();
    await expect(vault.recover(recoveryKey, COORDINATOR.login, 'Nouveau-mot-de-passe-2026')).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
    clock.advance(1000);
    expect((await vault.recover(fresh.recoveryKey, COORDINATOR.login, 'Nouveau-mot-de-passe-2026')).login).toBe(COORDINATOR.login);
  });
});
