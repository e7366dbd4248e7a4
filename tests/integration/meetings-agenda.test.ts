import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { consentOf, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { meetingOn, plannedMeeting, refusal } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';

const decode = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

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
    expect(one.fileName).toBe('convocation-2026-04-02-stephane-kessler-lentz.pdf');
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
    expect(oneText).toContain('Stéphane Kessler-Lentz');
    expect(oneText).toContain('S-2026-001');
    expect(oneText).toContain('CCAS de Woippy');
    expect(oneText).toContain('Maintien dans le logement');
    expect(allText).toContain('Karim Benali'); // the invitee, for their item only
    expect(allText).toMatch(/Votre présence est attendue pour le point n° 1/);
    // In the file of every convocation, each letter opens under the letterhead.
    const letterheads = allText.match(/Coordination du Conseil local de santé mentale/g)?.length ?? 0;
    expect(letterheads).toBeGreaterThan(1);
    expect(letterheads).toBe(allText.match(/Convocation\n/g)?.length);
    expect(allText).not.toContain('(e)');
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
