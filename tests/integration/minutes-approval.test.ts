// The animateur's approval of the minutes is the animateur's own act: the animation user linked to
// the meeting's animateur approves the record as it stands; a change asks for a new approval;
// without it the coordination records why, and that reason is what the signature block prints.
import { describe, expect, it } from 'vitest';
import { accountFor, ANIMATEUR, COORDINATOR } from '../fixtures/people';
import { firstUnlock, ok } from '../helpers/ipc';
import { heldMeeting, refusal } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';
import { SIGNING_PASSWORD } from '../helpers/signing';

const flat = (text: string) => text.replace(/\s+/g, ' ');
const textOf = (file: { base64: string }) => flat(pdfText(Buffer.from(file.base64, 'base64')));

async function withCertificate() {
  const session = await heldMeeting();
  await ok(
    session.api.signing.create({
      memberId: null,
      commonName: 'Françoise Marchal',
      organization: 'Centre hospitalier de Jury',
      password: SIGNING_PASSWORD,
      passwordConfirmation: SIGNING_PASSWORD,
    }),
  );
  return session;
}

describe('the animateur’s approval', () => {
  it('is given by the linked animation user only, bound to the record, and printed as such', async () => {
    const { api, meeting, psychiatrist } = await withCertificate();
    const meetingId = meeting.id;
    const sign = () => api.minutes.sign({ meetingId, password: SIGNING_PASSWORD, animateurPassword: null });
    expect(await refusal(sign())).toMatchObject({ code: 'MINUTES_APPROVAL_MISSING' });
    expect(textOf(await ok(api.meetings.minutesDraft({ meetingId })))).toContain('En attente de l’approbation de l’animateur');

    const user = await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    const own = await firstUnlock(api, ANIMATEUR);
    // Not linked to the member who animates: the approval is not theirs to give.
    expect(await refusal(api.minutes.approve({ meetingId }))).toMatchObject({ code: 'MINUTES_NOT_YOUR_MEETING' });
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    // The coordination cannot approve in the animateur's name: the channel is the animateur's.
    expect(await refusal(api.minutes.approve({ meetingId }))).toMatchObject({ code: 'FORBIDDEN' });
    const linked = await ok(api.users.linkMember({ userId: user.id, memberId: psychiatrist.id }));
    expect(linked.member).toMatchObject({ id: psychiatrist.id });

    await ok(api.session.unlock({ login: ANIMATEUR.login, password: own }));
    const approved = await ok(api.minutes.approve({ meetingId }));
    expect(approved.approval.state).toBe('approved');

    // A change to the record after the approval: it must be given again.
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    const changed = await ok(api.minutes.otherPoints({ meetingId, text: 'Calendrier des séances de 2027.' }));
    expect(changed.approval.state).toBe('stale');
    expect(await refusal(sign())).toMatchObject({ code: 'MINUTES_APPROVAL_MISSING' });
    await ok(api.session.unlock({ login: ANIMATEUR.login, password: own }));
    await ok(api.minutes.approve({ meetingId }));
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));

    const status = await ok(sign());
    const signed = textOf(await ok(api.minutes.document({ documentId: status.documents[0]!.id })));
    expect(signed).toContain('Projet approuvé dans l’application le');
    expect(signed).not.toContain('Approuvé le');
    expect(signed).toContain('Points discutés Calendrier des séances de 2027.');
  });

  it('without it, signs only once the coordination has recorded why, and prints that reason', async () => {
    const { api, meeting } = await withCertificate();
    const meetingId = meeting.id;
    expect(await refusal(api.minutes.recordApproval({ meetingId, reason: 'approved_by_mail', on: '2026-01-02' }))).toMatchObject({
      code: 'APPROVAL_BEFORE_MEETING',
    });
    const recorded = await ok(api.minutes.recordApproval({ meetingId, reason: 'approved_by_mail', on: meeting.heldOn }));
    expect(recorded.approval.state).toBe('recorded');
    const status = await ok(api.minutes.sign({ meetingId, password: SIGNING_PASSWORD, animateurPassword: null }));
    const signed = textOf(await ok(api.minutes.document({ documentId: status.documents[0]!.id })));
    // The two signature columns interleave in the extracted text: the reason's parts are checked apart.
    expect(signed).toContain('Approbation non recueillie dans l’application : approuvé par');
    expect(signed).toMatch(/courriel \(le 02\/04\/2026\), consigné par la coordination/);
    // The frame of the CLSM's minutes: opening, points discussed, closing, documents attached.
    for (const section of [
      '1. Ouverture de la séance',
      'Rappel de la charte et des règles de la Commission',
      'Points discutés',
      'Clôture de la séance',
      'Documents joints',
      'Feuille d’émargement',
    ])
      expect(signed).toContain(section);
    // No planned meeting after this one: the earliest re-examination date tells when to meet.
    expect(signed).toContain('premier réexamen prévu le 02/07/2026');
    expect(signed).not.toContain('• 1.');
    // Signed: nothing of the approval or the points changes any more.
    expect(await refusal(api.minutes.otherPoints({ meetingId, text: 'Autre' }))).toMatchObject({ code: 'MINUTES_SIGNED' });
  });
});
