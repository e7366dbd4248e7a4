// The disclosure gate at the doors that hand signed content out (issue 23): extracts and letters
// are refused, or leave an item out, as soon as the recipient or the situation stops passing a
// gate on the day of printing — and come back once the facts change.
import { describe, expect, it } from 'vitest';
import { consentOf, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { DAY_MS, heldMeeting, refusal } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';
import { signMinutes } from '../helpers/signing';

const textOf = (file: { base64: string }) => pdfText(Buffer.from(file.base64, 'base64')).replace(/\s+/g, ' ');

async function signedMeeting() {
  const session = await heldMeeting();
  await signMinutes(session.api, session.meeting.id);
  return session;
}

describe('extracts of signed minutes (disclosure gate)', () => {
  it('are refused to a member who has not signed a newly adopted charter, until they sign it', async () => {
    const { api, meeting, referrer, clock } = await signedMeeting();
    clock.advance(20 * DAY_MS); // 22 April 2026
    const draft = await ok(api.charter.newDraft({}));
    await ok(api.charter.adopt({ versionId: draft.id, adoptedOn: '2026-04-20' }));
    expect(await refusal(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G3:CHARTER_NEW_VERSION_NOT_SIGNED'],
    });
    const status = await ok(api.minutes.status({ meetingId: meeting.id }));
    const own = status.recipients.find((r) => r.memberId === referrer.id)!;
    expect(own.refusedReasons.map((r) => r.code)).toEqual(['CHARTER_NEW_VERSION_NOT_SIGNED']);
    expect(own.extract).toEqual([]);
    await ok(api.charter.recordSignature({ memberId: referrer.id, versionId: draft.id, signedOn: '2026-04-21' }));
    const again = (await ok(api.minutes.status({ meetingId: meeting.id }))).recipients.find((r) => r.memberId === referrer.id)!;
    expect(again).toMatchObject({ refusedReasons: [], extract: [{ code: 'S-2026-001', named: true }] });
    expect(textOf(await ok(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id })))).toContain('S-2026-001');
  });

  it('are refused to a deactivated member, and given again once reactivated', async () => {
    const { api, meeting, referrer } = await signedMeeting();
    await ok(api.partners.setMemberActive({ id: referrer.id, active: false }));
    expect(await refusal(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G3:MEMBER_INACTIVE'],
    });
    await ok(api.partners.setMemberActive({ id: referrer.id, active: true }));
    expect(textOf(await ok(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id })))).toContain('S-2026-001');
  });

  it('leave out the item once the consent is past its re-confirmation date, like the letter; a new consent brings it back', async () => {
    const { api, meeting, item, referrer, situation, vivest, clock } = await signedMeeting();
    clock.advance(365 * DAY_MS); // 2 April 2027: the consent of 10 March 2026 was to be confirmed by 10 March 2027
    const extract = textOf(await ok(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id })));
    expect(extract).toContain('1 point ne vous concerne pas.');
    for (const leaked of ['S-2026-001', SYLVIE.firstName, SYLVIE.lastName, 'Visite conjointe']) expect(extract).not.toContain(leaked);
    expect(await refusal(api.minutes.letter({ itemId: item.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G1:CONSENT_RECONFIRMATION_DUE'],
    });
    await ok(
      api.consents.record(
        consentOf(situation.id, referrer.id, { collectedOn: '2027-03-30', excludedStructureIds: [vivest.id], identitySharing: 'full' }),
      ),
    );
    expect(textOf(await ok(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id })))).toContain(
      `${SYLVIE.firstName} ${SYLVIE.lastName}`,
    );
    expect((await ok(api.minutes.letter({ itemId: item.id }))).fileName).toMatch(/^courrier-personne-S-2026-001/);
  });

  it('leave out the item after the consent is withdrawn; the letter is refused', async () => {
    const { api, meeting, item, referrer, situation } = await signedMeeting();
    await ok(api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-04-02', note: '' }));
    const extract = textOf(await ok(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id })));
    expect(extract).not.toContain('S-2026-001');
    expect(extract).toContain('1 point ne vous concerne pas.');
    expect(await refusal(api.minutes.letter({ itemId: item.id }))).toEqual({ code: 'GATE_REFUSED', reasons: ['G1:CONSENT_WITHDRAWN'] });
  });

  it('leave out the item for a member who left the room for it, even within the person’s consent', async () => {
    const session = await heldMeeting({ referrerLeaves: true });
    const { api, meeting, referrer, substitute } = session;
    await signMinutes(api, meeting.id);
    const extract = textOf(await ok(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id })));
    expect(extract).not.toContain('S-2026-001');
    expect(textOf(await ok(api.minutes.extract({ meetingId: meeting.id, memberId: substitute.id })))).toContain('S-2026-001');
  });
});
