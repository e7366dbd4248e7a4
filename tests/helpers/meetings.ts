// A coordinator's session ready for a meeting: the charter adopted and signed by the members of the
// room — the referring social worker (CCAS de Woippy), a psychiatrist of the CMP who chairs, a
// landlord's officer (Vivest) and a mandataire judiciaire (UDAF) — one member who never signed,
// and a situation declared eligible, awaiting its consent.
import type { Clock } from '../../electron/shared/dates';
import { annKlein, LETTERHEAD_FIELDS } from '../fixtures/people';
import { consentOf, referralOf } from '../fixtures/situations';
import { ok } from './ipc';
import { manualClock } from './vault';
import { declareEligible, situationsSession } from './situations';

export async function meetingsSession(options: { now?: Clock } = {}) {
  const session = await situationsSession(options);
  const { api } = session;
  const structure = (name: string, sector: 'cmp' | 'bailleur_social' | 'mandataire_judiciaire') =>
    ok(api.partners.saveStructure({ name, sector, address: '', conventionSignedOn: '2026-01-12', conventionSignatory: 'La direction' }));
  const cmp = await structure('CMP de Metz-Queuleu', 'cmp');
  const vivest = await structure('Vivest', 'bailleur_social');
  const udaf = await structure('UDAF de la Moselle', 'mandataire_judiciaire');
  const member = (structureId: number, firstName: string, lastName: string, category: string) =>
    ok(api.partners.saveMember({ ...annKlein(structureId), firstName, lastName, category: category as 'autre' }));
  const psychiatrist = await member(cmp.id, 'Stéphane', 'Kessler-Lentz', 'professionnel_sante');
  const landlord = await member(vivest.id, 'Karim', 'Benali', 'personnel_bailleur');
  const mandataire = await member(udaf.id, 'Françoise', 'Weber', 'mandataire_judiciaire');
  const substitute = await member(cmp.id, 'Julie', 'Muller', 'professionnel_sante');

  const [draft] = await ok(api.charter.list({}));
  await ok(api.charter.adopt({ versionId: draft!.id, adoptedOn: '2026-02-01' }));
  for (const m of [session.referrer, psychiatrist, landlord, mandataire, substitute]) {
    await ok(api.charter.recordSignature({ memberId: m.id, versionId: draft!.id, signedOn: '2026-02-02' }));
  }

  const situation = await ok(api.situations.saveReferral(referralOf(session.referrer.id)));
  await declareEligible(api, situation.id);
  return { ...session, cmp, vivest, udaf, psychiatrist, landlord, mandataire, substitute, situation };
}

/** A meeting on a day, chaired by the psychiatrist. */
export const meetingOn = (heldOn: string, animateurMemberId: number) => ({
  heldOn,
  startsAt: '14:00',
  endsAt: '17:30',
  place: 'CH de Jury, salle du conseil',
  animateurMemberId,
});

type Outcome = { ok: boolean; error?: { code: string; reasons?: { gate: string; code: string }[] } };

/** A refused call, as its code and its gate reasons (`G1:NO_CONSENT`). */
export async function refusal(call: Promise<Outcome>) {
  const result = await call;
  if (result.ok || !result.error) throw new Error('expected a refusal');
  return { code: result.error.code, reasons: result.error.reasons?.map((r) => `${r.gate}:${r.code}`) };
}

export const DAY_MS = 24 * 3600 * 1000;

/** On 20 March 2026, a meeting planned for 2 April, chaired by the psychiatrist. */
export async function plannedMeeting() {
  const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
  const session = await meetingsSession({ now: clock.now });
  const meeting = await ok(session.api.meetings.save(meetingOn('2026-04-02', session.psychiatrist.id)));
  // The letterhead the hospital's documents open with; letters to a person need its telephone.
  await ok(session.api.settings.updateLetterhead(LETTERHEAD_FIELDS));
  return { ...session, clock, meeting };
}

/**
 * The planned meeting of 2 April with its one item (the referrer presents; Vivest excluded by the
 * person), the referrer, the psychiatrist and the landlord's officer convened.
 */
export async function convenedMeeting() {
  const session = await plannedMeeting();
  const { api, meeting, situation, referrer, psychiatrist, landlord, vivest } = session;
  await ok(api.consents.record(consentOf(situation.id, referrer.id, { excludedStructureIds: [vivest.id] })));
  const item = await ok(
    api.meetings.addItem({
      meetingId: meeting.id,
      situationId: situation.id,
      presenterMemberId: referrer.id,
      neutralQuestion: 'Quel relais pour le logement ?',
      inviteeIds: [],
    }),
  );
  await ok(api.meetings.convene({ meetingId: meeting.id, memberIds: [referrer.id, psychiatrist.id, landlord.id] }));
  return { ...session, item };
}

/**
 * On 2 April 2026, the meeting above held: one item examined (Sylvie Hœrner's situation, who
 * excluded Vivest and shares her full name), the referrer present, the landlord present but out of
 * the room for the item, the psychiatrist represented by his substitute, the mandataire excused.
 * With `referrerLeaves`, the referrer leaves the room for the item too (of her own accord), and the
 * action goes to the substitute.
 */
export async function heldMeeting(options: { referrerLeaves?: boolean } = {}) {
  const session = await plannedMeeting();
  const { api, meeting, situation, referrer, psychiatrist, landlord, mandataire, substitute, vivest, clock } = session;
  await ok(api.consents.record(consentOf(situation.id, referrer.id, { excludedStructureIds: [vivest.id], identitySharing: 'full' })));
  const item = await ok(
    api.meetings.addItem({
      meetingId: meeting.id,
      situationId: situation.id,
      presenterMemberId: referrer.id,
      neutralQuestion: 'Quel relais pour le logement ?',
      inviteeIds: [],
    }),
  );
  await ok(api.meetings.convene({ meetingId: meeting.id, memberIds: [referrer.id, psychiatrist.id, landlord.id, mandataire.id] }));
  const mark = (memberId: number, status: 'present' | 'excused' | 'represented', substituteMemberId: number | null = null) =>
    ok(
      api.meetings.attendance({ meetingId: meeting.id, memberId, status, substituteMemberId, arrivalItemId: null, departureItemId: null }),
    );
  await mark(referrer.id, 'present');
  await mark(landlord.id, 'present');
  await mark(psychiatrist.id, 'represented', substitute.id);
  await mark(mandataire.id, 'excused');
  clock.advance(13 * DAY_MS);
  await ok(api.meetings.exits({ itemId: item.id, memberIds: options.referrerLeaves ? [landlord.id, referrer.id] : [landlord.id] }));
  await ok(api.meetings.openItem({ itemId: item.id }));
  await ok(
    api.meetings.deliberate({
      itemId: item.id,
      synthesis: 'Dette locative ancienne, isolement.',
      hypotheses: '',
      responseTypology: ['Coordination des intervenants'],
      proposals: 'Une visite à domicile, ensemble, par le CCAS et le CMP.',
      personPresence: 'represented',
    }),
  );
  await ok(
    api.actions.add({
      itemId: item.id,
      what: 'Visite conjointe au domicile',
      owner: { kind: 'member', id: options.referrerLeaves ? substitute.id : referrer.id },
      dueOn: '2026-04-16',
    }),
  );
  await ok(
    api.meetings.concludeItem({ itemId: item.id, outcome: 'follow_up', reexamineOn: '2026-07-02', closureReason: null, closureNote: '' }),
  );
  await ok(api.meetings.markHeld({ meetingId: meeting.id }));
  return { ...session, item };
}
