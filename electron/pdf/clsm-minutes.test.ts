import { describe, expect, it } from 'vitest';
import { LETTERHEAD } from '../../tests/fixtures/people';
import { pdfText } from '../../tests/helpers/pdf';
import { clsmMinutesWithPlan, ClsmMinutesInput, pageCount } from './clsm-minutes';
import { richText } from './rich-text';

const paragraph =
  'Les partenaires du logement, du soin et de l’action sociale présentent le travail de l’année et les perspectives ; chacun rappelle les difficultés rencontrées et les leviers identifiés. ';

function minutes(pointText: string): ClsmMinutesInput {
  return {
    letterhead: LETTERHEAD,
    meeting: {
      kind: 'assemblee_pleniere',
      heldOn: '2026-11-19',
      startsAt: '14:00',
      endsAt: '16:30',
      place: 'Cloître des Récollets, Metz',
      subject: '',
    },
    points: [
      { position: 1, title: 'Bilan et perspectives des actions', presenter: 'Les pilotes', text: pointText },
      { position: 2, title: 'Nouvelles thématiques', presenter: '', text: '' },
    ],
    attendance: { present: 12, represented: 1, excused: 2, absent: 0 },
    nextMeeting: '',
    intro: '',
    opening: '',
    closing: '',
    discussed: '',
    reviews: [],
    attachedDocuments: [],
    draft: false,
  };
}

describe('the minutes of a CLSM meeting', () => {
  it('open on a reading plan, with page numbers, once they run over a few pages — not before', async () => {
    const long = Array.from(
      { length: 6 },
      (_, i) => `# Thème ${i + 1}\n${paragraph.repeat(12)}\n\n## Perspectives du thème ${i + 1}\n${paragraph.repeat(4)}`,
    ).join('\n\n');
    const pdf = await clsmMinutesWithPlan(minutes(long));
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(4);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toMatch(/Plan de lecture .*2\.1\. THÈME 1 \d+ .*2\.1\.1\. Perspectives du thème 1 \d+ .*2\.6\. THÈME 6 \d+/);
    expect(text.indexOf('Plan de lecture')).toBeLessThan(text.indexOf('DÉROULÉ DE LA RÉUNION'));

    const short = pdfText(await clsmMinutesWithPlan(minutes('# Thème\nUn paragraphe.')));
    expect(short).not.toContain('Plan de lecture');
    expect(short.replace(/\s+/g, ' ')).toContain('13 présents ou représentés, 2 excusés.');
  });
});

describe('a text typed in the app, printed with its structure', () => {
  it('numbers its titles under the section, keeps lists, tables and emphasis, and never reads HTML', () => {
    const { content, headings } = richText(
      '# La coordination\nTexte **gras** et *italique* <b>brut</b>.\n\n## La communication\n- un\n- deux\n\n# Le réseau\n| A | B |\n| --- | --- |\n| 1 | 2 |',
      '3',
    );
    expect(headings).toEqual([
      { number: '3.1', title: 'La coordination', level: 1 },
      { number: '3.1.1', title: 'La communication', level: 2 },
      { number: '3.2', title: 'Le réseau', level: 1 },
    ]);
    const json = JSON.stringify(content);
    expect(json).toContain('"3.1. LA COORDINATION"');
    expect(json).toContain('{"text":"gras","bold":true}');
    expect(json).toContain('{"text":"italique","italics":true}');
    expect(json).toContain('"<b>"');
    expect(json).toContain('"ul":[{"text":["un"]},{"text":["deux"]}]');
    expect(json).toContain('"table"');
    // Outside the numbered sections (an introduction), titles carry no number and stay out of the plan.
    const intro = richText('# Restitution du comité de pilotage\nSynthèse.', null);
    expect(JSON.stringify(intro.content)).toContain('"RESTITUTION DU COMITÉ DE PILOTAGE"');
    expect(JSON.stringify(intro.content)).toContain('"tocItem":false');
  });
});
