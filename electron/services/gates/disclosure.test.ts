import { describe, expect, it } from 'vitest';
import type { SituationGateFacts } from '../situations/gates';
import { DisclosureFacts, disclosureGate, DisclosureUse } from './disclosure';
import type { GateReason } from '../../shared/gate-reason';

const codes = (reasons: GateReason[]) => reasons.map((r) => `${r.gate}:${r.code}`);
const INFORMED = { dataCategories: true, professionals: true, supports: true, security: true };

function situation(
  overrides: { withdrawnOn?: string | null; reconfirmBy?: string | null; erased?: boolean; conventionSignedOn?: string | null } = {},
): SituationGateFacts {
  return {
    consent: {
      situation: { id: 7, code: 'S-2026-007' },
      day: '2026-06-01',
      consent: {
        id: 1,
        collectedOn: '2026-03-10',
        information: INFORMED,
        withdrawnOn: overrides.withdrawnOn ?? null,
        reconfirmBy: overrides.reconfirmBy ?? '2027-03-10',
        legalProtection: 'none',
        representative: null,
        representativeAgreement: false,
      },
    },
    convention: {
      structure: {
        id: 1,
        name: 'CCAS de Woippy',
        active: true,
        conventionSignedOn: overrides.conventionSignedOn === undefined ? '2026-01-12' : overrides.conventionSignedOn,
      },
    },
    erased: overrides.erased ?? false,
  };
}

const member = {
  memberId: 12,
  displayName: 'Karim Benali',
  category: 'personnel_bailleur' as const,
  structureId: 30,
  structureName: 'Vivest',
};
const charter = (signedVersions: number[], active = true) => ({
  member: { id: 12, displayName: 'Karim Benali', active, signedVersions },
  currentVersion: 2,
});
const scope = (over: { excluded?: number[]; allowed?: string[]; leftRoom?: boolean } = {}) => ({
  member,
  consent: { allowedCategories: (over.allowed ?? ['personnel_bailleur']) as never, excludedStructureIds: over.excluded ?? [] },
  leftRoom: over.leftRoom ?? false,
});

const facts = (use: DisclosureUse, over: Partial<DisclosureFacts> = {}): DisclosureFacts => ({
  use,
  situation: situation(),
  charter: null,
  scope: null,
  structure: null,
  ...over,
});

describe('the disclosure gate', () => {
  it('lets a situation in order go to a member under the charter and within the consent', () => {
    expect(disclosureGate(facts('extract', { charter: charter([1, 2]), scope: scope() }))).toEqual([]);
  });

  it('refuses a member outside the charter, even for nothing in particular', () => {
    expect(codes(disclosureGate(facts('extract', { situation: null, charter: charter([1]) })))).toEqual([
      'G3:CHARTER_NEW_VERSION_NOT_SIGNED',
    ]);
    expect(codes(disclosureGate(facts('convocation', { situation: null, charter: charter([2], false) })))).toEqual(['G3:MEMBER_INACTIVE']);
  });

  it('refuses a member whose structure was excluded, whose category was not allowed, or who left the room', () => {
    const excluded = disclosureGate(facts('extract', { charter: charter([2]), scope: scope({ excluded: [30] }) }));
    expect(codes(excluded)).toEqual(['G5:STRUCTURE_EXCLUDED']);
    expect(excluded[0]!.message).toContain('pour le point S-2026-007');
    expect(codes(disclosureGate(facts('extract', { charter: charter([2]), scope: scope({ allowed: ['travailleur_social'] }) })))).toEqual([
      'G5:CATEGORY_NOT_ALLOWED',
    ]);
    const left = disclosureGate(facts('extract', { charter: charter([2]), scope: scope({ leftRoom: true }) }));
    expect(codes(left)).toEqual(['G5:MEMBER_LEFT_ROOM']);
    expect(left[0]!.subject).toEqual({ type: 'member', id: 12 });
  });

  it('refuses a structure the person excluded', () => {
    const structure = { id: 30, name: 'Vivest', excluded: true };
    const refused = disclosureGate(facts('action', { structure }));
    expect(codes(refused)).toEqual(['G5:STRUCTURE_EXCLUDED']);
    expect(refused[0]!.subject).toEqual({ type: 'structure', id: 30 });
    expect(refused[0]!.message).toContain('S-2026-007');
    expect(disclosureGate(facts('action', { structure: { ...structure, excluded: false } }))).toEqual([]);
  });

  it('holds G1 on the day (withdrawal, re-confirmation) and G4 for every use that shares the case', () => {
    for (const use of ['agenda', 'convocation', 'sign_in_sheet', 'extract', 'letter', 'referral_form', 'minutes', 'action'] as const) {
      expect(codes(disclosureGate(facts(use, { situation: situation({ withdrawnOn: '2026-05-01' }) }))), use).toEqual([
        'G1:CONSENT_WITHDRAWN',
      ]);
      expect(codes(disclosureGate(facts(use, { situation: situation({ reconfirmBy: '2026-05-01' }) }))), use).toEqual([
        'G1:CONSENT_RECONFIRMATION_DUE',
      ]);
      expect(codes(disclosureGate(facts(use, { situation: situation({ conventionSignedOn: null }) }))), use).toEqual([
        'G4:CONVENTION_NOT_SIGNED',
      ]);
    }
  });

  it('asks only G9 of the documents that ask for consent or answer the right of access', () => {
    for (const use of ['information_note', 'consent_form', 'access_report'] as const) {
      expect(disclosureGate(facts(use, { situation: situation({ withdrawnOn: '2026-05-01' }) })), use).toEqual([]);
      expect(codes(disclosureGate(facts(use, { situation: situation({ erased: true }) }))), use).toEqual(['G9:DATA_ERASED']);
    }
  });

  it('gives nothing of an erased situation to anyone', () => {
    expect(disclosureGate(facts('letter', { situation: situation({ erased: true }) }))[0]!.subject).toEqual({ type: 'situation', id: 7 });
    expect(
      codes(
        disclosureGate(
          facts('extract', { situation: situation({ erased: true }), charter: charter([2]), scope: scope({ excluded: [30] }) }),
        ),
      ),
    ).toEqual(['G9:DATA_ERASED']);
  });
});
