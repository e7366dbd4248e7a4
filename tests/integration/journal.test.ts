// The journal in French: every action has a label, the object is named as the coordinator knows
// it (never a person's name), and details read as words.
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../electron/shared/audit-actions';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { accountFor, annKlein, ccasDeMetz, SECRETARY } from '../fixtures/people';
import { referralOf } from '../fixtures/situations';
import { coordinatorSession, ok } from '../helpers/ipc';
import { situationsSession } from '../helpers/situations';
import { manualClock } from '../helpers/vault';

describe('audit journal', () => {
  it('names objects and details in French, without the name of a person', async () => {
    const { api } = await coordinatorSession();
    const ccas = await ok(api.partners.saveStructure(ccasDeMetz));
    const anne = await ok(api.partners.saveMember(annKlein(ccas.id)));
    const secretary = await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await api.users.disable({ userId: secretary.id, actorPassword: 'pas-le-bon-mot-de-passe' });
    const { events } = await ok(api.audit.list({ limit: 50 }));
    const find = (action: string, outcome = 'success') => events.find((e) => e.action === action && e.outcome === outcome)!;
    expect(find('partners.createStructure').objectLabel).toBe('Structure « CCAS de Metz »');
    expect(find('partners.createMember').objectLabel).toBe(`Membre n° ${anne.id} de « CCAS de Metz »`);
    expect(find('users.create')).toMatchObject({
      objectLabel: `Compte n° ${secretary.id} (Secrétariat)`,
      detailLabel: 'rôle : Secrétariat',
    });
    expect(find('users.disable', 'refused').detailLabel).toBe('Mot de passe de confirmation incorrect');
    expect(find('session.unlock').objectLabel).toBe('');
    expect(JSON.stringify(events)).not.toMatch(/Klein|Anne|Kieffer|Stéphane|Marchal/);
  });

  it('writes one event per consultation: a refresh or a second panel within ten minutes is the same view', async () => {
    const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
    const { api, referrer, vault } = await situationsSession({ now: clock.now });
    const situation = await ok(api.situations.saveReferral(referralOf(referrer.id)));
    const views = () =>
      vault
        .database()
        .prepare(`SELECT at FROM audit_events WHERE action = 'situations.view' AND object_id = ?`)
        .pluck()
        .all(String(situation.id));
    await ok(api.situations.get({ id: situation.id }));
    await ok(api.situations.get({ id: situation.id }));
    clock.advance(9 * 60_000);
    await ok(api.situations.get({ id: situation.id }));
    expect(views()).toEqual(['2026-03-20T09:00:00.000Z']);
    clock.advance(2 * 60_000);
    await ok(api.situations.get({ id: situation.id }));
    expect(views()).toEqual(['2026-03-20T09:00:00.000Z', '2026-03-20T09:11:00.000Z']);
  });

  it('has a French label for every channel and every event the app writes', () => {
    for (const channel of CHANNEL_NAMES) expect(AUDIT_ACTIONS[channel], channel).toMatch(/^[A-ZÉ]/);
    for (const [action, label] of Object.entries(AUDIT_ACTIONS)) expect(label, action).not.toMatch(/[a-z]+\.[a-z]+/);
  });
});
