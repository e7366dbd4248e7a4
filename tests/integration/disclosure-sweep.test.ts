// The sweep of issue 23: every door that hands case content out, against a recipient or a situation
// failing each gate. Whatever the door, the answer is a refusal, or a document in which the
// situation does not appear (its code, the person's names): never the case.
import { describe, expect, it } from 'vitest';
import type { ClsmApi } from '../../electron/ipc/api';
import { COORDINATOR } from '../fixtures/people';
import { consentOf, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { convenedMeeting, DAY_MS, heldMeeting, plannedMeeting } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';
import { signMinutes } from '../helpers/signing';

type Result = { ok: boolean; value?: unknown; error?: { code: string; reasons?: { gate: string; code: string }[] } };
const CASE = ['S-2026-001', SYLVIE.lastName, SYLVIE.firstName];

/** What a door answered: refused (with its gate codes or error code), or the case's words found in its document. */
async function answer(call: Promise<Result>): Promise<{ refused: string[] } | { disclosed: string[] }> {
  const result = await call;
  if (!result.ok) return { refused: result.error?.reasons?.map((r) => `${r.gate}:${r.code}`) ?? [result.error!.code] };
  const text = pdfText(Buffer.from((result.value as { base64: string }).base64, 'base64'));
  return { disclosed: CASE.filter((word) => text.includes(word)) };
}

const nothingDisclosed = (a: Awaited<ReturnType<typeof answer>>) => ('refused' in a ? a.refused.length > 0 : a.disclosed.length === 0);

/** Every door of a signed meeting that may carry the case, for a member recipient where one is asked. */
function signedDoors(api: ClsmApi, ids: { meetingId: number; itemId: number; situationId: number; memberId: number }) {
  return {
    extract: () => api.minutes.extract({ meetingId: ids.meetingId, memberId: ids.memberId }),
    letter: () => api.minutes.letter({ itemId: ids.itemId }),
    referralForm: () => api.situations.referralForm({ id: ids.situationId }),
  } as Record<string, () => Promise<Result>>;
}

describe('every door, every gate', () => {
  it('G1 (withdrawal, re-confirmation) and G2 at the doors of signed minutes', async () => {
    for (const failing of ['withdrawn', 'reconfirmation', 'representative'] as const) {
      const session = await heldMeeting();
      const { api, meeting, item, situation, referrer, vivest, clock } = session;
      await signMinutes(api, meeting.id);
      if (failing === 'withdrawn') await ok(api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-04-02', note: '' }));
      if (failing === 'reconfirmation') clock.advance(400 * DAY_MS);
      if (failing === 'representative')
        await ok(
          api.consents.record(
            consentOf(situation.id, referrer.id, {
              collectedOn: '2026-04-02',
              excludedStructureIds: [vivest.id],
              legalProtection: 'tutelle',
            }),
          ),
        );
      const doors = signedDoors(api, { meetingId: meeting.id, itemId: item.id, situationId: situation.id, memberId: referrer.id });
      for (const [door, call] of Object.entries(doors)) expect(nothingDisclosed(await answer(call())), `${failing} → ${door}`).toBe(true);
    }
  });

  it('G9: nothing of an erased situation leaves by any door, the access report and the person’s forms included', async () => {
    const session = await heldMeeting();
    const { api, meeting, item, situation, referrer, clock, vault } = session;
    await signMinutes(api, meeting.id);
    await ok(api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-04-02', note: '' }));
    clock.advance(60_000);
    await ok(api.retention.purge({ situationIds: [situation.id], actorPassword: COORDINATOR.password }));
    const doors = {
      ...signedDoors(api, { meetingId: meeting.id, itemId: item.id, situationId: situation.id, memberId: referrer.id }),
      accessReport: () => api.retention.accessReport({ situationId: situation.id }),
      informationNote: () => api.situations.informationNote({ id: situation.id, withRepresentative: false }),
      consentForm: () => api.situations.consentForm({ id: situation.id, withRepresentative: false }),
    } as Record<string, () => Promise<Result>>;
    for (const [door, call] of Object.entries(doors)) expect(nothingDisclosed(await answer(call())), door).toBe(true);
    expect(await answer(api.retention.accessReport({ situationId: situation.id }))).toEqual({ refused: ['G9:DATA_ERASED'] });
    expect(vault.database().prepare('SELECT basis FROM situation_purges WHERE situation_id = ?').pluck().get(situation.id)).toBe(
      'withdrawal',
    );
  });

  it('G3 and G5 for the member who receives: extract and convocation', async () => {
    const session = await heldMeeting();
    const { api, meeting, referrer, landlord, mandataire } = session;
    await signMinutes(api, meeting.id);
    const extractFor = (memberId: number) => answer(api.minutes.extract({ meetingId: meeting.id, memberId }));
    expect(nothingDisclosed(await extractFor(landlord.id))).toBe(true); // Vivest excluded (G5)
    expect(nothingDisclosed(await extractFor(mandataire.id))).toBe(true); // category not allowed (G5)
    await ok(api.partners.setMemberActive({ id: referrer.id, active: false }));
    expect(await extractFor(referrer.id)).toEqual({ refused: ['G3:MEMBER_INACTIVE'] });

    const { api: api2, meeting: m2, landlord: l2, psychiatrist: p2 } = await convenedMeeting();
    expect(nothingDisclosed(await answer(api2.meetings.convocation({ meetingId: m2.id, memberId: l2.id })))).toBe(true);
    await ok(api2.partners.setMemberActive({ id: p2.id, active: false }));
    expect(await answer(api2.meetings.convocation({ meetingId: m2.id, memberId: p2.id }))).toEqual({ refused: ['G3:MEMBER_INACTIVE'] });
  });

  it('G1 and G4 at the doors of a meeting to come: agenda, convocations, sign-in sheet', async () => {
    for (const failing of ['withdrawn', 'convention'] as const) {
      const { api, meeting, situation, referrer, psychiatrist, signed } = await plannedMeeting();
      await ok(api.consents.record(consentOf(situation.id, referrer.id)));
      await ok(
        api.meetings.addItem({
          meetingId: meeting.id,
          situationId: situation.id,
          presenterMemberId: referrer.id,
          neutralQuestion: 'Quel relais ?',
          inviteeIds: [],
        }),
      );
      await ok(api.meetings.convene({ meetingId: meeting.id, memberIds: [referrer.id, psychiatrist.id] }));
      if (failing === 'withdrawn') await ok(api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-03-20', note: '' }));
      else await ok(api.partners.setStructureActive({ id: signed.id, active: false }));
      const doors = {
        agenda: () => api.meetings.agenda({ meetingId: meeting.id }),
        convocations: () => api.meetings.convocations({ meetingId: meeting.id }),
        convocation: () => api.meetings.convocation({ meetingId: meeting.id, memberId: psychiatrist.id }),
        signInSheet: () => api.meetings.signInSheet({ meetingId: meeting.id }),
      } as Record<string, () => Promise<Result>>;
      for (const [door, call] of Object.entries(doors)) {
        const got = await answer(call());
        expect(nothingDisclosed(got), `${failing} → ${door}`).toBe(true);
      }
      // The referring structure left (G4) or the consent was withdrawn (G1): the item left the agenda at once, with its reason.
      const [left] = (await ok(api.meetings.get({ meetingId: meeting.id }))).items;
      expect(left!.status, failing).toBe('dropped');
      if (failing === 'convention') expect(left!.droppedReasons.map((r) => `${r.gate}:${r.code}`)).toContain('G4:STRUCTURE_INACTIVE');
    }
  });
});
