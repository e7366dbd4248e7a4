import { describe, expect, it } from 'vitest';
import { CHARTER_V1_DRAFT } from '../../db/migrations/002_partners_charter';
import { LETTERHEAD } from '../../tests/fixtures/people';
import { pdfText } from '../../tests/helpers/pdf';
import { charterPdf, commitmentPdf } from './charter';

const flat = (text: string) => text.replace(/-\n\s*/g, '-').replace(/\s+/g, ' ');

describe('charter PDFs', () => {
  it('prints the adopted charter with its version, date and every article', async () => {
    const text = flat(pdfText(await charterPdf({ letterhead: LETTERHEAD, version: 2, text: CHARTER_V1_DRAFT, adoptedOn: '2026-03-10' })));
    expect(text).toContain('Version 2 — adoptée le 10/03/2026');
    expect(text).toContain('Charte éthique et déontologique de la Commission');
    for (const article of [
      'Article 1 — La personne reste maître de ses décisions',
      'Article 3 — Secret professionnel et secret partagé',
      'Article 7 — Durée des engagements',
    ]) {
      expect(text).toContain(article);
    }
    expect(text).toMatch(/page 1 \/ \d/);
  });

  it('marks a draft as not adopted', async () => {
    const text = flat(
      pdfText(await charterPdf({ letterhead: LETTERHEAD, version: 3, text: 'Titre\nArticle 1 — Essai\nTexte.', adoptedOn: null })),
    );
    expect(text).toContain('Version 3 — projet non adopté');
  });

  it('prefills the commitment with the member’s name, function and structure, accents intact', async () => {
    const text = flat(
      pdfText(
        await commitmentPdf({
          letterhead: LETTERHEAD,
          member: {
            civility: 'monsieur',
            displayName: 'Stéphane Kieffer',
            function: 'Conseiller en économie sociale et familiale',
            structureName: 'CCAS de Montigny-lès-Metz',
          },
          version: 2,
          adoptedOn: '2026-03-10',
        }),
      ),
    );
    expect(text).toContain('Acte d’engagement');
    expect(text).toContain('Je soussigné Stéphane Kieffer, Conseiller en économie sociale et familiale, CCAS de Montigny-lès-Metz,');
    expect(text).toContain('version 2 — adoptée le 10/03/2026');
    expect(text).toContain('y compris après la fin de ma participation');
    expect(text).toContain('Signature :');
  });

  it('agrees the commitment with the member’s civility, and needs no agreement without one', async () => {
    const commitment = async (civility: 'madame' | 'unspecified') =>
      flat(
        pdfText(
          await commitmentPdf({
            letterhead: LETTERHEAD,
            member: { civility, displayName: 'Ève Durand', function: 'Infirmière', structureName: 'CMP de Metz-Queuleu' },
            version: 2,
            adoptedOn: '2026-03-10',
          }),
        ),
      );
    expect(await commitment('madame')).toContain('Je soussignée Ève Durand, Infirmière, CMP de Metz-Queuleu,');
    const neutral = await commitment('unspecified');
    expect(neutral).toContain('Je, Ève Durand, Infirmière');
    expect(neutral).not.toContain('(e)');
  });
});
