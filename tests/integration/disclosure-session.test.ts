// G5 live in the room, action owners inside the scope, and the person's name kept out of every
// shared text (issue 23), through the typed client on a manual clock.
import { describe, expect, it } from 'vitest';
import { consentOf, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { convenedMeeting, DAY_MS, heldMeeting, refusal } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';
import { signMinutes } from '../helpers/signing';

/** The fields a NAME_IN_SHARED_TEXT refusal names. */
async function refusedFields(call: Promise<{ ok: boolean; error?: { code: string; fields?: Record<string, string> } }>) {
  const result = await call;
  expect(result.error?.code).toBe('NAME_IN_SHARED_TEXT');
  return Object.keys(result.error?.fields ?? {});
}

type Status = 'present' | 'absent' | 'excused' | 'represented';

/** The meeting of 2 April 2026 convened (referrer, psychiatrist, landlord of Vivest), Vivest excluded by the person. */
async function meetingDay() {
  const session = await convenedMeeting();
  const { api, meeting, clock } = session;
  const mark = (memberId: number, status: Status, extra: { substituteMemberId?: number; staysOutside?: boolean } = {}) =>
    api.meetings.attendance({
      meetingId: meeting.id,
      memberId,
      status,
      substituteMemberId: extra.substituteMemberId ?? null,
      arrivalItemId: null,
      departureItemId: null,
      ...(extra.staysOutside === undefined ? {} : { staysOutside: extra.staysOutside }),
    });
  clock.advance(13 * DAY_MS);
  return { ...session, mark };
}

const deliberation = (itemId: number) => ({
  itemId,
  synthesis: 'Dette locative ancienne, isolement.',
  hypotheses: '',
  responseTypology: ['Coordination des intervenants'],
  proposals: 'Une visite à domicile, ensemble.',
  personPresence: 'absent' as const,
});

describe('G5 live in the room', () => {
  it('does not open an item while a convened member’s attendance is unsettled', async () => {
    const { api, item, referrer, psychiatrist, landlord, mark } = await meetingDay();
    await ok(mark(referrer.id, 'present'));
    const refused = await refusal(api.meetings.openItem({ itemId: item.id }));
    expect(refused).toEqual({ code: 'GATE_REFUSED', reasons: ['G5:ATTENDANCE_UNSETTLED', 'G5:ATTENDANCE_UNSETTLED'] });
    const view = await ok(api.meetings.item({ itemId: item.id }));
    expect(view.scopeReasons.map((r) => r.subject?.id).sort()).toEqual([psychiatrist.id, landlord.id].sort());
    await ok(mark(psychiatrist.id, 'present'));
    await ok(mark(landlord.id, 'absent'));
    expect((await ok(api.meetings.openItem({ itemId: item.id }))).item.status).toBe('opened');
  });

  it('keeps an excluded member who arrives during the item outside, with the exit recorded', async () => {
    const { api, item, referrer, psychiatrist, landlord, mark } = await meetingDay();
    await ok(mark(referrer.id, 'present'));
    await ok(mark(psychiatrist.id, 'present'));
    await ok(mark(landlord.id, 'absent'));
    await ok(api.meetings.openItem({ itemId: item.id }));
    expect(await refusal(mark(landlord.id, 'present'))).toEqual({ code: 'GATE_REFUSED', reasons: ['G5:STRUCTURE_EXCLUDED'] });
    expect((await ok(api.meetings.get({ meetingId: item.meetingId }))).attendance.find((a) => a.memberId === landlord.id)?.status).toBe(
      'absent',
    );
    await ok(mark(landlord.id, 'present', { staysOutside: true }));
    const session = await ok(api.meetings.item({ itemId: item.id }));
    expect(session.present.map((m) => m.displayName)).toEqual(['Anne Klein', 'Stéphane Kessler-Lentz']);
    expect(session.exits.map((e) => [e.displayName, e.reasons.map((r) => r.code)])).toEqual([['Karim Benali', ['STRUCTURE_EXCLUDED']]]);
    expect((await ok(api.meetings.deliberate(deliberation(item.id)))).deliberation?.synthesis).toContain('Dette');
  });

  it('refuses an out-of-scope substitute during the item', async () => {
    const { api, item, referrer, psychiatrist, landlord, mark } = await meetingDay();
    await ok(mark(referrer.id, 'present'));
    await ok(mark(psychiatrist.id, 'absent'));
    await ok(mark(landlord.id, 'absent'));
    await ok(api.meetings.openItem({ itemId: item.id }));
    expect(await refusal(mark(psychiatrist.id, 'represented', { substituteMemberId: landlord.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G5:STRUCTURE_EXCLUDED'],
    });
  });

  it('refuses deliberation, actions and conclusion while the room is out of scope', async () => {
    const { api, item, referrer, psychiatrist, landlord, situation, vivest, signed, mark } = await meetingDay();
    await ok(mark(referrer.id, 'present'));
    await ok(mark(psychiatrist.id, 'present'));
    await ok(mark(landlord.id, 'absent'));
    await ok(api.meetings.openItem({ itemId: item.id }));
    await ok(api.meetings.deliberate(deliberation(item.id)));
    // During the item, the person's new consent excludes the referrer's own structure.
    await ok(
      api.consents.record(
        consentOf(situation.id, referrer.id, { collectedOn: '2026-04-02', excludedStructureIds: [vivest.id, signed.id] }),
      ),
    );
    const outOfScope = { code: 'GATE_REFUSED', reasons: ['G5:STRUCTURE_EXCLUDED'] };
    // Someone already in the room is not a newcomer: another member's attendance may still be recorded.
    await ok(mark(psychiatrist.id, 'present'));
    expect(await refusal(api.meetings.deliberate(deliberation(item.id)))).toEqual(outOfScope);
    const action = {
      itemId: item.id,
      what: 'Visite conjointe',
      owner: { kind: 'member' as const, id: psychiatrist.id },
      dueOn: '2026-04-20',
    };
    expect(await refusal(api.actions.add(action))).toEqual(outOfScope);
    const conclusion = { itemId: item.id, outcome: 'follow_up' as const, reexamineOn: null, closureReason: null, closureNote: '' };
    expect(await refusal(api.meetings.concludeItem(conclusion))).toEqual(outOfScope);
    await ok(api.meetings.exits({ itemId: item.id, memberIds: [referrer.id] }));
    await ok(api.actions.add(action));
    expect((await ok(api.meetings.concludeItem(conclusion))).item.status).toBe('deliberated');
  });

  it('does not open an item whose referring structure left the convention (G4: dropped at once)', async () => {
    const { api, item, referrer, psychiatrist, landlord, signed, mark } = await meetingDay();
    for (const [m, s] of [
      [referrer.id, 'present'],
      [psychiatrist.id, 'present'],
      [landlord.id, 'absent'],
    ] as const)
      await ok(mark(m, s));
    // Deactivating the structure changes a gate fact: the item leaves the agenda at once, with its reason.
    await ok(api.partners.setStructureActive({ id: signed.id, active: false }));
    expect((await refusal(api.meetings.openItem({ itemId: item.id }))).code).toBe('ITEM_DROPPED');
    const dropped = (await ok(api.meetings.get({ meetingId: item.meetingId }))).items.find((i) => i.id === item.id)!;
    expect(dropped.droppedReasons.map((r) => `${r.gate}:${r.code}`)).toEqual(['G4:STRUCTURE_INACTIVE']);
  });
});

describe('action owners within the scope', () => {
  it('reassigns an action after the signature to an owner within scope, recorded and shown in the extract and the follow-up', async () => {
    const session = await heldMeeting();
    const { api, meeting, item, vivest, substitute, referrer, landlord } = session;
    const [action] = await ok(api.actions.board({ situationId: session.situation.id }));
    const to = (owner: { kind: 'member' | 'structure'; id: number }, reason = 'Départ en congé de la référente') =>
      api.actions.reassign({ actionId: action!.id, owner, reason });
    expect(await refusal(to({ kind: 'structure', id: vivest.id }))).toEqual({ code: 'GATE_REFUSED', reasons: ['G5:STRUCTURE_EXCLUDED'] });
    expect(await refusal(to({ kind: 'member', id: landlord.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G5:STRUCTURE_EXCLUDED', 'G5:MEMBER_LEFT_ROOM'],
    });
    expect(await refusal(to({ kind: 'member', id: referrer.id }))).toMatchObject({ code: 'ACTION_SAME_OWNER' });
    // After the meeting, before the signature, an action may still be added to the concluded item.
    const added = await ok(
      api.actions.add({ itemId: item.id, what: 'Appel au bailleur', owner: { kind: 'member', id: substitute.id }, dueOn: '2026-04-20' }),
    );
    // « Not possible » needs no agreement of the person; a reviewed action keeps its owner.
    await ok(api.actions.review({ actionId: added[1]!.id, outcome: 'not_possible', reviewedOn: '2026-04-02', note: '' }));
    expect(
      await refusal(api.actions.reassign({ actionId: added[1]!.id, owner: { kind: 'member', id: referrer.id }, reason: 'x' })),
    ).toMatchObject({
      code: 'ACTION_REVIEWED',
    });
    expect(await refusedFields(to({ kind: 'member', id: substitute.id }, `Mme ${SYLVIE.lastName} préfère le CMP`))).toEqual(['reason']);
    await signMinutes(api, meeting.id);
    const [reassigned] = await ok(to({ kind: 'member', id: substitute.id }));
    expect(reassigned).toMatchObject({
      owner: { name: 'Julie Muller' },
      reassigned: { on: '2026-04-02', reason: 'Départ en congé de la référente' },
    });
    const board = await ok(api.actions.board({ situationId: session.situation.id }));
    expect(board[0]!.reassigned?.reason).toBe('Départ en congé de la référente');
    const extract = pdfText(
      Buffer.from((await ok(api.minutes.extract({ meetingId: meeting.id, memberId: substitute.id }))).base64, 'base64'),
    );
    expect(extract.replace(/\s+/g, ' ')).toContain('réattribuée le 02/04/2026 : Départ en congé de la référente');
    expect((await ok(api.minutes.letter({ itemId: item.id }))).fileName).toContain('S-2026-001');
  });

  it('is not reassigned while the meeting is under way', async () => {
    const { api, item, referrer, psychiatrist, landlord, mark } = await meetingDay();
    for (const [m, s] of [
      [referrer.id, 'present'],
      [psychiatrist.id, 'present'],
      [landlord.id, 'absent'],
    ] as const)
      await ok(mark(m, s));
    await ok(api.meetings.openItem({ itemId: item.id }));
    const [action] = await ok(
      api.actions.add({ itemId: item.id, what: 'Appel', owner: { kind: 'member', id: referrer.id }, dueOn: '2026-04-20' }),
    );
    expect(
      await refusal(api.actions.reassign({ actionId: action!.id, owner: { kind: 'member', id: psychiatrist.id }, reason: 'x' })),
    ).toMatchObject({
      code: 'ACTION_REASSIGN_BEFORE_HELD',
    });
  });
});
