// G9 and the person's rights through the channels: erasure at once after a withdrawal (unless the
// minutes still await signature), refused for a situation not due, the coordinator's alone; the
// access report as the person reads it; rectification recorded in the trail.
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { accountFor, ANIMATEUR, COORDINATOR, SECRETARY } from '../fixtures/people';
import { consentOf, referralOf, SCANNED_PDF, SYLVIE } from '../fixtures/situations';
import { callChannel, firstUnlock, ok } from '../helpers/ipc';
import { heldMeeting, refusal } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';
import { declareEligible, situationsSession } from '../helpers/situations';
import { manualClock } from '../helpers/vault';

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function withdrawnSituation() {
  const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
  const session = await situationsSession({ now: clock.now });
  const { api, referrer } = session;
  const situation = await ok(api.situations.saveReferral(referralOf(referrer.id)));
  await declareEligible(api, situation.id);
  const consent = await ok(api.consents.record(consentOf(situation.id, referrer.id)));
  await ok(api.consents.attachScan({ consentId: consent.consents[0]!.id, base64: SCANNED_PDF }));
  return { ...session, clock, situation };
}

describe('erasure', () => {
  it('after a withdrawal: proposed at once, erased with the password, the situation kept anonymous', async () => {
    const { api, situation, clock } = await withdrawnSituation();
    expect((await ok(api.retention.candidates({}))).candidates).toEqual([]);
    expect(await api.retention.purge({ situationIds: [situation.id], actorPassword: COORDINATOR.password })).toMatchObject({
      ok: false,
      error: { code: 'PURGE_NOT_DUE' },
    });
    await ok(api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-03-20', note: '' }));
    const { candidates, retentionMonths } = await ok(api.retention.candidates({}));
    expect(retentionMonths).toBe(24);
    expect(candidates).toEqual([
      expect.objectContaining({ id: situation.id, code: situation.code, basis: 'withdrawal', closedOn: '2026-03-20', dueOn: '2028-03-20' }),
    ]);
    expect(await api.retention.purge({ situationIds: [situation.id], actorPassword: 'pas-le-bon' })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED' },
    });
    clock.advance(60_000);
    expect(await ok(api.retention.purge({ situationIds: [situation.id], actorPassword: COORDINATOR.password }))).toEqual({
      erased: [{ id: situation.id, code: situation.code, basis: 'withdrawal' }],
    });
    const detail = await ok(api.situations.get({ id: situation.id }));
    expect(detail).toMatchObject({ identity: null, erasedOn: '2026-03-20', question: '', alreadyTried: '', partnersInvolved: '' });
    expect(detail.consents[0]).toMatchObject({ scan: null, collectedOn: '2026-03-10' });
    expect((await ok(api.retention.candidates({}))).candidates).toEqual([]);
    expect(await refusal(api.retention.accessReport({ situationId: situation.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G9:DATA_ERASED'],
    });
    // The search by name finds nothing any more; the registry keeps the code.
    expect((await ok(api.situations.page({ search: SYLVIE.lastName, limit: 20, offset: 0 }))).total).toBe(0);
  });

  it('not while the minutes of a meeting that examined it await signature', async () => {
    const { api, situation } = await heldMeeting();
    const situationId = situation.id;
    await ok(api.consents.withdraw({ situationId, withdrawnOn: '2026-04-02', note: '' }));
    expect((await ok(api.retention.candidates({}))).candidates.map((c) => c.id)).not.toContain(situationId);
    expect(await api.retention.purge({ situationIds: [situationId], actorPassword: COORDINATOR.password })).toMatchObject({
      ok: false,
      error: { code: 'PURGE_NOT_DUE' },
    });
  });

  it('is the coordinator’s alone', async () => {
    const { api } = await situationsSession();
    await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    for (const person of [ANIMATEUR, SECRETARY]) {
      await firstUnlock(api, person);
      for (const channel of CHANNEL_NAMES.filter((c) => c.startsWith('retention.'))) {
        expect(await callChannel(api, channel, {}), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });
});

describe('the person’s rights', () => {
  it('access: one PDF with identity, referral, consents, actions and who consulted the file; rectification is audited', async () => {
    const { api, situation, referrer } = await withdrawnSituation();
    await ok(api.situations.get({ id: situation.id }));
    await ok(
      api.situations.saveReferral({ ...referralOf(referrer.id), id: situation.id, identity: { ...SYLVIE, phone: '06 98 76 54 32' } }),
    );
    const file = await ok(api.retention.accessReport({ situationId: situation.id }));
    expect(file.fileName).toBe(`releve-des-donnees-${situation.code}.pdf`);
    const text = flat(pdfText(Buffer.from(file.base64, 'base64')));
    for (const expected of [
      'Relevé des données vous concernant',
      'Hœrner',
      'Sylvie',
      '06 98 76 54 32',
      '12 rue des Tanneurs',
      'Comment maintenir la personne dans son logement',
      'Vos consentements',
      'Travailleur social',
      'Consultation d’une situation',
      'Modification d’une saisine',
      'Françoise Marchal',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const trail = await ok(api.audit.list({ action: 'retention', limit: 5 }));
    expect(trail.events[0]).toMatchObject({ action: 'retention.accessReport', detail: `situation=${situation.code}` });
    const history = await ok(api.audit.list({ action: 'situations.updateReferral', limit: 5 }));
    expect(history.total).toBe(1);
  });
});
