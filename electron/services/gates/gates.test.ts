import { describe, expect, it } from 'vitest';
import { charterGate } from './g3-charter';
import { conventionGate } from './g4-convention';

const claire = (signedVersions: number[], active = true) => ({ displayName: 'Claire Lambert', active, signedVersions });

describe('G3 — charter before presence', () => {
  it('lets through a member who signed the version in force', () => {
    expect(charterGate({ member: claire([1]), currentVersion: 1 })).toEqual([]);
    expect(charterGate({ member: claire([1, 2]), currentVersion: 2 })).toEqual([]);
  });

  it('asks for a new signature when a new version is adopted', () => {
    expect(charterGate({ member: claire([1]), currentVersion: 2 })).toEqual([
      'Claire Lambert a signé la version 1 de la charte mais pas la version 2 en vigueur : une nouvelle signature est requise.',
    ]);
  });

  it('refuses a member who never signed, an inactive member, and any member when no charter is adopted', () => {
    expect(charterGate({ member: claire([]), currentVersion: 1 })).toEqual([
      'Claire Lambert n’a pas signé la charte éthique et déontologique (version 1 en vigueur).',
    ]);
    expect(charterGate({ member: claire([1], false), currentVersion: 1 })).toEqual(['Claire Lambert n’est plus membre actif de la Commission.']);
    expect(charterGate({ member: claire([]), currentVersion: null })).toHaveLength(1);
    expect(charterGate({ member: claire([], false), currentVersion: null })).toHaveLength(2);
  });
});

describe('G4 — convention', () => {
  it('lets through an active signatory structure', () => {
    expect(conventionGate({ structure: { name: 'Metz Habitat Territoire', active: true, conventionSignedOn: '2026-01-15' } })).toEqual([]);
  });

  it('gives every failing reason in French', () => {
    expect(conventionGate({ structure: { name: 'CCAS de Woippy', active: false, conventionSignedOn: null } })).toEqual([
      'La structure « CCAS de Woippy » n’est plus active.',
      'La structure « CCAS de Woippy » n’a pas signé la convention de partenariat.',
    ]);
  });
});
