import { describe, expect, it } from 'vitest';
import { line, text } from '../services/common/schema';
import { LETTERHEAD } from '../../tests/fixtures/people';
import { pdfText } from '../../tests/helpers/pdf';
import { renderPdf } from './engine';
import { undrawable, undrawableMessage } from './glyphs';

describe('what the documents’ font can draw (decision 020)', () => {
  it('draws French and neighbouring names: Œ, ß, ğ, accents, apostrophes, ellipsis, euro', async () => {
    const names = 'Œdipe Hœrner, Strauß, Yağmur Öztürk, Ève Lefèvre, N’Diaye… 12 €';
    expect(undrawable(names)).toEqual([]);
    const pdf = await renderPdf({ title: 'Essai', letterhead: LETTERHEAD, content: [{ text: names }] });
    expect(pdfText(pdf)).toContain(names);
  });

  it('finds an emoji and a pictogram, each once, in order', () => {
    expect(undrawable('Anne 😀 Klein ✓ 😀')).toEqual(['😀', '✓']);
    expect(undrawableMessage(['😀'])).toBe('Le caractère « 😀 » ne peut pas être imprimé dans les documents : retirez-le.');
    expect(undrawableMessage(['😀', '✓'])).toContain('Les caractères « 😀 », « ✓ »');
  });

  it('the input schemas refuse an emoji with the character shown, and keep what they can print', () => {
    const refused = line(100).safeParse('Claire 😀 Schmitt');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('« 😀 »');
    expect(text(500).safeParse('Ligne 1\nLigne 2 — ok').success).toBe(true);
    // The narrow no-break space of some keyboards becomes a no-break space; zero-width marks go.
    expect(text(100).parse('12\u202F€\u200B')).toBe('12\u00A0€');
    expect(line(100).parse('M.\u202FKlein')).toBe('M. Klein');
    // Decomposed accents (macOS) are composed before the font is asked.
    expect(line(100).parse('E\u0300ve')).toBe('Ève');
  });
});
