// Names kept out of shared text, and convocations per recipient with the stale ones named (issue 23).
import { describe, expect, it } from 'vitest';
import { consentOf, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { convenedMeeting, DAY_MS, heldMeeting, plannedMeeting, refusal } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';
import { SIGNING_PASSWORD, signMinutes } from '../helpers/signing';

const textOf = (file: { base64: string }) => pdfText(Buffer.from(file.base64, 'base64')).replace(/\s+/g, ' ');

/** The fields a NAME_IN_SHARED_TEXT refusal names. */
async function refusedFields(call: Promise<{ ok: boolean; error?: { code: string; fields?: Record<string, string> } }>) {
  const result = await call;
  expect(result.error?.code).toBe('NAME_IN_SHARED_TEXT');
  return Object.keys(result.error?.fields ?? {});
}

describe('the person’s name in shared text (G6)', () => {
  it('is refused in the agenda’s question, the deliberation, the actions and the conclusion, field by field', async () => {
    const { api, meeting, situation, referrer, psychiatrist, clock } = await plannedMeeting();
    await ok(api.consents.record(consentOf(situation.id, referrer.id)));
    const item = { meetingId: meeting.id, situationId: situation.id, presenterMemberId: referrer.id, inviteeIds: [] };
    const named = await api.meetings.addItem({ ...item, neutralQuestion: `Quel relais pour Mme ${SYLVIE.firstName} ${SYLVIE.lastName} ?` });
    expect(named.ok).toBe(false);
    if (!named.ok) expect(named.error.fields?.neutralQuestion).toContain(`« ${SYLVIE.lastName} »`);
    // Words that merely share letters with the name pass.
    const added = await ok(api.meetings.addItem({ ...item, neutralQuestion: 'Sylviculture et jardins partagés : quel relais ?' }));
    const update = { itemId: added.id, presenterMemberId: referrer.id, inviteeIds: [] };
    expect(await refusedFields(api.meetings.updateItem({ ...update, neutralQuestion: 'Situation de Mme HOERNER' }))).toEqual([
      'neutralQuestion',
    ]);

    await ok(api.meetings.convene({ meetingId: meeting.id, memberIds: [referrer.id, psychiatrist.id] }));
    for (const id of [referrer.id, psychiatrist.id])
      await ok(
        api.meetings.attendance({
          meetingId: meeting.id,
          memberId: id,
          status: 'present',
          substituteMemberId: null,
          arrivalItemId: null,
          departureItemId: null,
        }),
      );
    clock.advance(13 * DAY_MS);
    await ok(api.meetings.openItem({ itemId: added.id }));
    const deliberation = {
      itemId: added.id,
      synthesis: 'Dette locative, isolement.',
      hypotheses: 'sylvie pourrait accepter une visite',
      responseTypology: [],
      proposals: 'Visite conjointe chez Mme Hœrner.',
      personPresence: 'absent' as const,
    };
    expect(await refusedFields(api.meetings.deliberate(deliberation))).toEqual(['hypotheses', 'proposals']);
    await ok(api.meetings.deliberate({ ...deliberation, hypotheses: '', proposals: 'Visite conjointe.' }));
    const action = { itemId: added.id, owner: { kind: 'member' as const, id: referrer.id }, dueOn: '2026-04-20' };
    expect(await refusedFields(api.actions.add({ ...action, what: 'Rappeler Sylvie' }))).toEqual(['what']);
    await ok(api.actions.add({ ...action, what: 'Rappeler la personne' }));
    const conclusion = { itemId: added.id, outcome: 'closed' as const, reexamineOn: null, closureReason: 'other' as const };
    expect(await refusedFields(api.meetings.concludeItem({ ...conclusion, closureNote: 'Mme Hoerner déménage à Nancy' }))).toEqual([
      'closureNote',
    ]);
    expect((await ok(api.meetings.concludeItem({ ...conclusion, closureNote: 'Déménagement hors du territoire' }))).item.status).toBe(
      'deliberated',
    );
  });

  it('is refused in an addendum to signed minutes', async () => {
    const { api, meeting } = await heldMeeting();
    await signMinutes(api, meeting.id);
    const addendum = { meetingId: meeting.id, password: SIGNING_PASSWORD, animateurPassword: null };
    expect(
      await refusedFields(api.minutes.addendum({ ...addendum, text: `Correction : Mme ${SYLVIE.lastName} était représentée.` })),
    ).toEqual(['text']);
    const status = await ok(api.minutes.addendum({ ...addendum, text: 'Correction : la personne était représentée par sa sœur.' }));
    expect(status.documents).toHaveLength(2);
  });
});

describe('convocations per recipient', () => {
  const convened = convenedMeeting;

  it('tell an excluded member that their item is reserved, with nothing of it, and where they sit', async () => {
    const { api, meeting, landlord, psychiatrist } = await convened();
    const own = textOf(await ok(api.meetings.convocation({ meetingId: meeting.id, memberId: landlord.id })));
    expect(own).toContain('Point 1 : réservé — vous ne participerez pas à ce point.');
    expect(own).toContain('Présence : toute la séance sauf le point 1.');
    for (const leaked of ['S-2026-001', 'CCAS de Woippy', 'Quel relais pour le logement', 'Anne Klein']) expect(own).not.toContain(leaked);
    const other = textOf(await ok(api.meetings.convocation({ meetingId: meeting.id, memberId: psychiatrist.id })));
    expect(other).toContain('S-2026-001');
    expect(other).toContain('Présence : toute la séance.');
    const sheet = textOf(await ok(api.meetings.signInSheet({ meetingId: meeting.id })));
    expect(sheet).toMatch(/Karim Benali .*toute la séance sauf le point 1/);
  });

  it('name the members whose printed convocation the agenda’s change made stale, and reprint just those', async () => {
    const { api, meeting, item, referrer, psychiatrist, landlord } = await convened();
    const staleOf = async (meetingId: number) =>
      (await ok(api.meetings.convocationStatus({ meetingId }))).filter((s) => s.stale).map((s) => s.memberId);
    expect((await ok(api.meetings.convocationStatus({ meetingId: meeting.id }))).map((s) => [s.memberId, s.presence, s.printedAt])).toEqual(
      [
        [referrer.id, 'toute la séance', null],
        [psychiatrist.id, 'toute la séance', null],
        [landlord.id, 'toute la séance sauf le point 1', null],
      ],
    );
    await ok(api.meetings.convocations({ meetingId: meeting.id }));
    expect(await staleOf(meeting.id)).toEqual([]);
    await ok(
      api.meetings.updateItem({
        itemId: item.id,
        presenterMemberId: referrer.id,
        inviteeIds: [],
        neutralQuestion: 'Quel accompagnement vers le soin ?',
      }),
    );
    // The landlord's convocation only ever said « réservé »: it is still true.
    expect((await staleOf(meeting.id)).sort()).toEqual([referrer.id, psychiatrist.id].sort());
    const reprint = await ok(api.meetings.convocations({ meetingId: meeting.id, onlyStale: true }));
    expect(reprint.fileName).toBe('convocations-mises-a-jour-2026-04-02.pdf');
    const text = textOf(reprint);
    expect(text).toContain('accompagnement');
    expect(text).not.toContain('logement ?');
    expect(text).toContain('Stéphane Kessler-Lentz');
    expect(text).not.toContain('Karim Benali');
    expect(await staleOf(meeting.id)).toEqual([]);
    expect(await refusal(api.meetings.convocations({ meetingId: meeting.id, onlyStale: true }))).toMatchObject({
      code: 'CONVOCATIONS_UP_TO_DATE',
    });
  });

  it('are refused to a member who has not signed the charter adopted since they were convened (G3)', async () => {
    const { api, meeting, psychiatrist, referrer } = await convened();
    const draft = await ok(api.charter.newDraft({}));
    await ok(api.charter.adopt({ versionId: draft.id, adoptedOn: '2026-03-20' }));
    expect(await refusal(api.meetings.convocation({ meetingId: meeting.id, memberId: psychiatrist.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G3:CHARTER_NEW_VERSION_NOT_SIGNED'],
    });
    expect((await refusal(api.meetings.convocations({ meetingId: meeting.id }))).code).toBe('GATE_REFUSED');
    // Nobody signs the sheet before signing the charter in force.
    expect(textOf(await ok(api.meetings.signInSheet({ meetingId: meeting.id })))).not.toContain('Karim Benali');
    for (const m of [psychiatrist.id, referrer.id])
      await ok(api.charter.recordSignature({ memberId: m, versionId: draft.id, signedOn: '2026-03-20' }));
    expect((await ok(api.meetings.convocation({ meetingId: meeting.id, memberId: psychiatrist.id }))).fileName).toContain('kessler-lentz');
  });
});
