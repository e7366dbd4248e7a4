// G9 where issue 23 found it missing: a referral that never got a consent is proposed for erasure
// after its own period; signed minutes are proposed for destruction two years after the last
// situation they carry is closed or erased, and destroyed with a trace of their digests.
import { describe, expect, it } from 'vitest';
import { COORDINATOR } from '../fixtures/people';
import { referralOf, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { DAY_MS, heldMeeting, refusal } from '../helpers/meetings';
import { signMinutes } from '../helpers/signing';
import { declareEligible, situationsSession } from '../helpers/situations';
import { manualClock } from '../helpers/vault';

describe('a referral that never got a consent', () => {
  it('is proposed for erasure once its period is past, then erased and closed', async () => {
    const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
    const { api, referrer, vault } = await situationsSession({ now: clock.now });
    const situation = await ok(api.situations.saveReferral(referralOf(referrer.id)));
    await declareEligible(api, situation.id);
    // Waiting for the consent is no print of the situation: no gate asked.
    expect((await ok(api.situations.advance({ id: situation.id, to: 'awaiting_consent' }))).state).toBe('awaiting_consent');
    expect((await ok(api.retention.candidates({}))).candidates).toEqual([]);
    clock.advance(74 * DAY_MS); // 2 June 2026: three months after its receipt (2 March)
    const { candidates, unconsentedReferralMonths } = await ok(api.retention.candidates({}));
    expect(unconsentedReferralMonths).toBe(3);
    expect(candidates).toEqual([
      expect.objectContaining({ id: situation.id, basis: 'no_consent', dueOn: '2026-06-02', state: 'awaiting_consent' }),
    ]);
    expect(await refusal(api.retention.purge({ situationIds: [situation.id, 999], actorPassword: COORDINATOR.password }))).toMatchObject({
      code: 'PURGE_NOT_DUE',
    });
    const result = await ok(api.retention.purge({ situationIds: [situation.id], actorPassword: COORDINATOR.password }));
    expect(result.erased).toEqual([{ id: situation.id, code: situation.code, basis: 'no_consent' }]);
    const erased = await ok(api.situations.get({ id: situation.id }));
    expect(erased).toMatchObject({ identity: null, state: 'closed', question: '' });
    const db = vault.database();
    expect(db.prepare('SELECT basis FROM situation_purges WHERE situation_id = ?').pluck().get(situation.id)).toBe('retention');
    expect(
      db.prepare(`SELECT object_type, object_id, detail FROM audit_events WHERE action = 'retention.purge' AND outcome = 'success'`).get(),
    ).toEqual({ object_type: 'situation', object_id: String(situation.id), detail: `situation=${situation.code},basis=no_consent` });
    expect((await ok(api.situations.page({ search: SYLVIE.lastName, limit: 20, offset: 0 }))).total).toBe(0);
    expect(await refusal(api.situations.referralForm({ id: situation.id }))).toEqual({ code: 'GATE_REFUSED', reasons: ['G9:DATA_ERASED'] });
  });

  it('waits longer when the setting says so', async () => {
    const clock = manualClock(new Date('2026-06-03T09:00:00Z'));
    const { api, referrer } = await situationsSession({ now: clock.now });
    await ok(api.situations.saveReferral(referralOf(referrer.id)));
    await ok(api.settings.update({ ...(await ok(api.settings.get({}))), unconsentedReferralMonths: 6 }));
    expect((await ok(api.retention.candidates({}))).candidates).toEqual([]);
  });
});

describe('signed minutes', () => {
  it('are kept while a situation they carry is followed up, then proposed and destroyed with their digests in the trail', async () => {
    const { api, meeting, situation, clock, vault, referrer } = await heldMeeting();
    const signed = await signMinutes(api, meeting.id);
    const [minutes] = signed.documents;
    clock.advance(800 * DAY_MS); // June 2028: the situation is still followed up — neither it nor its minutes are due
    const followedUp = await ok(api.retention.candidates({}));
    expect(followedUp.minutes).toEqual([]);
    expect(followedUp.candidates.map((c) => c.id)).not.toContain(situation.id);
    await ok(api.situations.close({ id: situation.id, reason: 'resolved', closedOn: '2028-06-01', note: '' }));
    // Closed a few days ago: the minutes wait two more years, and so does the person's data.
    const justClosed = await ok(api.retention.candidates({}));
    expect(justClosed.minutes).toEqual([]);
    expect(justClosed.candidates.map((c) => c.id)).not.toContain(situation.id);
    clock.advance(731 * DAY_MS); // 11 June 2030
    const { minutes: due, minutesRetentionMonths, candidates } = await ok(api.retention.candidates({}));
    expect(candidates).toEqual([expect.objectContaining({ id: situation.id, basis: 'retention', dueOn: '2030-06-01' })]);
    expect(minutesRetentionMonths).toBe(24);
    expect(due).toEqual([
      { meetingId: meeting.id, heldOn: '2026-04-02', documents: 1, followUpEndedOn: '2028-06-01', dueOn: '2030-06-01' },
    ]);
    expect(await refusal(api.retention.destroyMinutes({ meetingIds: [meeting.id], actorPassword: 'pas-le-bon' }))).toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
    });
    clock.advance(60_000);
    expect(await ok(api.retention.destroyMinutes({ meetingIds: [meeting.id], actorPassword: COORDINATOR.password }))).toEqual({
      destroyed: [{ meetingId: meeting.id, heldOn: '2026-04-02', documents: 1 }],
    });
    expect(await refusal(api.minutes.document({ documentId: minutes!.id }))).toMatchObject({ code: 'MINUTES_DESTROYED' });
    expect(await refusal(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id }))).toMatchObject({
      code: 'MINUTES_DESTROYED',
    });
    const status = await ok(api.minutes.status({ meetingId: meeting.id }));
    expect(status.destroyedOn).toBe('2030-06-11');
    expect(status.documents[0]!.sha256).toBe(minutes!.sha256);
    expect(vault.database().prepare('SELECT sum(length(pdf)) FROM minutes_documents').pluck().get()).toBe(0);
    const details = vault
      .database()
      .prepare(`SELECT detail FROM audit_events WHERE action = 'retention.destroyMinutes' AND outcome = 'success'`)
      .pluck()
      .all();
    expect(details).toEqual([expect.stringMatching(/^documents=1,head=\d+:[0-9a-f]{64}$/), `sequence=0,sha256=${minutes!.sha256}`]);
    expect((await ok(api.audit.verify({}))).ok).toBe(true);
    expect((await ok(api.retention.candidates({}))).minutes).toEqual([]);
    expect(await refusal(api.retention.destroyMinutes({ meetingIds: [meeting.id], actorPassword: COORDINATOR.password }))).toMatchObject({
      code: 'DESTRUCTION_NOT_DUE',
    });
  });
});
