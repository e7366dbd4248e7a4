// Every meeting and action channel, called by each role: the coordinator is served by all of them
// in the order of a real meeting, the animateur reads, and the secretariat is refused everywhere
// (an agenda, a session and its actions are case content). The person's name is then looked for
// where it must never be: the results, the audit trail, the file names.
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../electron/ipc/contract';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { accountFor, ANIMATEUR, SECRETARY } from '../fixtures/people';
import { consentOf, referralOf, SYLVIE } from '../fixtures/situations';
import { callChannel, firstUnlock, ok } from '../helpers/ipc';
import { meetingOn, meetingsSession } from '../helpers/meetings';
import { manualClock, tempDir } from '../helpers/vault';
import { declareEligible } from '../helpers/situations';

type MeetingChannel = Extract<Channel, `meetings.${string}` | `actions.${string}`>;
const MEETING_CHANNELS = CHANNEL_NAMES.filter((c): c is MeetingChannel => c.startsWith('meetings.') || c.startsWith('actions.'));
const IDENTITY_TEXTS = [SYLVIE.lastName, SYLVIE.firstName, 'Tanneurs', SYLVIE.phone, 'Hoerner', 'Thiriet'];

interface Ids {
  meeting: number;
  spare: number;
  first: number;
  second: number;
  member: number;
  chair: number;
  item: number;
  item2: number;
  action: number;
}

/** A valid payload for every channel, read when it is called (ids fill in as the meeting goes). */
function payloads(ids: Ids): Record<MeetingChannel, () => unknown> {
  const presence = (memberId: number) => ({
    meetingId: ids.meeting,
    memberId,
    status: 'present',
    substituteMemberId: null,
    arrivalItemId: null,
    departureItemId: null,
  });
  return {
    'meetings.list': () => ({}),
    'meetings.page': () => ({}),
    'meetings.get': () => ({ meetingId: ids.meeting }),
    'meetings.dashboard': () => ({}),
    'meetings.candidates': () => ({ meetingId: ids.meeting }),
    'meetings.save': () => ({ ...meetingOn('2026-03-20', ids.chair), id: ids.meeting }),
    'meetings.delete': () => ({ meetingId: ids.spare }),
    'meetings.addItem': () => ({
      meetingId: ids.meeting,
      situationId: ids.first,
      presenterMemberId: ids.member,
      neutralQuestion: 'Quel relais ?',
      inviteeIds: [],
    }),
    'meetings.updateItem': () => ({
      itemId: ids.item,
      presenterMemberId: ids.member,
      neutralQuestion: 'Quel relais pour le logement ?',
      inviteeIds: [],
    }),
    'meetings.moveItem': () => ({ itemId: ids.item, direction: 'up' }),
    'meetings.removeItem': () => ({ itemId: ids.item2 }),
    'meetings.convene': () => ({ meetingId: ids.meeting, memberIds: [ids.member, ids.chair] }),
    'meetings.attendance': () => presence(ids.member),
    'meetings.item': () => ({ itemId: ids.item }),
    'meetings.openItem': () => ({ itemId: ids.item }),
    'meetings.exits': () => ({ itemId: ids.item2, memberIds: [ids.member] }),
    'meetings.postponeItem': () => ({ itemId: ids.item2 }),
    'meetings.deliberate': () => ({
      itemId: ids.item,
      synthesis: 'Isolement, dette locative.',
      hypotheses: '',
      responseTypology: ['Coordination des intervenants'],
      proposals: 'Visite conjointe.',
      personPresence: 'absent',
    }),
    'meetings.concludeItem': () => ({
      itemId: ids.item,
      outcome: 'follow_up',
      reexamineOn: '2026-09-17',
      closureReason: null,
      closureNote: '',
    }),
    'meetings.markHeld': () => ({ meetingId: ids.meeting }),
    'meetings.convocation': () => ({ meetingId: ids.meeting, memberId: ids.chair }),
    'meetings.convocations': () => ({ meetingId: ids.meeting }),
    'meetings.convocationStatus': () => ({ meetingId: ids.meeting }),
    'meetings.mailConvocations': () => ({ meetingId: ids.meeting }),
    'meetings.agenda': () => ({ meetingId: ids.meeting }),
    'meetings.signInSheet': () => ({ meetingId: ids.meeting }),
    'meetings.calendar': () => ({ meetingId: ids.meeting }),
    'meetings.minutesDraft': () => ({ meetingId: ids.meeting }),
    'actions.board': () => ({}),
    'actions.page': () => ({ section: 'overdue' }),
    'actions.add': () => ({
      itemId: ids.item,
      what: 'Visite conjointe au domicile',
      owner: { kind: 'member', id: ids.member },
      dueOn: '2026-04-15',
    }),
    'actions.remove': () => ({ actionId: ids.action }),
    'actions.owners': () => ({ itemId: ids.item }),
    'actions.reassign': () => ({ actionId: ids.action, owner: { kind: 'member', id: ids.chair }, reason: 'Départ en congé' }),
    'actions.returnToPerson': () => ({ itemId: ids.item, returnedOn: '2026-03-20', agreement: 'agreed' }),
    'actions.review': () => ({ actionId: ids.action, outcome: 'done', reviewedOn: '2026-03-20', note: '' }),
    'actions.personWording': () => ({ actionId: ids.action, wording: 'Vous appeler pour un rendez-vous au CMP' }),
  };
}

