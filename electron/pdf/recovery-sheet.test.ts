import { describe, expect, it } from 'vitest';
import { generateRecoveryKey } from '../../db/crypto';
import { LETTERHEAD } from '../../tests/fixtures/people';
import { pdfFonts, pdfInfo, pdfText } from '../../tests/helpers/pdf';
import { recoverySheetPdf } from './recovery-sheet';

describe('Fiche de récupération', () => {
  it('prints the recovery key, the establishment, the date and the instructions, in embedded fonts', async () => {
    const recoveryKey = generateRecoveryKey();
    const pdf = await recoverySheetPdf({
      letterhead: LETTERHEAD,
      recoveryKey,
      coordinatorLogin: 'f.marchal',
      createdAt: new Date('2026-03-02T09:00:00Z'),
    });
    const text = pdfText(pdf);
    expect(text).toContain('Fiche de récupération');
    expect(text).toContain(recoveryKey);
    expect(text).toContain('Centre hospitalier de Jury');
    expect(text).toContain('Date de création : 02/03/2026');
    expect(text).toContain('f.marchal');
    expect(text).toMatch(/coffre de l’établissement/);
    expect(text).toMatch(/page 1 \/ 1/);
    expect(pdfInfo(pdf)['Page size']).toMatch(/595\.\d+ x 841\.\d+ pts \(A4\)/);
    const fonts = pdfFonts(pdf);
    expect(fonts).toMatch(/Roboto/);
    expect(
      fonts
        .split('\n')
        .filter((l) => /Roboto/.test(l))
        .every((l) => /\byes\b/.test(l)),
    ).toBe(true);
  });
});
