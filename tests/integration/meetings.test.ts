import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { consentOf, ELIGIBLE, referralOf, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { meetingOn, meetingsSession } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';
import { manualClock } from '../helpers/vault';

const DAY_MS = 24 * 3600 * 1000;
const codes = (error: { reasons?: { gate: string; code: string }[] }) => error.reasons?.map((r) => `${r.gate}:${r.code}`);
const refusal = async (call: Promise<{ ok: boolean; error?: { code: string; reasons?: { gate: string; code: string }[] } }>) => {
  const result = await call;
  if (result.ok || !result.error) throw new Error('expected a refusal');
  return { code: result.error.code, reasons: codes(result.error) };
};
const decode = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

async function plannedMeeting() {
  const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
  const session = await meetingsSession({ now: clock.now });
  const meeting = await ok(session.api.meetings.save(meetingOn('2026-04-02', session.psychiatrist.id)));
  return { ...session, clock, meeting };
}

describe('the agenda under the gates', () => {
  it('refuses a situation without consent with its reasons, accepts it once recorded, drops it on withdrawal', async () => {
    const { api, situation, meeting, referrer } = await plannedMeeting();
    const item = {
      meetingId: meeting.id,
      situationId: situation.id,
      presenterMemberId: referrer.id,
      neutralQuestion: 'Maintien dans le logement et lien avec le soin',
      inviteeIds: [],
    };
    expect(await refusal(api.meetings.addItem(item))).toEqual({ code: 'GATE_REFUSED', reasons: ['G1:NO_CONSENT'] });

    await ok(
      api.consents.record(
        consentOf(situation.id, referrer.id, {
          information: { dataCategories: true, professionals: false, supports: true, security: true },
        }),
      ),
    );
    expect(await refusal(api.meetings.addItem(item))).toEqual({ code: 'GATE_REFUSED', reasons: ['G1:CONSENT_INFORMATION_MISSING'] });

    await ok(api.consents.record(consentOf(situation.id, referrer.id, { collectedOn: '2026-03-12' })));
    const added = await ok(api.meetings.addItem(item));
    expect(added).toMatchObject({
      position: 1,
      code: 'S-2026-001',
      structureName: 'CCAS de Woippy',
      status: 'planned',
      gateReasons: [],
      personWish: 'attend',
    });
    expect((await ok(api.situations.get({ id: situation.id }))).state).toBe('scheduled');
    expect(await refusal(api.meetings.addItem(item))).toMatchObject({ code: 'AGENDA_ALREADY_SCHEDULED' });
    expect(await refusal(api.situations.close({ id: situation.id, reason: 'resolved', closedOn: '2026-03-20', note: '' }))).toMatchObject({
      code: 'SITUATION_ON_AGENDA',
    });

    await ok(api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-03-20', note: '' }));
    const after = await ok(api.meetings.get({ meetingId: meeting.id }));
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({ status: 'dropped', gateReasons: [] });
    expect(after.items[0]!.droppedReasons.map((r) => r.code)).toContain('CONSENT_WITHDRAWN');
    expect(after.items[0]!.droppedReasons[0]!.message).toContain('retiré son consentement');
    expect(after.readiness.items).toBe(0);
    expect((await ok(api.situations.get({ id: situation.id }))).state).toBe('closed');
    const history = await ok(api.situations.history({ id: situation.id }));
    expect(history.map((h) => h.action)).toContain('Point retiré de l’ordre du jour (conditions préalables)');
  });

  it('drops an item when the meeting moves past the consent’s re-confirmation date, and the situation is ready again', async () => {
    const { api, situation, meeting, referrer, psychiatrist } = await plannedMeeting();
    const settings = await ok(api.settings.get({}));
    await ok(api.settings.update({ ...settings, establishmentName: 'CH de Jury', consentReconfirmMonths: 1 }));
    await ok(api.consents.record(consentOf(situation.id, referrer.id))); // to confirm again by 10/04/2026
    await ok(
      api.meetings.addItem({
        meetingId: meeting.id,
        situationId: situation.id,
        presenterMemberId: null,
        neutralQuestion: 'Quel relais ?',
        inviteeIds: [],
      }),
    );
    const moved = await ok(api.meetings.save({ ...meetingOn('2026-04-20', psychiatrist.id), id: meeting.id }));
    expect(moved.items[0]).toMatchObject({ status: 'dropped' });
    expect(moved.items[0]!.droppedReasons.map((r) => r.code)).toEqual(['CONSENT_RECONFIRMATION_DUE']);
    expect((await ok(api.situations.get({ id: situation.id }))).state).toBe('ready');
  });

  it('asks G3 of presenters and invitees, orders items, and takes one off before the session', async () => {
    const { api, situation, meeting, referrer, outsider, landlord } = await plannedMeeting();
    await ok(api.consents.record(consentOf(situation.id, referrer.id)));
    const base = { meetingId: meeting.id, situationId: situation.id, presenterMemberId: referrer.id, neutralQuestion: 'Quel relais ?' };
    expect(await refusal(api.meetings.addItem({ ...base, inviteeIds: [outsider.id] }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G3:CHARTER_NOT_SIGNED'],
    });
    const item = await ok(api.meetings.addItem({ ...base, inviteeIds: [landlord.id] }));
    expect(item.invitees.map((i) => i.displayName)).toEqual(['Karim Benali']);
    await ok(api.meetings.removeItem({ itemId: item.id }));
    expect((await ok(api.meetings.get({ meetingId: meeting.id }))).items).toEqual([]);
    expect((await ok(api.situations.get({ id: situation.id }))).state).toBe('ready');
    expect(await ok(api.meetings.delete({ meetingId: meeting.id }))).toEqual({ deleted: true });
  });
});

describe('convocations and attendance (G3)', () => {
  it('convenes only members who signed the charter, and refuses them or a substitute who did not as present', async () => {
    const { api, meeting, referrer, psychiatrist, outsider, substitute, landlord } = await plannedMeeting();
    expect(
      await refusal(
        api.meetings.attendance({
          meetingId: meeting.id,
          memberId: referrer.id,
          status: 'present',
          substituteMemberId: null,
          arrivalItemId: null,
          departureItemId: null,
        }),
      ),
    ).toMatchObject({ code: 'MEETING_NOT_CONVENED' });
    expect(await refusal(api.meetings.convene({ meetingId: meeting.id, memberIds: [referrer.id, outsider.id] }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G3:CHARTER_NOT_SIGNED'],
    });
    expect(await ok(api.meetings.convene({ meetingId: meeting.id, memberIds: [referrer.id, psychiatrist.id, landlord.id] }))).toEqual({
      convened: 3,
    });
    expect((await ok(api.meetings.get({ meetingId: meeting.id }))).state).toBe('convened');

    const mark = (memberId: number, status: 'present' | 'represented' | 'excused', substituteMemberId: number | null = null) =>
      api.meetings.attendance({ meetingId: meeting.id, memberId, status, substituteMemberId, arrivalItemId: null, departureItemId: null });
    expect(await refusal(mark(outsider.id, 'present'))).toEqual({ code: 'GATE_REFUSED', reasons: ['G3:CHARTER_NOT_SIGNED'] });
    expect(await refusal(mark(landlord.id, 'represented', outsider.id))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G3:CHARTER_NOT_SIGNED'],
    });
    const attendance = await ok(mark(psychiatrist.id, 'represented', substitute.id));
    expect(attendance.find((a) => a.memberId === psychiatrist.id)).toMatchObject({
      status: 'represented',
      substitute: { displayName: 'Julie Muller' },
    });
    expect(await refusal(mark(landlord.id, 'represented', substitute.id))).toMatchObject({ code: 'SUBSTITUTE_BUSY' });
  });

  it('prints convocations, the agenda and the sign-in sheet without the person’s name, and an .ics with no case data', async () => {
    const { api, meeting, situation, referrer, psychiatrist, landlord } = await plannedMeeting();
    await ok(api.consents.record(consentOf(situation.id, referrer.id)));
    await ok(
      api.meetings.addItem({
        meetingId: meeting.id,
        situationId: situation.id,
        presenterMemberId: referrer.id,
        neutralQuestion: 'Maintien dans le logement',
        inviteeIds: [landlord.id],
      }),
    );
    await ok(api.meetings.convene({ meetingId: meeting.id, memberIds: [psychiatrist.id, referrer.id] }));

    const one = await ok(api.meetings.convocation({ meetingId: meeting.id, memberId: psychiatrist.id }));
    expect(one.fileName).toBe('convocation-2026-04-02-stephane-tinnes-kraemer.pdf');
    const all = await ok(api.meetings.convocations({ meetingId: meeting.id }));
    const agenda = await ok(api.meetings.agenda({ meetingId: meeting.id }));
    const sheet = await ok(api.meetings.signInSheet({ meetingId: meeting.id }));
    const texts = [one, all, agenda, sheet].map((f) => pdfText(decode(f)));
    for (const text of texts) {
      expect(text).not.toMatch(/Hœrner|Hoerner|Sylvie/i);
      expect(text).not.toContain(SYLVIE.address);
      expect(text).toContain('jeudi 2 avril 2026');
    }
    const [oneText, allText, agendaText, sheetText] = texts as [string, string, string, string];
    expect(oneText).toContain('Stéphane Tinnes-Kraemer');
    expect(oneText).toContain('S-2026-001');
    expect(oneText).toContain('CCAS de Woippy');
    expect(oneText).toContain('Maintien dans le logement');
    expect(allText).toContain('Karim Benali'); // the invitee, for their item only
    expect(allText).toMatch(/invité\(e\) pour le point n° 1/);
    expect(agendaText).toContain('Ordre du jour');
    expect(sheetText).toContain('Feuille d’émargement');
    expect(sheetText).toContain('garder le secret sur ce dont j’ai connaissance');
    expect(sheetText).toContain('Anne Klein');

    expect(await refusal(api.meetings.convocation({ meetingId: meeting.id, memberId: 999 }))).toMatchObject({
      code: 'MEMBER_NOT_CONVENED',
    });

    const ics = await ok(api.meetings.calendar({ meetingId: meeting.id }));
    expect(ics).toMatchObject({ fileName: 'seance-2026-04-02.ics', mimeType: 'text/calendar' });
    const text = decode(ics).toString('utf8');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.location).toBe('CH de Jury, salle du conseil');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-04-02T12:00:00.000Z'); // 14:00 in Paris (summer time)
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-04-02T15:30:00.000Z');
    expect(text).not.toMatch(/S-2026-001|Woippy|logement|Hœrner|Sylvie/i);
  });
});

describe('the session', () => {
  async function convenedWithRoom() {
    const session = await plannedMeeting();
    const { api, meeting, situation, referrer, psychiatrist, landlord, mandataire, vivest } = session;
    // The person allows social workers, health professionals and landlord staff, but not Vivest.
    await ok(
      api.consents.record(
        consentOf(situation.id, referrer.id, {
          excludedStructureIds: [vivest.id],
          attendance: 'represented',
          attendanceRepresentative: 'Sa sœur',
        }),
      ),
    );
    const item = await ok(
      api.meetings.addItem({
        meetingId: meeting.id,
        situationId: situation.id,
        presenterMemberId: referrer.id,
        neutralQuestion: 'Quel relais ?',
        inviteeIds: [],
      }),
    );
    await ok(api.meetings.convene({ meetingId: meeting.id, memberIds: [referrer.id, psychiatrist.id, landlord.id, mandataire.id] }));
    for (const m of [referrer, psychiatrist, landlord, mandataire]) {
      await ok(
        api.meetings.attendance({
          meetingId: meeting.id,
          memberId: m.id,
          status: 'present',
          substituteMemberId: null,
          arrivalItemId: null,
          departureItemId: null,
        }),
      );
    }
    return { ...session, item };
  }

  it('G5: the item opens only once the excluded structure and the category not allowed have left the room', async () => {
    const { api, item, clock, landlord, mandataire } = await convenedWithRoom();
    expect(await refusal(api.meetings.openItem({ itemId: item.id }))).toMatchObject({ code: 'MEETING_NOT_TODAY' });
    clock.advance(13 * DAY_MS); // 2 April 2026

    const before = await ok(api.meetings.item({ itemId: item.id }));
    expect(before.ordinal).toEqual({ position: 1, total: 1 });
    expect(before.scopeReasons.map((r) => [r.code, r.subject?.id])).toEqual([
      ['CATEGORY_NOT_ALLOWED', mandataire.id],
      ['STRUCTURE_EXCLUDED', landlord.id],
    ]);
    expect(before.scopeReasons[1]!.message).toContain('Karim Benali (Vivest) doit quitter la salle');
    expect(await refusal(api.meetings.openItem({ itemId: item.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G5:CATEGORY_NOT_ALLOWED', 'G5:STRUCTURE_EXCLUDED'],
    });

    await ok(api.meetings.exits({ itemId: item.id, memberIds: [landlord.id] }));
    expect(await refusal(api.meetings.openItem({ itemId: item.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G5:CATEGORY_NOT_ALLOWED'],
    });
    await ok(api.meetings.exits({ itemId: item.id, memberIds: [mandataire.id] }));
    const opened = await ok(api.meetings.openItem({ itemId: item.id }));
    expect(opened.item.status).toBe('opened');
    expect(opened.present.map((m) => m.displayName)).toEqual(['Anne Klein', 'Stéphane Tinnes-Kraemer']);
    expect(opened.exits.map((e) => [e.displayName, e.reasons.map((r) => r.code)])).toEqual([
      ['Karim Benali', ['STRUCTURE_EXCLUDED']],
      ['Françoise Weber', ['CATEGORY_NOT_ALLOWED']],
    ]);
    expect(opened.item.personWish).toBe('represented');
  });

  it('G5: a late arrival is not in the room before their item; postponing returns the situation', async () => {
    const { api, item, clock, meeting, landlord, situation, referrer } = await convenedWithRoom();
    const other = await ok(
      api.situations.saveReferral(
        referralOf(referrer.id, { identity: { ...SYLVIE, firstName: 'Bernard', lastName: 'Thiriet', birthYear: 1958 } }),
      ),
    );
    await ok(
      api.situations.decideEligibility({
        id: other.id,
        answers: ELIGIBLE,
        decision: 'eligible',
        decidedOn: '2026-03-03',
        rejectionReason: '',
      }),
    );
    await ok(api.consents.record(consentOf(other.id, referrer.id)));
    const second = await ok(
      api.meetings.addItem({
        meetingId: meeting.id,
        situationId: other.id,
        presenterMemberId: null,
        neutralQuestion: 'Quelle coordination ?',
        inviteeIds: [],
      }),
    );
    clock.advance(13 * DAY_MS);
    // The landlord's officer arrives for the second item only.
    await ok(
      api.meetings.attendance({
        meetingId: meeting.id,
        memberId: landlord.id,
        status: 'present',
        substituteMemberId: null,
        arrivalItemId: second.id,
        departureItemId: null,
      }),
    );
    const first = await ok(api.meetings.item({ itemId: item.id }));
    expect(first.scopeReasons.map((r) => r.code)).toEqual(['CATEGORY_NOT_ALLOWED']);
    expect(first.present.map((m) => m.displayName)).not.toContain('Karim Benali');
    expect((await ok(api.meetings.item({ itemId: second.id }))).present.map((m) => m.displayName)).toContain('Karim Benali');
    await ok(api.meetings.postponeItem({ itemId: item.id }));
    expect((await ok(api.situations.get({ id: situation.id }))).state).toBe('ready');
    expect(await refusal(api.meetings.openItem({ itemId: item.id }))).toMatchObject({ code: 'ITEM_NOT_PLANNED' });
  });

  it('records the deliberation and actions, G10 before an action counts as started, then the follow-up board', async () => {
    const { api, item, clock, meeting, landlord, mandataire, referrer, psychiatrist, substitute, vivest, situation } =
      await convenedWithRoom();
    clock.advance(13 * DAY_MS);
    await ok(api.meetings.exits({ itemId: item.id, memberIds: [landlord.id, mandataire.id] }));
    await ok(api.meetings.openItem({ itemId: item.id }));
    expect(
      await refusal(
        api.meetings.concludeItem({ itemId: item.id, outcome: 'follow_up', reexamineOn: null, closureReason: null, closureNote: '' }),
      ),
    ).toMatchObject({ code: 'DELIBERATION_INCOMPLETE' });
    expect(
      await refusal(
        api.meetings.deliberate({
          itemId: item.id,
          synthesis: 'x',
          hypotheses: '',
          responseTypology: ['Inconnue'],
          proposals: 'y',
          personPresence: null,
        }),
      ),
    ).toMatchObject({ code: 'TYPOLOGY_UNKNOWN' });
    const deliberation = {
      itemId: item.id,
      synthesis: 'Dette locative ancienne, isolement, refus des visites.',
      hypotheses: '',
      responseTypology: ['Accès ou maintien dans le logement', 'Coordination des intervenants'],
      proposals: 'Visite conjointe CCAS et CMP ; plan d’apurement renégocié.',
      personPresence: null,
    };
    await ok(api.meetings.deliberate(deliberation));
    expect(
      await refusal(
        api.meetings.concludeItem({
          itemId: item.id,
          outcome: 'follow_up',
          reexamineOn: '2026-07-02',
          closureReason: null,
          closureNote: '',
        }),
      ),
    ).toMatchObject({ code: 'PERSON_PRESENCE_MISSING' });
    await ok(api.meetings.deliberate({ ...deliberation, personPresence: 'represented' }));
    await ok(
      api.actions.add({
        itemId: item.id,
        what: 'Visite conjointe au domicile',
        owner: { kind: 'member', id: referrer.id },
        dueOn: '2026-04-10',
      }),
    );
    const actions = await ok(
      api.actions.add({
        itemId: item.id,
        what: 'Proposer un plan d’apurement',
        owner: { kind: 'structure', id: vivest.id },
        dueOn: '2026-06-30',
      }),
    );
    expect(actions.map((a) => [a.owner.name, a.stage])).toEqual([
      ['Anne Klein', 'due_soon'],
      ['Vivest', 'awaiting_agreement'],
    ]);
    const concluded = await ok(
      api.meetings.concludeItem({ itemId: item.id, outcome: 'follow_up', reexamineOn: '2026-07-02', closureReason: null, closureNote: '' }),
    );
    expect(concluded.item.status).toBe('deliberated');
    expect(concluded.deliberation).toMatchObject({ outcome: 'follow_up', reexamineOn: '2026-07-02' });
    expect((await ok(api.situations.get({ id: situation.id }))).state).toBe('follow_up');

    const [first, second] = actions as [(typeof actions)[0], (typeof actions)[0]];
    const review = { actionId: first.id, outcome: 'done' as const, reviewedOn: '2026-04-02', note: '' };
    expect(await refusal(api.actions.review(review))).toEqual({ code: 'GATE_REFUSED', reasons: ['G10:PROPOSALS_NOT_RETURNED'] });
    await ok(api.actions.returnToPerson({ itemId: item.id, returnedOn: '2026-04-02', agreement: 'agreed' }));
    await ok(api.actions.review(review));

    clock.advance(80 * DAY_MS); // 21 June: the second action (30 June) is due soon, then overdue
    let board = await ok(api.actions.board({}));
    expect(board.map((a) => a.stage)).toEqual(['done', 'due_soon']);
    clock.advance(30 * DAY_MS);
    board = await ok(api.actions.board({ structureId: vivest.id }));
    expect(board.map((a) => [a.id, a.stage])).toEqual([[second.id, 'overdue']]);
    expect(await ok(api.actions.board({ situationId: situation.id }))).toHaveLength(2);
    const dashboard = await ok(api.meetings.dashboard({}));
    expect(dashboard.overdueActions.map((a) => a.code)).toEqual(['S-2026-001']);
    await ok(
      api.actions.review({
        actionId: second.id,
        outcome: 'not_possible',
        reviewedOn: '2026-07-11',
        note: 'Relogement par un autre bailleur.',
      }),
    );

    // The session is closed once every attendance is known; a held meeting cannot be moved.
    await ok(api.meetings.convene({ meetingId: meeting.id, memberIds: [substitute.id] }));
    expect(await refusal(api.meetings.markHeld({ meetingId: meeting.id }))).toMatchObject({ code: 'ATTENDANCE_INCOMPLETE' });
    await ok(
      api.meetings.attendance({
        meetingId: meeting.id,
        memberId: substitute.id,
        status: 'excused',
        substituteMemberId: null,
        arrivalItemId: null,
        departureItemId: null,
      }),
    );
    expect(await ok(api.meetings.markHeld({ meetingId: meeting.id }))).toEqual({ state: 'held' });
    expect(await refusal(api.meetings.save({ ...meetingOn('2026-04-09', psychiatrist.id), id: meeting.id }))).toMatchObject({
      code: 'MEETING_HELD',
    });
  });

  it('flags a situation in follow-up with no review for six months', async () => {
    const { api, item, clock, landlord, mandataire } = await convenedWithRoom();
    clock.advance(13 * DAY_MS);
    await ok(api.meetings.exits({ itemId: item.id, memberIds: [landlord.id, mandataire.id] }));
    await ok(api.meetings.openItem({ itemId: item.id }));
    await ok(
      api.meetings.deliberate({
        itemId: item.id,
        synthesis: 'S',
        hypotheses: '',
        responseTypology: [],
        proposals: 'P',
        personPresence: 'absent',
      }),
    );
    await ok(api.meetings.concludeItem({ itemId: item.id, outcome: 'follow_up', reexamineOn: null, closureReason: null, closureNote: '' }));
    expect((await ok(api.meetings.dashboard({}))).staleFollowUps).toEqual([]);
    clock.advance(185 * DAY_MS);
    expect((await ok(api.meetings.dashboard({}))).staleFollowUps).toEqual([
      expect.objectContaining({ code: 'S-2026-001', structureName: 'CCAS de Woippy', lastReview: '2026-04-02' }),
    ]);
  });
});
