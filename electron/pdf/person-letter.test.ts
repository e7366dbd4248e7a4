import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LETTERHEAD } from '../../tests/fixtures/people';
import { pdfInfo, pdfText } from '../../tests/helpers/pdf';
import { tempDir } from '../../tests/helpers/vault';
import { ENVELOPE_WINDOW, personLetterPdf, PersonLetterInput } from './person-letter';

const letter = (overrides: Partial<PersonLetterInput> = {}): PersonLetterInput => ({
  letterhead: LETTERHEAD,
  code: 'S-2026-004',
  person: { civility: 'madame', firstName: 'Hélène', lastName: 'Marchetti', address: '8 rue Saint-Bernard\n57950 Montigny-lès-Metz' },
  representative: { name: 'UDAF de la Moselle, service des majeurs protégés', address: '1 rue du Cambout\n57000 Metz' },
  meeting: { heldOn: '2026-03-12' },
  proposals: [
    {
      wording: 'Vous accompagner au CMP pour un premier rendez-vous',
      who: 'Émilie Lorrain (CCAS de Montigny-lès-Metz)',
      phone: '03 87 55 00 00',
      dueOn: '2026-04-02',
    },
    { wording: 'Constituer le dossier FSL avec vous', who: 'CCAS de Metz', phone: '', dueOn: '2026-04-16' },
  ],
  proposalsText: '',
  referrer: { name: 'Émilie Lorrain', structureName: 'CCAS de Montigny-lès-Metz', phone: '03 87 55 00 00' },
  signatory: { name: 'Françoise Hœrner', civility: 'madame' },
  writtenOn: '2026-03-15',
  ...overrides,
});

/** The text inside the envelope's window on page `page`, as poppler reads that area only. */
function windowText(pdf: Buffer, page: number): string {
  const file = join(tempDir(), 'letter.pdf');
  writeFileSync(file, pdf);
  const w = ENVELOPE_WINDOW;
  const area = ['-x', w.x, '-y', w.y, '-W', w.width, '-H', w.height].map((v) => String(typeof v === 'number' ? Math.round(v) : v));
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-r', '72', ...area, '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
  });
}

describe('the letter to the person', () => {
  it('fits two proposals on one page, the person in the window, the representative’s copy addressed to them', async () => {
    const pdf = await personLetterPdf(letter());
    expect(pdfInfo(pdf).Pages).toBe('2');
    expect(windowText(pdf, 1)).toMatch(/Madame Hélène Marchetti\s+8 rue Saint-Bernard\s+57950 Montigny-lès-Metz/);
    expect(windowText(pdf, 2)).toMatch(/UDAF de la Moselle, service des majeurs protégés\s+1 rue du Cambout\s+57000 Metz/);
    // A line may break after the hyphen of « Montigny-lès-Metz »: joined again for the checks.
    const text = pdfText(pdf).replace(/\s+/g, ' ').replace(/- /g, '-');
    const [first, copy] = text.split('page 1 / 2');
    expect(first).toContain('Madame,');
    expect(first).toContain(
      'Vous accompagner au CMP pour un premier rendez-vous — Émilie Lorrain (CCAS de Montigny-lès-Metz) (tél. 03 87 55 00 00)',
    );
    expect(first).toContain('Constituer le dossier FSL avec vous — CCAS de Metz vous contactera d’ici le 16/04/2026.');
    expect(first).toContain('Fait à Metz, le 15/03/2026.');
    expect(first).toContain('coordinatrice du Conseil local de santé mentale');
    expect(first).toContain('Copie : UDAF de la Moselle, service des majeurs protégés, représentant légal.');
    expect(copy).toContain('Copie du courrier adressé à Madame Hélène Marchetti');
    expect(copy).toContain('Madame, Monsieur,');
    expect(text).not.toContain('(e)');
  });

  it('agrees with « Monsieur » and needs no agreement without a civility', async () => {
    const monsieur = pdfText(await personLetterPdf(letter({ representative: null, person: { ...letter().person, civility: 'monsieur' } })));
    expect(monsieur).toContain('Monsieur,');
    const neutral = pdfText(
      await personLetterPdf(
        letter({
          representative: null,
          signatory: { name: 'Claude Weber', civility: 'unspecified' },
          person: { ...letter().person, civility: 'unspecified' },
        }),
      ),
    ).replace(/\s+/g, ' ');
    expect(neutral).toContain('Madame, Monsieur,');
    expect(neutral).toContain('en charge de la coordination du Conseil local de santé mentale');
  });
});
