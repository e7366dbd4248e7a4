// The exports of the known year: the small-count rule in the CSV, the PDF and the Word document,
// the CSV read back by a CSV parser, the documents by their extracted text, and no name anywhere.
import { parse } from 'csv-parse/sync';
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
import { disclosedCount, disclosedValue, NOT_DISCLOSED } from './disclosure';
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

// pdftotext may drop the space inside « < 3 » when it lays a table cell out.
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/<3\b/g, '< 3');

describe('the small-count rule', () => {
  it('writes 1 and 2 as « < 3 », keeps 0 and 3, and gives no derived figure resting on fewer than 3', () => {
    expect([0, 1, 2, 3, 12].map(disclosedCount)).toEqual(['0', '< 3', '< 3', '3', '12']);
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
    expect(line('comites_techniques')).toMatchObject({ Indicateur: 'Réunions du comité technique', [period]: '< 3', [before]: '< 3' });
    expect(line('presences')).toMatchObject({ [period]: '5', [before]: '< 3', Source: 'Tableau de suivi' });
    expect(line('ateliers_prevus')).toMatchObject({ [period]: '4', [before]: '< 3' });
    expect(line('participants', 'Autre')).toMatchObject({ [period]: '< 3', [before]: '0' });
    expect(line('participants')).toMatchObject({ [period]: '7' });
    expect(line('satisfaction')).toMatchObject({ [period]: '3,8', [before]: '', Source: 'Questionnaire' });
    expect(line('delai_premier_examen')).toMatchObject({ [period]: '33 jours', [before]: NOT_DISCLOSED });
    expect(line('coordination_amelioree_part')).toMatchObject({ [period]: '80 %' });
    expect(line('typologie_reponses', 'Coordination des intervenants')).toMatchObject({ [period]: '3', [before]: '0' });
    // No cell between 1 and 2 escapes the rule.
    for (const r of records) for (const v of [r[period], r[before]]) expect(v).not.toMatch(/^[12]$/);
    const text = csv.toString('utf8');
    for (const name of NAMES) expect(text).not.toContain(name);
  });
});

describe('the annual report', () => {
  const model = () => reportModel(report, 'Centre hospitalier de Jury', '2027-01-12');

  it('as a PDF: the sections, tables with « < 3 », the charts’ labels, the note, and no name', async () => {
    const text = flat(pdfText(await annualReportPdf(model())));
    expect(text).toContain('Bilan annuel 2026');
    expect(text).toContain('Période du 01/01/2026 au 31/12/2026, comparée à la période du 01/01/2025 au 31/12/2025');
    for (const heading of ['Évaluation du processus', 'Résultats de la commission', 'Formation croisée', 'Coordination et collaborations'])
      expect(text).toContain(heading);
    expect(text).toMatch(/Réunions du comité technique < 3 < 3 Tableau de suivi/);
    expect(text).toMatch(/Ateliers croisés prévus 4 < 3/);
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
    expect(text).toContain('Réunions du comité technique\n< 3\n< 3\nTableau de suivi');
    expect(text).toContain('Ateliers croisés prévus\n4\n< 3');
    expect(text).toContain('Effectif inférieur à 3');
    const breakdowns = report.sections.flatMap((s) => s.indicators).filter((i) => i.breakdown && i.breakdown.length > 0);
    expect(await docxPictureCount(docx)).toBe(breakdowns.length);
    for (const name of NAMES) expect(text).not.toContain(name);
  });
});