/** Two eligible situations with consent, a meeting today (20 March 2026) and a spare one. */
async function setUp() {
  const session = await meetingsSession({ now: manualClock(new Date('2026-03-20T09:00:00Z')).now });
  const { api, referrer, psychiatrist, situation } = session;
  await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
  await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
  await ok(api.consents.record(consentOf(situation.id, referrer.id)));
  const second = await ok(
    api.situations.saveReferral(
      referralOf(referrer.id, { ageBand: '66_75', identity: { ...SYLVIE, firstName: 'Bernard', lastName: 'Thiriet', birthYear: 1958 } }),
    ),
  );
  await declareEligible(api, second.id);
  await ok(api.consents.record(consentOf(second.id, referrer.id)));
  // E-mail drafts need a folder and an address: the psychiatrist has one.
  await ok(api.settings.updateMailFolder({ folder: tempDir() }));
  const { id, structureId, lastName, firstName, function: role, category, phone, membership } = psychiatrist;
  await ok(
    api.partners.saveMember({
      id,
      structureId,
      lastName,
      firstName,
      function: role,
      category,
      phone,
      membership,
      email: 's.kessler@cmp.example',
    }),
  );
  const meeting = await ok(api.meetings.save(meetingOn('2026-03-20', psychiatrist.id)));
  const spare = await ok(api.meetings.save(meetingOn('2026-06-18', psychiatrist.id)));
  const ids: Ids = {
    meeting: meeting.id,
    spare: spare.id,
    first: situation.id,
    second: second.id,
    member: referrer.id,
    chair: psychiatrist.id,
    item: 0,
    item2: 0,
    action: 0,
  };
  return { ...session, ids };
}

/** Runs a meeting to its first item's deliberation, so that reading channels have something to read. */
async function prepared() {
  const context = await setUp();
  const { api, ids } = context;
  const all = payloads(ids);
  ids.item = (await ok(api.meetings.addItem(all['meetings.addItem']() as never))).id;
  await ok(api.meetings.convene(all['meetings.convene']() as never));
  return context;
}

