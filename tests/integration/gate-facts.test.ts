// One hook for every change of a situation's gate facts (issue 29): a consent, a structure (G4), the
// charter or a member (G3), a setting, a meeting's day. It sweeps the agendas of the meetings not
// yet held: an item whose situation no longer passes is dropped, with its reasons, and audited.
import { describe, expect, it } from 'vitest';
import { consentOf } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { heldMeeting, meetingOn, plannedMeeting, refusal } from '../helpers/meetings';

/** The planned meeting of 7 May with the situation on its agenda (consent collected on 10 March). */
async function itemOnAgenda() {
  const session = await plannedMeeting();
  const { api, situation, referrer, psychiatrist } = session;
  await ok(api.consents.record(consentOf(situation.id, referrer.id)));
  const may = await ok(api.meetings.save(meetingOn('2026-05-07', psychiatrist.id)));
  await ok(
    api.meetings.addItem({
      meetingId: may.id,
      situationId: situation.id,
      presenterMemberId: referrer.id,
      neutralQuestion: 'Quel relais pour le maintien dans le logement ?',
      inviteeIds: [],
    }),
  );
  const item = async () => (await ok(api.meetings.get({ meetingId: may.id }))).items[0]!;
  expect((await item()).status).toBe('planned');
  return { ...session, may, item };
}

const codes = (reasons: { gate: string; code: string }[]) => reasons.map((r) => `${r.gate}:${r.code}`);

describe('the gate-facts hook', () => {
  it('drops an item when the referring structure is deactivated (G4), and audits it', async () => {
    const { api, signed, item } = await itemOnAgenda();
    await ok(api.partners.setStructureActive({ id: signed.id, active: false }));
    const dropped = await item();
    expect(dropped.status).toBe('dropped');
    expect(codes(dropped.droppedReasons)).toContain('G4:STRUCTURE_INACTIVE');
    const events = await ok(api.audit.list({ action: 'meetings.itemDropped', limit: 10 }));
    expect(events.events).toHaveLength(1);
  });

  it('drops an item when the consent validity is shortened past the meeting day (G1), not when it is lengthened', async () => {
    const { api, situation, item } = await itemOnAgenda();
    const settings = await ok(api.settings.get({}));
    // Longer: the consent of 10 March keeps its day (10 March 2027); nothing moves.
    await ok(api.settings.update({ ...settings, consentReconfirmMonths: 24 }));
    expect((await item()).status).toBe('planned');
    expect((await ok(api.situations.get({ id: situation.id }))).consents[0]!.reconfirmBy).toBe('2027-03-10');
    // Shorter: one month, so the consent must be confirmed again by 10 April, before the meeting of 7 May.
    await ok(api.settings.update({ ...settings, consentReconfirmMonths: 1 }));
    const dropped = await item();
    expect(dropped.status).toBe('dropped');
    expect(codes(dropped.droppedReasons)).toEqual(['G1:CONSENT_RECONFIRMATION_DUE']);
    expect((await ok(api.situations.get({ id: situation.id }))).consents[0]!.reconfirmBy).toBe('2026-04-10');
    // The dashboard names it among the consents to confirm again (due within 30 days of 20 March).
    const dashboard = await ok(api.situations.dashboard({}));
    expect(dashboard.reconfirmationDue.map((d) => [d.id, d.reconfirmBy])).toEqual([[situation.id, '2026-04-10']]);
    expect(dashboard.counts.reconfirmationDue).toBe(1);
  });

  it('leaves the agenda alone when nothing of the situation changed (a member deactivated, the charter signed)', async () => {
    const { api, outsider, item } = await itemOnAgenda();
    await ok(api.partners.setMemberActive({ id: outsider.id, active: false }));
    expect((await item()).status).toBe('planned');
  });
});

describe('a recipient the directory does not know', () => {
  it('is refused by name at every door of the disclosure gate (member, structure, charter)', async () => {
    const { api, meeting, psychiatrist } = await heldMeeting();
    const [action] = await ok(
      api.actions.board({ situationId: (await ok(api.meetings.get({ meetingId: meeting.id }))).items[0]!.situationId }),
    );
    const reassign = (owner: { kind: 'member' | 'structure'; id: number }) =>
      api.actions.reassign({ actionId: action!.id, owner, reason: 'Changement de référent' });
    expect((await refusal(reassign({ kind: 'member', id: 9999 }))).code).toBe('MEMBER_NOT_FOUND');
    expect((await refusal(reassign({ kind: 'structure', id: 9999 }))).code).toBe('STRUCTURE_NOT_FOUND');
    const june = await ok(api.meetings.save(meetingOn('2026-06-04', psychiatrist.id)));
    expect((await refusal(api.meetings.convene({ meetingId: june.id, memberIds: [9999] }))).code).toBe('MEMBER_NOT_FOUND');
  });
});
