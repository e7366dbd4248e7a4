import { describe, expect, it } from 'vitest';
import { fileSlug } from './documents';

describe('file names', () => {
  it('keeps names readable without accents or spaces', () => {
    expect(fileSlug('Stéphane Hœrner')).toBe('stephane-hoerner');
    expect(fileSlug('Françoise  Marchal-Lévêque')).toBe('francoise-marchal-leveque');
    expect(fileSlug('Dr Élodie Schmitt')).toBe('dr-elodie-schmitt');
  });
});