describe('who may run a meeting', () => {
  it('the secretariat is refused by every meeting and action channel', async () => {
    const { api, ids } = await prepared();
    await firstUnlock(api, SECRETARY);
    const all = payloads(ids);
    for (const channel of MEETING_CHANNELS) {
      expect(await callChannel(api, channel, all[channel]()), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('the animateur reads the meeting, its documents and the follow-up, and changes nothing', async () => {
    const { api, ids } = await prepared();
    await firstUnlock(api, ANIMATEUR);
    const all = payloads(ids);
    const reads = MEETING_CHANNELS.filter((c) =>
      [
        'list',
        'get',
        'dashboard',
        'candidates',
        'item',
        'convocation',
        'convocations',
        'convocationStatus',
        'agenda',
        'signInSheet',
        'calendar',
        'board',
        'page',
        'owners',
      ].includes(c.split('.')[1]!),
    );
    // The two `page` reads: the meetings and the actions board.
    expect(reads).toHaveLength(15);
    for (const channel of MEETING_CHANNELS) {
      const result = await callChannel(api, channel, all[channel]());
      // Allowed, but the meeting is not held yet: no minutes to read.
      if (channel === 'meetings.minutesDraft') expect(result).toMatchObject({ ok: false, error: { code: 'MEETING_NOT_HELD' } });
      else if (reads.includes(channel)) expect(result, channel).toMatchObject({ ok: true });
      else expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('the coordinator is served by every channel in the order of a meeting; no name reaches a result, a file name or the trail', async () => {
    const { api, ids, vault } = await setUp();
    const all = payloads(ids);
    const served = new Set<MeetingChannel>();
    const fileNames: string[] = [];
    const results: string[] = [];
    const run = async (channel: MeetingChannel) => {
      const result = await callChannel(api, channel, all[channel]());
      expect(result, channel).toMatchObject({ ok: true });
      served.add(channel);
      results.push(JSON.stringify(result));
      const value = result.value as { fileName?: string; id?: number } | { id: number }[];
      if (value && !Array.isArray(value) && value.fileName) fileNames.push(value.fileName);
      return value;
    };
    const addSecond = async () =>
      (
        await ok(
          api.meetings.addItem({
            meetingId: ids.meeting,
            situationId: ids.second,
            presenterMemberId: null,
            neutralQuestion: 'Quelle coordination ?',
            inviteeIds: [],
          }),
        )
      ).id;

    for (const channel of [
      'meetings.list',
      'meetings.page',
      'meetings.dashboard',
      'meetings.candidates',
      'meetings.save',
      'meetings.delete',
    ] as const)
      await run(channel);
    ids.item = ((await run('meetings.addItem')) as { id: number }).id;
    ids.item2 = await addSecond();
    await run('meetings.removeItem');
    ids.item2 = await addSecond();
    for (const channel of ['meetings.updateItem', 'meetings.moveItem', 'meetings.get', 'meetings.convene', 'meetings.attendance'] as const)
      await run(channel);
    await ok(
      api.meetings.attendance({
        meetingId: ids.meeting,
        memberId: ids.chair,
        status: 'present',
        substituteMemberId: null,
        arrivalItemId: null,
        departureItemId: null,
      }),
    );
    for (const channel of [
      'meetings.convocation',
      'meetings.convocations',
      'meetings.convocationStatus',
      'meetings.agenda',
      'meetings.signInSheet',
      'meetings.calendar',
      'meetings.mailConvocations',
    ] as const)
      await run(channel);
    for (const channel of ['meetings.exits', 'meetings.postponeItem', 'meetings.item', 'meetings.openItem', 'meetings.deliberate'] as const)
      await run(channel);
    ids.action = ((await run('actions.add')) as { id: number }[])[0]!.id;
    await run('actions.remove');
    ids.action = (await ok(api.actions.add(all['actions.add']() as never)))[0]!.id;
    for (const channel of [
      'meetings.concludeItem',
      'actions.returnToPerson',
      'actions.review',
      'actions.personWording',
      'actions.board',
      'actions.page',
      'meetings.markHeld',
      'meetings.minutesDraft',
      'actions.owners',
    ] as const)
      await run(channel);
    // After the meeting, an open action goes to another owner, with its reason.
    const added = await ok(
      api.actions.add({ itemId: ids.item, what: 'Appel au bailleur', owner: { kind: 'member', id: ids.member }, dueOn: '2026-04-15' }),
    );
    ids.action = added[added.length - 1]!.id;
    await run('actions.reassign');

    expect([...served].sort()).toEqual([...MEETING_CHANNELS].sort());
    expect(fileNames).toEqual([
      'convocation-2026-03-20-stephane-kessler-lentz.pdf',
      'convocations-2026-03-20.pdf',
      'ordre-du-jour-2026-03-20.pdf',
      'feuille-emargement-2026-03-20.pdf',
      'seance-2026-03-20.ics',
      'compte-rendu-projet-2026-03-20.pdf',
    ]);
    for (const identity of IDENTITY_TEXTS) expect(results.join('\n')).not.toContain(identity);
    const events = vault.database().prepare('SELECT action, object_type, object_id, detail FROM audit_events').all() as Record<
      string,
      string | null
    >[];
    for (const identity of IDENTITY_TEXTS) expect(JSON.stringify(events)).not.toContain(identity);
    expect(events.find((e) => e.action === 'meetings.memberLeft')).toMatchObject({
      object_type: 'situation',
      detail: `situation=S-2026-002,meeting=${ids.meeting},member=${ids.member}`,
    });
    for (const printed of [
      'meetings.printConvocation',
      'meetings.printConvocations',
      'meetings.printAgenda',
      'meetings.printSignInSheet',
      'meetings.calendar',
      'meetings.mailConvocations',
    ]) {
      expect(events.map((e) => e.action)).toContain(printed);
    }
  });
});
