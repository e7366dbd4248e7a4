// The exports of the known year: the small-count rule in the CSV, the PDF and the Word document,
// the CSV read back by a CSV parser, the documents by their extracted text, and no name anywhere.
import { parse } from 'csv-parse/sync';
import { LETTERHEAD } from '../../../tests/fixtures/people';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import type { Db } from '../../../db/connection';
import { annualReportDocx } from '../../docx/annual-report';
import { annualReportPdf } from '../../pdf/annual-report';
import { seedEvaluationYear } from '../../../tests/fixtures/evaluation';
import { freshEncryptedDb } from '../../../tests/helpers/db';
import { docxPictureCount, docxText } from '../../../tests/helpers/docx';
import { pdfText } from '../../../tests/helpers/pdf';
import { indicatorsCsv } from './csv';
import { disclosedCount, disclosedValue, NOT_DISCLOSED, SMALL_COUNT } from './disclosure';
import { evaluationReport, EvaluationReport } from './indicators';
import { civilYear } from './period';
import { reportModel } from './report-model';

const NAMES = ['Klein', 'Weber', 'Schmitt', 'Hoffmann', 'Lucie Adam', 'Karim Benali', 'Hœrner', 'Trop court', 'S-2026-001', 'Woippy'];

let db: Db;
let report: EvaluationReport;
beforeAll(() => {
  db = freshEncryptedDb().db;
  migrate(db);
  seedEvaluationYear(db);
  report = evaluationReport(db, civilYear(2026));
});
afterAll(() => db.close());

// The documents write « < 3 » with a no-break space (one spelling, drawn the same on every page);
// pdftotext drops that space in right-aligned cells, so the extracted text is normalised here and
// the spelling itself is checked on the model the documents are drawn from.
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/<3\b/g, '< 3');
const activityCodes = () =>
  new Set(
    report.sections
      .flatMap((s) => s.indicators)
      .filter((i) => i.subject === 'activity')
      .map((i) => i.code),
  );

describe('the small-count rule', () => {
  it('writes 1 and 2 as « < 3 », keeps 0 and 3, and gives no derived figure resting on fewer than 3', () => {
    expect([0, 1, 2, 3, 12].map((n) => disclosedCount(n))).toEqual(['0', SMALL_COUNT, SMALL_COUNT, '3', '12']);
    expect(SMALL_COUNT).toBe('<\u00A03');
    // Meetings, structures, tools name no one: shown as they are.
    expect([0, 1, 2, 3].map((n) => disclosedCount(n, 'activity'))).toEqual(['0', '1', '2', '3']);
    expect(disclosedValue('percent', 50, 2, 'activity')).toBe('50 %');
    expect(disclosedValue('days', 101, 1)).toBe(NOT_DISCLOSED);
    expect(disclosedValue('days', 33, 3)).toBe('33 jours');
    expect(disclosedValue('score', 3.8, 6)).toBe('3,8');
    expect(disclosedValue('percent', 50, 2)).toBe(NOT_DISCLOSED);
    expect(disclosedValue('score', null, 0)).toBe('');
  });
});

describe('the CSV of the indicators', () => {
  it('opens in Excel as is and reads back line by line with the rule applied', () => {
    const csv = indicatorsCsv(report);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse<Record<string, string>>(csv.subarray(3).toString('utf8'), { delimiter: ';', columns: true });
    const period = 'Période du 01/01/2026 au 31/12/2026';
    const before = 'Période précédente du 01/01/2025 au 31/12/2025';
    const line = (code: string, detail = '') => records.find((r) => r.Code === code && r['Détail'] === detail)!;
    // Counts of meetings and of workshops are activity: 1 and 2 are written as they are.
    expect(line('comites_techniques')).toMatchObject({ Indicateur: 'Réunions du comité technique' });
    expect(line('comites_techniques')[period]).toMatch(/^[12]$/);
    expect(line('comites_techniques')[before]).toMatch(/^[12]$/);
    expect(line('ateliers_prevus')[period]).toBe('4');
    expect(line('ateliers_prevus')[before]).toMatch(/^[12]$/);
    // Counts of persons keep the rule.
    expect(line('presences')).toMatchObject({ [period]: '5', [before]: SMALL_COUNT, Source: 'Tableau de suivi' });
    expect(line('participants', 'Autre')).toMatchObject({ [period]: SMALL_COUNT, [before]: '0' });
    expect(line('participants')).toMatchObject({ [period]: '7' });
    expect(line('satisfaction')).toMatchObject({ [period]: '3,8', [before]: '', Source: 'Questionnaire' });
    expect(line('delai_premier_examen')).toMatchObject({ [period]: '33 jours', [before]: NOT_DISCLOSED });
    expect(line('coordination_amelioree_part')).toMatchObject({ [period]: '80 %' });
    expect(line('typologie_reponses', 'Coordination des intervenants')).toMatchObject({ [period]: '3', [before]: '0' });
    // No count of persons or situations between 1 and 2 escapes the rule.
    const activity = activityCodes();
    for (const r of records.filter((r) => !activity.has(r.Code!)))
      for (const v of [r[period], r[before]]) expect(v, `${r.Code} ${r['Détail']}`).not.toMatch(/^[12]$/);
    expect(activity).toEqual(
      new Set([
        'comites_techniques',
        'partenaires_conception',
        'signataires_convention',
        'reunions_commission',
        'reunions_clsm',
        'acteurs_representes',
        'participations_clsm',
        'plan_prevues',
        'plan_realisees',
        'plan_taux',
        'outils_communs',
        'ateliers_prevus',
        'ateliers_realises',
        'stages_prevus',
        'stages_realises',
      ]),
    );
    const text = csv.toString('utf8');
    for (const name of NAMES) expect(text).not.toContain(name);
  });
});

