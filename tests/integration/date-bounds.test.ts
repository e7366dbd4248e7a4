// Every day typed in the app is a day of 1900–2100 (issue 24): beyond, a French field error, never
// an internal one (SQLite's checks, JavaScript's date range), and nothing written.
import { describe, expect, it } from 'vitest';
import { day } from '../../electron/services/common/schema';
import { referralOf } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { situationsSession } from '../helpers/situations';
import { manualClock } from '../helpers/vault';

const YEAR_MESSAGE = 'L’année doit être comprise entre 1900 et 2100.';

describe('days out of the years the app handles', () => {
  it('are refused by the shared day rule with the French message', () => {
    const rule = day();
    for (const far of ['0001-01-01', '1899-12-31', '2101-01-01', '9999-12-31']) {
      const result = rule.safeParse(far);
      expect(result.success, far).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual([YEAR_MESSAGE]);
    }
    for (const near of ['1900-01-01', '2100-12-31']) expect(rule.safeParse(near).success, near).toBe(true);
  });

  it('give field errors at the doors the probe found, and write nothing', async () => {
    const { api, vault, referrer } = await situationsSession({ now: manualClock(new Date('2026-03-20T09:00:00Z')).now });
    const situations = () => vault.database().prepare('SELECT count(*) FROM situations').pluck().get();
    const before = situations();
    expect(await api.situations.saveReferral(referralOf(referrer.id, { receivedOn: '0001-01-01' }))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { receivedOn: YEAR_MESSAGE } },
    });
    expect(situations()).toBe(before);
    expect(await api.audit.list({ to: '9999-12-31', limit: 10, offset: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { to: YEAR_MESSAGE } },
    });
    expect(await api.audit.export({ from: '0001-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await api.meetings.save({
        heldOn: '9999-12-31',
        startsAt: '14:00',
        endsAt: '16:00',
        place: 'CH de Jury',
        animateurMemberId: referrer.id,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { heldOn: YEAR_MESSAGE } },
    });
    // Within the years, the same doors answer.
    expect((await ok(api.audit.list({ to: '2100-12-31', limit: 10, offset: 0 }))).total).toBeGreaterThan(0);
  });
});
