import { describe, expect, it } from 'vitest';
import { findFoldedPhrases, foldText } from './folded-words';

describe('folded whole-word search', () => {
  it('folds accents, case and ligatures', () => {
    expect(foldText('Hœrner Æsa Élodie')).toBe('hoerner aesa elodie');
  });

  it('names a text once even when two phrases find it, and ignores an empty phrase', () => {
    expect(findFoldedPhrases('Voir Jean-Jacques', ['jean-jacques', 'jean jacques'])).toEqual(['Jean-Jacques']);
    expect(findFoldedPhrases('Voir Jean-Jacques', ['', '  '])).toEqual([]);
    // An empty pattern would match between a separator and the end: it must be skipped, not reported.
    expect(findFoldedPhrases('Voir Jean-Jacques.', ['', '-'])).toEqual([]);
  });

  it('reads a phrase padded with separators as its words alone', () => {
    expect(findFoldedPhrases('Voir Jean.', [' Jean ', '-Jean-'])).toEqual(['Jean']);
  });
});