describe('the annual report', () => {
  const model = () => reportModel(report, 'Centre hospitalier de Jury', '2027-01-12');

  it('hides people, not organisations: the structures by sector are drawn as counted; a chart with nothing to draw is left out', () => {
    const details = model().sections.flatMap((s) => s.details);
    const structures = details.find((d) => d.code === 'acteurs_representes')!;
    expect(structures.rows.some((r) => r[1] === '1')).toBe(true);
    expect(structures.hasSmall).toBe(false);
    expect(structures.chart.some((c) => c.value === 1)).toBe(true);
    for (const d of details)
      if (d.chart.length > 0)
        expect(
          d.chart.some((c) => c.value > 0 || c.previous > 0),
          d.code,
        ).toBe(true);
    // A breakdown of persons where every count is 1 or 2: no bar can be drawn, so no chart.
    const tiny = reportModel(
      {
        ...report,
        sections: [
          {
            code: 'x',
            title: 'Essai',
            indicators: [
              {
                code: 'p',
                label: 'Participants',
                source: 'Tableau de suivi',
                unit: 'count',
                value: 3,
                previous: 0,
                breakdown: [
                  { label: 'CCAS', value: 1, previous: 0 },
                  { label: 'CMP', value: 2, previous: 0 },
                ],
              },
            ],
          },
        ],
      },
      'X',
      '2027-01-12',
    );
    expect(tiny.sections[0]!.details[0]!.chart).toEqual([]);
    expect(tiny.sections[0]!.details[0]!.rows).toEqual([
      ['CCAS', SMALL_COUNT, '0'],
      ['CMP', SMALL_COUNT, '0'],
    ]);
  });

  it('as a PDF: the sections, tables with « < 3 », the charts’ labels, the note, and no name', async () => {
    const text = flat(pdfText(await annualReportPdf(model(), LETTERHEAD)));
    expect(text).toContain('Bilan annuel 2026');
    expect(text).toContain('Période du 01/01/2026 au 31/12/2026, comparée à la période du 01/01/2025 au 31/12/2025');
    for (const heading of ['Évaluation du processus', 'Résultats de la commission', 'Formation croisée', 'Coordination et collaborations'])
      expect(text).toContain(heading);
    expect(text).toMatch(/Réunions du comité technique [12] [12] Tableau de suivi/);
    expect(text).toMatch(/Ateliers croisés prévus 4 [12] /);
    expect(text).toMatch(/Présences? .*< 3/);
    const cells = model().sections.flatMap((s) => [
      ...s.summary.flatMap((r) => r.slice(1, 3)),
      ...s.details.flatMap((d) => d.rows.flatMap((r) => r.slice(1))),
    ]);
    expect(cells.filter((c) => c.includes('<')).every((c) => c === SMALL_COUNT || c === NOT_DISCLOSED)).toBe(true);
    expect(NOT_DISCLOSED).toBe('non diffusé (<\u00A03)');
    expect(text).toMatch(/Satisfaction moyenne \(sur 5\) 3,8/);
    expect(text).toContain('Typologie des réponses apportées');
    // The chart's legend and axis are text in the PDF (SVG drawn by pdfmake).
    expect(text).toContain('Période précédente');
    expect(text).toContain('Effectif inférieur à 3');
    expect(text).toContain('Bilan établi le 12/01/2027');
    for (const name of NAMES) expect(text).not.toContain(name);
  });

  it('as a Word document with the same tables, a chart image for each breakdown, and no name', async () => {
    const docx = await annualReportDocx(model());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const text = await docxText(docx);
    expect(text).toContain('Bilan annuel 2026');
    expect(text).toMatch(/Réunions du comité technique\n[12]\n[12]\nTableau de suivi/);
    expect(text).toMatch(/Ateliers croisés prévus\n4\n[12]\n/);
    expect(text).toContain(`\n${SMALL_COUNT}\n`);
    expect(text).toContain('Effectif inférieur à 3');
    // One chart per breakdown that has a value to draw; the others say why there is none.
    const drawn = model()
      .sections.flatMap((s) => s.details)
      .filter((d) => d.chart.length > 0);
    expect(await docxPictureCount(docx)).toBe(drawn.length);
    for (const name of NAMES) expect(text).not.toContain(name);
  });
});
