import { describe, expect, it } from 'vitest';
import { ELIGIBLE, consentOf, referralOf, SCANNED_PDF, SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { declareEligible, situationsSession } from '../helpers/situations';
import { manualClock } from '../helpers/vault';

const DAY_MS = 24 * 3600 * 1000;
const codes = (error: { reasons?: { gate: string; code: string }[] }) => error.reasons?.map((r) => `${r.gate}:${r.code}`);

async function eligibleSituation() {
  const clock = manualClock(new Date('2026-03-20T09:00:00Z'));
  const session = await situationsSession({ now: clock.now });
  const situation = await ok(session.api.situations.saveReferral(referralOf(session.referrer.id)));
  await declareEligible(session.api, situation.id);
  return { ...session, clock, situation };
}

describe('referral (saisine)', () => {
  it('gives codes S-YYYY-NNN in order and refuses a referring structure without the convention (G4)', async () => {
    const { api, referrer, outsider } = await situationsSession({ now: manualClock(new Date('2026-03-20T09:00:00Z')).now });
    const refused = await api.situations.saveReferral(referralOf(outsider.id));
    expect(refused).toMatchObject({ ok: false, error: { code: 'GATE_REFUSED' } });
    expect(!refused.ok && codes(refused.error)).toEqual(['G4:CONVENTION_NOT_SIGNED']);

    const first = await ok(api.situations.saveReferral(referralOf(referrer.id)));
    expect(first).toMatchObject({ code: 'S-2026-001', state: 'received', structureName: 'CCAS de Woippy', identity: SYLVIE });
    const second = await ok(
      api.situations.saveReferral(
        referralOf(referrer.id, { ageBand: '66_75', identity: { ...SYLVIE, firstName: 'Bernard', lastName: 'Thiriet', birthYear: 1958 } }),
      ),
    );
    expect(second.code).toBe('S-2026-002');
    const lastYear = await ok(
      api.situations.saveReferral(
        referralOf(referrer.id, { receivedOn: '2025-12-30', identity: { ...SYLVIE, firstName: 'Nadège', lastName: 'Schneider' } }),
      ),
    );
    expect(lastYear.code).toBe('S-2025-001');
    // A correction keeps the code.
    const corrected = await ok(
      api.situations.saveReferral({ ...referralOf(referrer.id), id: first.id, commune: 'Metz', acknowledgeDuplicates: false }),
    );
    expect(corrected).toMatchObject({ id: first.id, code: 'S-2026-001', commune: 'Metz' });
  });

  it('flags a possible duplicate, accents and case ignored, before saving', async () => {
    const { api, referrer } = await situationsSession({ now: manualClock(new Date('2026-03-20T09:00:00Z')).now });
    const first = await ok(api.situations.saveReferral(referralOf(referrer.id)));
    const same = { ...SYLVIE, lastName: 'HOERNER', firstName: 'sylvie' };
    expect(await ok(api.situations.findDuplicates({ lastName: 'hœrner', firstName: 'SYLVIE', birthYear: 1971 }))).toEqual([
      { id: first.id, code: 'S-2026-001', receivedOn: '2026-03-02' },
    ]);
    expect(await ok(api.situations.findDuplicates({ lastName: 'Hœrner', firstName: 'Sylvie', birthYear: 1972 }))).toEqual([]);
    const flagged = await api.situations.saveReferral(referralOf(referrer.id, { identity: { ...same, lastName: 'Hœrner' } }));
    expect(flagged).toMatchObject({ ok: false, error: { code: 'SITUATION_DUPLICATE' } });
    expect(!flagged.ok && flagged.error.message).toContain('S-2026-001');
    expect(await ok(api.situations.page({}))).toMatchObject({ total: 1 });
    const confirmed = await ok(api.situations.saveReferral(referralOf(referrer.id, { identity: same, acknowledgeDuplicates: true })));
    expect(confirmed.code).toBe('S-2026-002');
  });

  it('refuses bad input in French, field by field: a minor, a commune outside the list, an unknown typology', async () => {
    const { api, referrer } = await situationsSession({ now: manualClock(new Date('2026-03-20T09:00:00Z')).now });
    const minor = await api.situations.saveReferral(
      referralOf(referrer.id, { identity: { ...SYLVIE, birthYear: 2012 }, commune: 'Thionville' }),
    );
    expect(minor).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          'identity.birthYear': 'La Commission n’examine que la situation de personnes majeures.',
          commune: 'Choisissez une commune de la métropole, ou « autre commune » avec son nom.',
        },
      },
    });
    expect(await ok(api.situations.saveReferral(referralOf(referrer.id, { commune: 'Thionville', communeOutside: true })))).toMatchObject({
      commune: 'Thionville',
      communeOutside: true,
    });
    expect(
      await api.situations.saveReferral(referralOf(referrer.id, { typology: ['diagnostic'], acknowledgeDuplicates: true })),
    ).toMatchObject({
      ok: false,
      error: { code: 'TYPOLOGY_UNKNOWN' },
    });
    // The age band and the birth year must agree (born in 1950: 75 or 76 in 2026).
    const inconsistent = await api.situations.saveReferral(
      referralOf(referrer.id, { ageBand: '18_25', identity: { ...SYLVIE, birthYear: 1950 } }),
    );
    expect(inconsistent).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: {
          ageBand:
            'Avec une naissance en 1950, la personne a 75 ou 76 ans : ce n’est pas « 18 à 25 ans ». Corrigez la tranche d’âge ou l’année de naissance.',
        },
      },
    });
    // At the edge of a band, either age fits: born in 2000, 25 or 26 in 2026.
    expect(
      await api.situations.saveReferral(
        referralOf(referrer.id, {
          ageBand: '26_35',
          identity: { ...SYLVIE, firstName: 'Léa', birthYear: 2000 },
          acknowledgeDuplicates: true,
        }),
      ),
    ).toMatchObject({ ok: true });
  });

  it('decides eligibility: eligible only if the four questions hold; a rejection keeps its reason', async () => {
    const { api, referrer } = await situationsSession({ now: manualClock(new Date('2026-03-20T09:00:00Z')).now });
    const s = await ok(api.situations.saveReferral(referralOf(referrer.id)));
    const emergency = { ...ELIGIBLE, notEmergency: false };
    expect(
      await api.situations.decideEligibility({
        id: s.id,
        answers: emergency,
        decision: 'eligible',
        decidedOn: '2026-03-03',
        rejectionReason: '',
      }),
    ).toMatchObject({
      ok: false,
      error: { fields: { decision: 'Une saisine n’est recevable que si les quatre conditions sont remplies.' } },
    });
    expect(
      await api.situations.decideEligibility({
        id: s.id,
        answers: emergency,
        decision: 'rejected',
        decidedOn: '2026-03-03',
        rejectionReason: '',
      }),
    ).toMatchObject({ ok: false, error: { fields: { rejectionReason: 'Indiquez le motif de non-recevabilité : il est conservé.' } } });
    const rejected = await ok(
      api.situations.decideEligibility({
        id: s.id,
        answers: emergency,
        decision: 'rejected',
        decidedOn: '2026-03-03',
        rejectionReason: 'Situation d’urgence : orientée vers les urgences psychiatriques.',
      }),
    );
    expect(rejected).toMatchObject({
      state: 'rejected',
      eligibility: {
        decidedOn: '2026-03-03',
        rejectionReason: 'Situation d’urgence : orientée vers les urgences psychiatriques.',
        answers: emergency,
      },
    });
    expect(
      await api.situations.decideEligibility({
        id: s.id,
        answers: ELIGIBLE,
        decision: 'eligible',
        decidedOn: '2026-03-04',
        rejectionReason: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'SITUATION_DECIDED' } });
    expect(await api.consents.record(consentOf(s.id, referrer.id))).toMatchObject({ ok: false, error: { code: 'SITUATION_NOT_ELIGIBLE' } });
  });
});

