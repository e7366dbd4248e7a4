import { describe, expect, it } from 'vitest';
import { consentOf, referralOf, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { DAY_MS, heldMeeting, meetingOn, plannedMeeting, refusal } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';
import { declareEligible } from '../helpers/situations';

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
    expect(before.scopeReasons[1]!.message).toContain('Karim Benali (Vivest) doit quitter la salle pour le point S-2026-001');
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
    expect(opened.present.map((m) => m.displayName)).toEqual(['Anne Klein', 'Stéphane Kessler-Lentz']);
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
        referralOf(referrer.id, { ageBand: '66_75', identity: { ...SYLVIE, firstName: 'Bernard', lastName: 'Thiriet', birthYear: 1958 } }),
      ),
    );
    await declareEligible(api, other.id);
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
    const { api, item, clock, meeting, landlord, mandataire, referrer, psychiatrist, substitute, vivest, udaf, situation, vault } =
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
    // A synthesis without proposals, or proposals without a synthesis, is not a conclusion.
    for (const missing of [{ synthesis: '' }, { proposals: '' }]) {
      await ok(api.meetings.deliberate({ ...deliberation, ...missing, personPresence: 'represented' }));
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
        JSON.stringify(missing),
      ).toMatchObject({ code: 'DELIBERATION_INCOMPLETE' });
    }
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
    // G5 for owners: neither the structure the person excluded, nor a member who had to leave the room.
    const apurement = { itemId: item.id, what: 'Proposer un plan d’apurement', dueOn: '2026-06-30' };
    expect(await refusal(api.actions.add({ ...apurement, owner: { kind: 'structure', id: vivest.id } }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G5:STRUCTURE_EXCLUDED'],
    });
    expect(await refusal(api.actions.add({ ...apurement, owner: { kind: 'member', id: landlord.id } }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G5:STRUCTURE_EXCLUDED', 'G5:MEMBER_LEFT_ROOM'],
    });
    expect(await refusal(api.actions.add({ ...apurement, owner: { kind: 'member', id: mandataire.id } }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G5:CATEGORY_NOT_ALLOWED', 'G5:MEMBER_LEFT_ROOM'],
    });
    const owners = await ok(api.actions.owners({ itemId: item.id }));
    expect(owners.structures.map((s) => s.name)).not.toContain('Vivest');
    expect(owners.structures.map((s) => s.name)).toContain('UDAF de la Moselle');
    expect(owners.members.map((m) => m.displayName)).toEqual(expect.arrayContaining(['Anne Klein', 'Stéphane Kessler-Lentz']));
    expect(owners.members.map((m) => m.displayName)).not.toEqual(expect.arrayContaining(['Karim Benali']));
    expect(owners.members.map((m) => m.displayName)).not.toEqual(expect.arrayContaining(['Françoise Weber']));
    const actions = await ok(api.actions.add({ ...apurement, owner: { kind: 'structure', id: udaf.id } }));
    expect(actions.map((a) => [a.owner.name, a.stage])).toEqual([
      ['Anne Klein', 'due_soon'],
      ['UDAF de la Moselle', 'awaiting_agreement'],
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
    // The person answers each proposal: every one is answered, or nothing is recorded.
    expect(
      await refusal(
        api.actions.returnToPerson({ itemId: item.id, returnedOn: '2026-04-02', actions: [{ actionId: first.id, agreement: 'agreed' }] }),
      ),
    ).toMatchObject({ code: 'RETURN_INCOMPLETE' });
    const answered = await ok(
      api.actions.returnToPerson({
        itemId: item.id,
        returnedOn: '2026-04-02',
        actions: [
          { actionId: first.id, agreement: 'agreed' },
          { actionId: second.id, agreement: 'discuss' },
        ],
      }),
    );
    expect(answered.map((a) => [a.id, a.agreement, a.stage])).toEqual([
      [first.id, 'agreed', 'due_soon'],
      [second.id, 'discuss', 'awaiting_agreement'],
    ]);
    // G10 per action: the accepted one can be reviewed as done, the one to discuss again cannot.
    expect(await refusal(api.actions.review({ ...review, actionId: second.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G10:PROPOSAL_TO_DISCUSS'],
    });
    await ok(api.actions.review(review));
    const trail = vault
      .database()
      .prepare(`SELECT detail FROM audit_events WHERE action = 'actions.returnToPerson' AND outcome = 'success'`)
      .pluck()
      .all();
    expect(trail).toEqual(['situation=S-2026-001,agreed=1,discuss=1']);

    clock.advance(80 * DAY_MS); // 21 June: the second action (30 June) is due soon, then overdue
    let board = await ok(api.actions.board({}));
    expect(board.map((a) => a.stage)).toEqual(['done', 'due_soon']);
    clock.advance(30 * DAY_MS);
    board = await ok(api.actions.board({ structureId: udaf.id }));
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

describe('the draft minutes', () => {
  it('follow the CLSM layout, name who left the room, and never the person', async () => {
    const { api, meeting, psychiatrist } = await heldMeeting();
    await ok(api.meetings.save(meetingOn('2026-07-02', psychiatrist.id)));

    const draft = await ok(api.meetings.minutesDraft({ meetingId: meeting.id }));
    expect(draft.fileName).toBe('compte-rendu-projet-2026-04-02.pdf');
    const text = pdfText(Buffer.from(draft.base64, 'base64'));
    for (const heading of [
      'COMPTE RENDU (PROJET)',
      'TYPE DE RÉUNION',
      'DATE / LIEU',
      'POINTS À L’ORDRE DU JOUR',
      'PARTICIPANTS',
      'PROCHAINE RÉUNION',
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('S-2026-001');
    expect(text).toContain('Présents : Anne Klein (CCAS de Woippy), Karim Benali (Vivest).');
    expect(text).toMatch(/Représentés : Stéphane Kessler-Lentz \(CMP de Metz-Queuleu\), par\s+Julie Muller/);
    expect(text).toContain('Excusés : Françoise Weber (UDAF de la Moselle).');
    expect(text.replace(/\s+/g, ' ')).toMatch(
      /Ont quitté la salle pour ce point, conformément au consentement de la personne : Karim Benali \(Vivest\)/,
    );
    expect(text).toContain('Visite conjointe au domicile');
    expect(text).toContain('16/04/2026');
    expect(text).toContain('Suivi ; réexamen prévu le 02/07/2026.');
    expect(text).toContain('Jeudi 2 juillet 2026'); // the next meeting
    expect(text).toContain('PROJET, non signé.');
    expect(text).not.toMatch(/Hœrner|Hoerner|Sylvie/);
  });
});
