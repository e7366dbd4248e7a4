import { describe, expect, it } from 'vitest';
import { ConsentFacts, consentGate, reconfirmationDay, representativeGate } from './g1-consent';
import type { GateReason } from '../../shared/gate-reason';

const codes = (reasons: GateReason[]) => reasons.map((r) => `${r.gate}:${r.code}`);
const situation = { id: 7, code: 'S-2026-007' };
const informed = { dataCategories: true, professionals: true, supports: true, security: true };
const consent = (overrides: Partial<ConsentFacts> = {}): ConsentFacts => ({
  id: 3,
  collectedOn: '2026-03-10',
  information: informed,
  withdrawnOn: null,
  reconfirmBy: '2027-03-10',
  legalProtection: 'none',
  representative: null,
  representativeAgreement: false,
  ...overrides,
});
const g1 = (c: ConsentFacts | null, day = '2026-06-04') => codes(consentGate({ situation, consent: c, day }));
const g2 = (c: ConsentFacts) => codes(representativeGate({ situation, consent: c, day: '2026-06-04' }));

describe('G1 — consent before anything', () => {
  it('lets through a complete consent dated on or before the day, until its re-confirmation date', () => {
    expect(g1(consent())).toEqual([]);
    expect(g1(consent(), '2026-03-10')).toEqual([]);
    expect(g1(consent(), '2027-03-10')).toEqual([]);
    expect(g1(consent({ reconfirmBy: null }), '2036-01-01')).toEqual([]);
  });

  it('refuses with one code per failing condition', () => {
    expect(g1(null)).toEqual(['G1:NO_CONSENT']);
    expect(g1(consent(), '2026-03-09')).toEqual(['G1:CONSENT_AFTER_DAY']);
    expect(g1(consent(), '2027-03-11')).toEqual(['G1:CONSENT_RECONFIRMATION_DUE']);
    expect(g1(consent({ withdrawnOn: '2026-04-01' }))).toEqual(['G1:CONSENT_WITHDRAWN']);
    expect(g1(consent({ information: { ...informed, security: false } }))).toEqual(['G1:CONSENT_INFORMATION_MISSING']);
    expect(g1(consent({ withdrawnOn: '2026-04-01', information: { ...informed, supports: false } }), '2026-03-01')).toEqual([
      'G1:CONSENT_WITHDRAWN',
      'G1:CONSENT_AFTER_DAY',
      'G1:CONSENT_INFORMATION_MISSING',
    ]);
  });

  it('says each reason in plain French, with the code and never a name', () => {
    const messages = consentGate({
      situation,
      consent: consent({ withdrawnOn: '2026-04-01', information: { ...informed, professionals: false, security: false } }),
      day: '2026-03-01',
    }).map((r) => r.message);
    expect(messages).toEqual([
      'La personne a retiré son consentement le 01/04/2026 : la situation S-2026-007 ne peut plus être présentée.',
      'Le consentement est daté du 10/03/2026, après le 01/03/2026 : il doit être recueilli avant.',
      'La personne n’a pas reçu toute l’information requise ; manque : les catégories de professionnels qui en auront connaissance ; les mesures de sécurité et de confidentialité.',
    ]);
    expect(consentGate({ situation, consent: null, day: '2026-03-01' })[0]).toMatchObject({
      subject: { type: 'situation', id: 7 },
      message: 'Aucun consentement de la personne n’est enregistré pour la situation S-2026-007.',
    });
  });
});

describe('G2 — legal representative', () => {
  it('asks nothing more without a measure or under sauvegarde de justice', () => {
    expect(g2(consent())).toEqual([]);
    expect(g2(consent({ legalProtection: 'sauvegarde' }))).toEqual([]);
  });

  it('has nothing to add without a consent (G1 refuses first)', () => {
    expect(representativeGate({ situation, consent: null, day: '2026-06-04' })).toEqual([]);
  });

  it('under tutelle or habilitation familiale: the representative’s agreement, named', () => {
    expect(g2(consent({ legalProtection: 'tutelle' }))).toEqual(['G2:REPRESENTATIVE_AGREEMENT_MISSING']);
    expect(representativeGate({ situation, consent: consent({ legalProtection: 'tutelle' }), day: '2026-06-04' })[0]!.message).toContain(
      'La personne est sous tutelle',
    );
    expect(g2(consent({ legalProtection: 'tutelle', representativeAgreement: true }))).toEqual(['G2:REPRESENTATIVE_AGREEMENT_MISSING']);
    expect(g2(consent({ legalProtection: 'habilitation_familiale', representative: 'Paul Hœrner' }))).toEqual([
      'G2:REPRESENTATIVE_AGREEMENT_MISSING',
    ]);
    expect(g2(consent({ legalProtection: 'tutelle', representative: 'ATMP de Moselle', representativeAgreement: true }))).toEqual([]);
  });

  it('under curatelle: the person consents, assisted by the curator', () => {
    expect(g2(consent({ legalProtection: 'curatelle_simple' }))).toEqual(['G2:CURATOR_ASSISTANCE_MISSING']);
    expect(
      g2(consent({ legalProtection: 'curatelle_renforcee', representative: 'UDAF de la Moselle', representativeAgreement: true })),
    ).toEqual([]);
  });
});

describe('the re-confirmation day in force (G1)', () => {
  it('is the recorded day, or sooner when the validity set today is shorter', () => {
    expect(reconfirmationDay('2026-03-10', '2027-03-10', 12)).toBe('2027-03-10');
    expect(reconfirmationDay('2026-03-10', '2027-03-10', 6)).toBe('2026-09-10'); // shortened: at once
    expect(reconfirmationDay('2026-03-10', '2027-03-10', 24)).toBe('2027-03-10'); // lengthened: new consents only
    expect(reconfirmationDay('2026-03-10', '2027-03-10', null)).toBe('2027-03-10'); // « never »: new consents only
    expect(reconfirmationDay('2026-03-10', null, 6)).toBe('2026-09-10'); // recorded without a limit, one set since
    expect(reconfirmationDay('2026-03-10', null, null)).toBeNull();
    expect(reconfirmationDay('2026-01-31', null, 1)).toBe('2026-02-28');
  });
});