describe('consent and the gates (G1, G2, G4)', () => {
  it('refuses to make a situation ready without consent, then allows it once consent is recorded with its scan', async () => {
    const { api, situation, referrer } = await eligibleSituation();
    const refused = await api.situations.advance({ id: situation.id, to: 'ready' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'GATE_REFUSED' } });
    expect(!refused.ok && codes(refused.error)).toEqual(['G1:NO_CONSENT']);
    const before = await ok(api.situations.get({ id: situation.id }));
    expect(before.preconditions.map((p) => p.met)).toEqual([true, false, null, null, null, null]);

    const withConsent = await ok(api.consents.record({ ...consentOf(situation.id, referrer.id), scan: SCANNED_PDF }));
    expect(withConsent.consents).toHaveLength(1);
    expect(withConsent.consents[0]).toMatchObject({
      status: 'in_force',
      reconfirmBy: '2027-03-10',
      scan: { mimeType: 'application/pdf' },
      collectedBy: { name: 'Anne Klein', structureName: 'CCAS de Woippy' },
    });
    expect(withConsent.preconditions.every((p) => p.met === true)).toBe(true);
    expect(await ok(api.situations.advance({ id: situation.id, to: 'ready' }))).toMatchObject({ state: 'ready' });
    const scan = await ok(api.consents.viewScan({ consentId: withConsent.consents[0]!.id }));
    expect(scan).toMatchObject({
      fileName: `consentement-S-2026-001-${withConsent.consents[0]!.id}.pdf`,
      mimeType: 'application/pdf',
      base64: SCANNED_PDF,
    });
  });

  it('G1: a consent dated after the meeting day, incomplete information, past its re-confirmation date', async () => {
    const { api, situation, referrer, clock } = await eligibleSituation();
    await ok(
      api.consents.record(
        consentOf(situation.id, referrer.id, {
          information: { dataCategories: true, professionals: false, supports: true, security: false },
        }),
      ),
    );
    const gate = (day: string) => ok(api.situations.gates({ id: situation.id, use: 'schedule', day }));
    expect((await gate('2026-03-09')).reasons.map((r) => r.code)).toEqual(['CONSENT_AFTER_DAY', 'CONSENT_INFORMATION_MISSING']);
    expect((await gate('2026-03-10')).reasons.map((r) => r.code)).toEqual(['CONSENT_INFORMATION_MISSING']);

    // A new record supersedes the previous one; the history stays.
    const renewed = await ok(api.consents.record(consentOf(situation.id, referrer.id, { collectedOn: '2026-03-12' })));
    expect(renewed.consents.map((c) => c.status)).toEqual(['in_force', 'superseded']);
    expect(await gate('2026-06-04')).toEqual({ allowed: true, reasons: [] });
    expect((await gate('2027-03-13')).reasons.map((r) => r.code)).toEqual(['CONSENT_RECONFIRMATION_DUE']);
    expect(await api.consents.record(consentOf(situation.id, referrer.id, { collectedOn: '2026-03-11' }))).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_BEFORE_PREVIOUS' },
    });
    clock.advance(370 * DAY_MS);
    const dash = await ok(api.situations.dashboard({}));
    expect(dash.reconfirmationDue.map((s) => [s.code, s.reconfirmBy])).toEqual([['S-2026-001', '2027-03-12']]);
    expect(await api.situations.advance({ id: situation.id, to: 'ready' })).toMatchObject({
      ok: false,
      error: { reasons: [{ gate: 'G1', code: 'CONSENT_RECONFIRMATION_DUE' }] },
    });
  });

  it('G2: under tutelle the representative agrees; under curatelle the curator assists; missing → blocked', async () => {
    const { api, situation, referrer } = await eligibleSituation();
    const gateCodes = async () =>
      (await ok(api.situations.gates({ id: situation.id, use: 'open' }))).reasons.map((r) => `${r.gate}:${r.code}`);
    await ok(
      api.consents.record(
        consentOf(situation.id, referrer.id, {
          legalProtection: 'tutelle',
          representative: 'ATMP de Moselle',
          representativeAgreement: false,
        }),
      ),
    );
    expect(await gateCodes()).toEqual(['G2:REPRESENTATIVE_AGREEMENT_MISSING']);
    await ok(
      api.consents.record(
        consentOf(situation.id, referrer.id, { collectedOn: '2026-03-11', legalProtection: 'curatelle_renforcee', representative: '' }),
      ),
    );
    expect(await gateCodes()).toEqual(['G2:CURATOR_ASSISTANCE_MISSING']);
    await ok(
      api.consents.record(
        consentOf(situation.id, referrer.id, {
          collectedOn: '2026-03-12',
          legalProtection: 'curatelle_simple',
          representative: 'UDAF de la Moselle',
          representativeAgreement: true,
        }),
      ),
    );
    expect(await gateCodes()).toEqual([]);
  });

  it('G4 again at the gate: a referring structure that is deactivated blocks the situation', async () => {
    const { api, situation, referrer, signed } = await eligibleSituation();
    await ok(api.consents.record(consentOf(situation.id, referrer.id)));
    await ok(api.partners.setStructureActive({ id: signed.id, active: false }));
    expect((await ok(api.situations.gates({ id: situation.id, use: 'print' }))).reasons.map((r) => `${r.gate}:${r.code}`)).toEqual([
      'G4:STRUCTURE_INACTIVE',
    ]);
  });

  it('G7: withdrawal closes the situation at once, every gate then refuses it, nothing more can be written', async () => {
    const { api, situation, referrer } = await eligibleSituation();
    expect(await api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-03-15', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'CONSENT_NONE' },
    });
    const recorded = await ok(api.consents.record(consentOf(situation.id, referrer.id)));
    await ok(api.situations.advance({ id: situation.id, to: 'ready' }));
    expect(await api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-03-09', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'WITHDRAWAL_BEFORE_CONSENT' },
    });
    const closed = await ok(api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-03-15', note: 'Par téléphone' }));
    expect(closed).toMatchObject({ state: 'closed', closureReason: 'consent_withdrawn', closedOn: '2026-03-15', moves: [] });
    expect(closed.consents[0]).toMatchObject({ id: recorded.consents[0]!.id, status: 'withdrawn', withdrawnOn: '2026-03-15' });
    for (const use of ['schedule', 'open', 'print', 'export'] as const) {
      const answer = await ok(api.situations.gates({ id: situation.id, use, day: '2026-06-04' }));
      expect(answer.allowed).toBe(false);
      expect(answer.reasons.map((r) => r.code)).toContain('CONSENT_WITHDRAWN');
    }
    expect(await api.situations.referralForm({ id: situation.id })).toMatchObject({ ok: false, error: { code: 'GATE_REFUSED' } });
    expect(await api.consents.record(consentOf(situation.id, referrer.id, { collectedOn: '2026-03-16' }))).toMatchObject({
      ok: false,
      error: { code: 'SITUATION_CLOSED' },
    });
    expect(await api.situations.advance({ id: situation.id, to: 'ready' })).toMatchObject({
      ok: false,
      error: { code: 'SITUATION_CLOSED' },
    });
    expect(await api.consents.withdraw({ situationId: situation.id, withdrawnOn: '2026-03-16', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'SITUATION_CLOSED' },
    });
    const history = await ok(api.situations.history({ id: situation.id }));
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining(['Retrait du consentement', 'Changement d’état d’une situation', 'Enregistrement d’un consentement']),
    );
    expect(history.find((h) => h.detailLabel.includes('à « Clôturée »'))?.detailLabel).toBe(
      'situation S-2026-001, de « Prête à être examinée », à « Clôturée »',
    );
  });

  it('closes with a reason, enforces the lifecycle, and keeps the scan as attached', async () => {
    const { api, situation, referrer } = await eligibleSituation();
    expect(await api.situations.close({ id: situation.id, reason: 'other', closedOn: '2026-03-15', note: '' })).toMatchObject({
      ok: false,
      error: { fields: { note: 'Précisez le motif de clôture.' } },
    });
    const recorded = await ok(api.consents.record(consentOf(situation.id, referrer.id)));
    const consentId = recorded.consents[0]!.id;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    expect(await api.consents.attachScan({ consentId, base64: Buffer.from('PK\u0003\u0004 docx').toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'SCAN_TYPE' },
    });
    expect((await ok(api.consents.attachScan({ consentId, base64: png }))).consents[0]!.scan).toMatchObject({
      mimeType: 'image/png',
      size: 11,
    });
    expect(await api.consents.attachScan({ consentId, base64: png })).toMatchObject({ ok: false, error: { code: 'SCAN_EXISTS' } });
    expect(await ok(api.consents.exportScan({ consentId }))).toMatchObject({
      mimeType: 'image/png',
      fileName: `consentement-S-2026-001-${consentId}.png`,
    });
    const closed = await ok(api.situations.close({ id: situation.id, reason: 'common_law', closedOn: '2026-03-18', note: '' }));
    expect(closed).toMatchObject({ state: 'closed', closureReason: 'common_law' });
    expect(await api.situations.close({ id: situation.id, reason: 'resolved', closedOn: '2026-03-19', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'SITUATION_CLOSED' },
    });
  });
});
