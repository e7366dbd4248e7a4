// A sample page under the current letterhead: what the settings page previews before a real
// document is printed. Fictitious content only.
import { renderPdf } from './engine';
import { Letterhead, madeAt } from './letterhead';
import { Day, formatDay } from '../shared/dates';

export function letterheadSamplePdf(letterhead: Letterhead, today: Day): Promise<Buffer> {
  return renderPdf({
    title: 'Exemple de page',
    letterhead,
    content: [
      { text: 'Exemple de page', style: 'title' },
      {
        text: 'Chaque document de la commission s’ouvre sur cet en-tête : convocations, comptes rendus, lettres aux personnes, attestations et rapport annuel.',
      },
      { text: madeAt(letterhead, formatDay(today)), margin: [0, 24, 0, 0] },
    ],
  });
}
