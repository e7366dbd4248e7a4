// Drafts of the forms being typed: kept per user in the encrypted database, never readable by
// another user, never in clear in the file, erased with the situation they are about (G9) and with
// a departing user, dropped after 30 days; saving a draft is not an event of the trail.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountFor, COORDINATOR, SECRETARY } from '../fixtures/people';
import { consentOf, referralOf } from '../fixtures/situations';
import { firstUnlock, ok } from '../helpers/ipc';
import { refusal } from '../helpers/meetings';
import { declareEligible, situationsSession } from '../helpers/situations';
import { manualClock } from '../helpers/vault';

const DAY_MS = 86_400_000;
/** Typed in a referral and never saved: it must not be found in clear anywhere on disk. */
const MARKER = 'Brouillon-Quetsche-7731 : expulsion prévue rue des Mirabelles';

function fileText(path: string): string {
  return [path, `${path}-wal`]
    .filter((p) => existsSync(p))
    .map((p) => readFileSync(p).toString('latin1'))
    .join('');
}

describe('drafts of the forms', () => {
  it('are kept for their user only, encrypted on disk, then discarded; no event of the trail on success', async () => {
    const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
    const { api, vault } = await situationsSession({ now: clock.now });
    const payload = JSON.stringify({ question: MARKER, commune: 'Woippy' });
    expect(await ok(api.drafts.get({ key: 'referral:new' }))).toBeNull();
    expect(await ok(api.drafts.save({ key: 'referral:new', situationId: null, payload }))).toEqual({
      savedAt: '2026-03-20T09:00:00.000Z',
    });
    expect(await ok(api.drafts.get({ key: 'referral:new' }))).toEqual({
      key: 'referral:new',
      payload,
      updatedAt: '2026-03-20T09:00:00.000Z',
    });
    vault.database().pragma('wal_checkpoint(TRUNCATE)');
    expect(fileText(vault.dbPath)).not.toContain('Quetsche-7731');
    expect(fileText(vault.dbPath)).not.toContain(Buffer.from(MARKER, 'utf8').toString('latin1'));

    // Another user has drafts of their own: never this one.
    await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await firstUnlock(api, SECRETARY);
    expect(await ok(api.drafts.get({ key: 'referral:new' }))).toBeNull();
    expect(await ok(api.drafts.discard({ key: 'referral:new' }))).toEqual({ discarded: false });
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    expect(await ok(api.drafts.get({ key: 'referral:new' }))).toMatchObject({ payload });

    expect(await ok(api.drafts.discard({ key: 'referral:new' }))).toEqual({ discarded: true });
    expect(await ok(api.drafts.get({ key: 'referral:new' }))).toBeNull();
    const events = vault.database().prepare(`SELECT action FROM audit_events WHERE action LIKE 'drafts.%'`).pluck().all();
    expect(events).toEqual([]);
  });

  it('refuse a malformed key or an oversized payload, and are dropped after 30 days untouched', async () => {
    const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
    const { api } = await situationsSession({ now: clock.now });
    expect(await refusal(api.drafts.save({ key: '../etc', situationId: null, payload: '{}' }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refusal(api.drafts.save({ key: 'referral:new', situationId: null, payload: 'x'.repeat(200_001) }))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    await ok(api.drafts.save({ key: 'training-session:new', situationId: null, payload: '{"title":"Atelier"}' }));
    clock.advance(29 * DAY_MS);
    expect(await ok(api.drafts.get({ key: 'training-session:new' }))).not.toBeNull();
    clock.advance(2 * DAY_MS);
    expect(await ok(api.drafts.get({ key: 'training-session:new' }))).toBeNull();
  });

  it('about a situation, are erased with its data (G9), like the texts added for the letters', async () => {
    const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
    const { api, referrer, vault } = await situationsSession({ now: clock.now });
    const situation = await ok(api.situations.saveReferral(referralOf(referrer.id)));
    await declareEligible(api, situation.id);
    await ok(
      api.consents.record(
        consentOf(situation.id, referrer.id, {
          legalProtection: 'curatelle_renforcee',
          representative: 'Mme Odile Perrin, UDAF de la Moselle',
          representativeAgreement: true,
          representativeAddress: '12 rue du Pont-des-Morts\n57000 Metz',
        }),
      ),
    );
    await ok(
      api.drafts.save({ key: `deliberation:${situation.id}`, situationId: situation.id, payload: JSON.stringify({ synthesis: MARKER }) }),
    );
    await ok(api.drafts.save({ key: 'referral:new', situationId: null, payload: '{}' }));
    await ok(api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-03-20', note: '' }));
    clock.advance(60_000);
    await ok(api.retention.purge({ situationIds: [situation.id], actorPassword: COORDINATOR.password }));
    expect(await ok(api.drafts.get({ key: `deliberation:${situation.id}` }))).toBeNull();
    expect(await ok(api.drafts.get({ key: 'referral:new' }))).not.toBeNull();
    const consent = vault
      .database()
      .prepare('SELECT representative, representative_address FROM consents WHERE situation_id = ?')
      .get(situation.id);
    expect(consent).toEqual({ representative: null, representative_address: '' });
  });

  it('of a departing user go with their account', async () => {
    const { api, vault } = await situationsSession();
    const secretary = await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await firstUnlock(api, SECRETARY);
    await ok(api.drafts.save({ key: 'member:new', situationId: null, payload: '{"lastName":"Weber"}' }));
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    await ok(api.users.disable({ userId: secretary.id, actorPassword: COORDINATOR.password }));
    expect(vault.database().prepare('SELECT count(*) FROM form_drafts WHERE user_id = ?').pluck().get(secretary.id)).toBe(0);
  });
});
