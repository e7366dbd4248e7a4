import { describe, expect, it } from 'vitest';
import type { ConsentFacts } from '../gates/g1-consent';
import { preconditionsFor } from './preconditions';

const structure = { id: 2, name: 'CCAS de Woippy', active: true, conventionSignedOn: '2026-01-12' };
const consent: ConsentFacts = {
  id: 1,
  collectedOn: '2026-03-10',
  information: { dataCategories: true, professionals: true, supports: true, security: true },
  withdrawnOn: null,
  reconfirmBy: null,
  legalProtection: 'none',
  representative: null,
  representativeAgreement: false,
};
const facts = (c: ConsentFacts | null, signed = true) => ({
  consent: { situation: { id: 7, code: 'S-2026-007' }, consent: c, day: '2026-06-04' },
  convention: { structure: { ...structure, conventionSignedOn: signed ? structure.conventionSignedOn : null } },
});
const ticks = (c: ConsentFacts | null, signed = true) => preconditionsFor(facts(c, signed)).map((p) => `${p.gate}:${String(p.met)}`);

describe('the checklist « Conditions préalables »', () => {
  it('ticks every condition of a usable situation', () => {
    expect(ticks(consent)).toEqual(['G4:true', 'G1:true', 'G1:true', 'G1:true', 'G1:true', 'G2:true']);
  });

  it('leaves the consent’s conditions to check while no consent is recorded', () => {
    expect(ticks(null, false)).toEqual(['G4:false', 'G1:false', 'G1:null', 'G1:null', 'G1:null', 'G2:null']);
  });

  it('puts each failing reason under its own condition', () => {
    const list = preconditionsFor(facts({ ...consent, withdrawnOn: '2026-04-01', legalProtection: 'tutelle' }));
    expect(list.map((p) => p.reasons.map((r) => r.code))).toEqual([
      [],
      [],
      [],
      ['CONSENT_WITHDRAWN'],
      [],
      ['REPRESENTATIVE_AGREEMENT_MISSING'],
    ]);
  });
});
