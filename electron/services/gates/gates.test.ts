import { describe, expect, it } from 'vitest';
import { charterGate } from './g3-charter';
import { conventionGate } from './g4-convention';
import type { GateReason } from '../../shared/gate-reason';

const claire = (signedVersions: number[], active = true) => ({ id: 12, displayName: 'Claire Lambert', active, signedVersions });
const codes = (reasons: GateReason[]) => reasons.map((r) => `${r.gate}:${r.code}`);

describe('G3 — charter before presence', () => {
  it('lets through a member who signed the version in force', () => {
    expect(charterGate({ member: claire([1]), currentVersion: 1 })).toEqual([]);
    expect(charterGate({ member: claire([1, 2]), currentVersion: 2 })).toEqual([]);
  });

  it('asks for a new signature when a new version is adopted', () => {
    expect(codes(charterGate({ member: claire([1]), currentVersion: 2 }))).toEqual(['G3:CHARTER_NEW_VERSION_NOT_SIGNED']);
    // The message names the latest version signed.
    expect(charterGate({ member: claire([1, 2]), currentVersion: 3 })[0]!.message).toContain('a signé la version 2 de la charte');
  });

  it('refuses a member who never signed, an inactive member, and any member when no charter is adopted', () => {
    expect(codes(charterGate({ member: claire([]), currentVersion: 1 }))).toEqual(['G3:CHARTER_NOT_SIGNED']);
    expect(codes(charterGate({ member: claire([1], false), currentVersion: 1 }))).toEqual(['G3:MEMBER_INACTIVE']);
    expect(codes(charterGate({ member: claire([]), currentVersion: null }))).toEqual(['G3:NO_CHARTER_ADOPTED']);
    expect(codes(charterGate({ member: claire([], false), currentVersion: null }))).toEqual([
      'G3:MEMBER_INACTIVE',
      'G3:NO_CHARTER_ADOPTED',
    ]);
  });

  it('names its subject by id, for the audit trail', () => {
    expect(charterGate({ member: claire([]), currentVersion: 1 })[0]!.subject).toEqual({ type: 'member', id: 12 });
  });
});

describe('G4 — convention', () => {
  it('lets through an active signatory structure', () => {
    expect(
      conventionGate({ structure: { id: 3, name: 'Metz Habitat Territoire', active: true, conventionSignedOn: '2026-01-15' } }),
    ).toEqual([]);
  });

  it('gives every failing reason', () => {
    expect(codes(conventionGate({ structure: { id: 4, name: 'CCAS de Woippy', active: false, conventionSignedOn: null } }))).toEqual([
      'G4:STRUCTURE_INACTIVE',
      'G4:CONVENTION_NOT_SIGNED',
    ]);
  });
});

describe('the French wording of the reasons (pinned: it is what the coordinator reads)', () => {
  it('says each reason in plain French', () => {
    const messages = [
      ...charterGate({ member: claire([1]), currentVersion: 2 }),
      ...charterGate({ member: claire([]), currentVersion: 1 }),
      ...charterGate({ member: claire([], false), currentVersion: null }),
      ...conventionGate({ structure: { id: 4, name: 'CCAS de Woippy', active: false, conventionSignedOn: null } }),
    ].map((r) => r.message);
    expect(messages).toEqual([
      'Claire Lambert a signé la version 1 de la charte mais pas la version 2 en vigueur : une nouvelle signature est requise.',
      'Claire Lambert n’a pas signé la charte éthique et déontologique (version 1 en vigueur).',
      'Claire Lambert n’est plus membre actif de la Commission.',
      'Aucune charte éthique et déontologique n’est encore adoptée : adoptez-la avant de réunir la Commission.',
      'La structure « CCAS de Woippy » n’est plus active.',
      'La structure « CCAS de Woippy » n’a pas signé la convention de partenariat.',
    ]);
  });
});
