// The indicators on a known year (tests/fixtures/evaluation.ts), each expectation summed by hand
// from the fixture's rows: 2026 against 2025.
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate';
import type { Db } from '../../../db/connection';
import { seedEvaluationYear } from '../../../tests/fixtures/evaluation';
import { freshEncryptedDb } from '../../../tests/helpers/db';
import { evaluationReport, Indicator } from './indicators';
import { civilYear, previousPeriod } from './period';

let db: Db | undefined;
afterEach(() => db?.close());

function year2026() {
  db = freshEncryptedDb().db;
  migrate(db);
  seedEvaluationYear(db);
  const report = evaluationReport(db, civilYear(2026));
  const all = report.sections.flatMap((s) => s.indicators);
  const get = (code: string): Indicator => {
    const found = all.find((i) => i.code === code);
    if (!found) throw new Error(`no indicator ${code}`);
    return found;
  };
  const pair = (code: string) => [get(code).value, get(code).previous];
  const rows = (code: string) => Object.fromEntries((get(code).breakdown ?? []).map((r) => [r.label, [r.value, r.previous]]));
  return { report, get, pair, rows };
}

describe('the evaluation indicators', () => {
  it('compare a civil year with the year before, and any span with the span just before', () => {
    expect(previousPeriod(civilYear(2026))).toEqual(civilYear(2025));
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({ from: '2026-02-28', to: '2026-03-09' });
  });

  it('count the CLSM’s bodies and its plan: participations by sector, persons from outside the directory, actions done against planned', () => {
    const { pair, rows, get } = year2026();
    // Held meetings of 2026: structures 1, 2, 4 (represented) at the first, 1 and 2 at the second, 3 and member 2 (CMP) at the third.
    expect(rows('participations_clsm')).toEqual({
      CCAS: [2, 1],
      'Centre médico-psychologique': [3, 0],
      'Mandataire judiciaire': [1, 0],
      'Bailleur social': [1, 0],
    });
    // Distinct persons who took part: the excused one, and those of a planned or cancelled meeting, are not counted.
    expect(pair('personnes_concernees')).toEqual([2, 1]);
    expect(get('personnes_concernees').subject).toBeUndefined();
    expect(pair('elus')).toEqual([1, 0]);
    // Due in the period, by axis; done among them (late or not); an action due next year is not planned yet.
    expect(rows('plan_prevues')).toEqual({
      'Inclusion dans la cité': [2, 0],
      'Amélioration des parcours': [2, 0],
      'Coordination entre les acteurs': [0, 2],
    });
    expect(rows('plan_realisees')).toEqual({
      'Inclusion dans la cité': [1, 0],
      'Amélioration des parcours': [1, 0],
      'Coordination entre les acteurs': [0, 1],
    });
    expect(get('plan_taux')).toMatchObject({ value: 50, previous: 50, base: { value: 4, previous: 2 }, subject: 'activity' });
  });

  it('count the process: committees, design partners, convention signatories, meetings by type, structures represented', () => {
    const { report, pair, rows } = year2026();
    expect(report.previousPeriod).toEqual(civilYear(2025));
    expect(pair('comites_techniques')).toEqual([2, 1]);
    // Comités techniques and groupe projet held in 2026: structures 1, 2, 4 then 1, 2 then 3.
    expect(pair('partenaires_conception')).toEqual([4, 1]);
    // Signed by the end of the period: structure 1 (2025), 2 (2026); structure 3 signs in 2027.
    expect(pair('signataires_convention')).toEqual([2, 1]);
    expect(pair('reunions_commission')).toEqual([2, 1]);
    expect(pair('reunions_clsm')).toEqual([5, 2]);
    expect(rows('reunions_clsm')).toEqual({
      'Commission de réflexion et d’aide': [2, 1],
      'Comité technique': [2, 1],
      'Comité de pilotage': [0, 0],
      'Assemblée plénière': [0, 0],
      'Groupe projet': [1, 0],
    });
    expect(rows('acteurs_representes')).toEqual({
      CCAS: [1, 1],
      'Centre médico-psychologique': [1, 0],
      'Bailleur social': [1, 0],
      'Mandataire judiciaire': [1, 0],
    });
  });

  it('count the commission: presences, referrals, situations, re-examinations, typologies, delay, actions, closures', () => {
    const { get, pair, rows } = year2026();
    // Meeting 2: two present and one represented; meeting 3: two present. 2025: one present.
    expect(pair('presences')).toEqual([5, 1]);
    expect(pair('presences_par_reunion')).toEqual([2.5, 1]);
    expect(pair('saisines')).toEqual([3, 2]);
    expect(rows('saisines')).toEqual({ CCAS: [2, 0], 'Centre médico-psychologique': [1, 1], 'Bailleur social': [0, 1] });
    expect(rows('recevabilite')).toEqual({ Recevables: [2, 2], 'Non recevables': [1, 0] });
    expect(pair('situations_traitees')).toEqual([3, 1]);
    expect(pair('examens')).toEqual([5, 1]);
    expect(pair('reexamens')).toEqual([2, 0]);
    expect(get('typologie_situations').value).toBeNull();
    expect(rows('typologie_situations')).toEqual({ 'santé psychique': [2, 0], logement: [1, 2], isolement: [1, 0] });
    expect(rows('typologie_reponses')).toEqual({
      'Coordination des intervenants': [3, 0],
      'Orientation vers les soins': [2, 0],
      'Accès ou maintien dans le logement': [1, 1],
    });
    expect(pair('outils_communs')).toEqual([3, 1]);
    expect(rows('outils_communs')).toEqual({ Fiche: [2, 0], Guide: [1, 0], Procédure: [0, 1] });
    // First examinations in 2026: 7, 33 and 84 days; in 2025: 101 days.
    expect(get('delai_premier_examen')).toMatchObject({ value: 33, previous: 101, base: { value: 3, previous: 1 } });
    expect(pair('actions')).toEqual([5, 0]);
    expect(rows('actions')).toEqual({
      Réalisée: [2, 0],
      'Impossible : la situation a changé': [1, 0],
      'Non réalisée par son responsable': [1, 0],
      'En cours ou à venir': [1, 0],
    });
    expect(rows('actions_responsables')).toEqual({ CCAS: [2, 0], 'Centre médico-psychologique': [2, 0], 'Bailleur social': [1, 0] });
    expect(rows('clotures')).toEqual({ 'Situation résolue': [1, 0] });
  });

  it('count the cross-training held against planned, its participants by sector, and the questionnaires', () => {
    const { get, pair, rows } = year2026();
    expect(pair('ateliers_prevus')).toEqual([4, 1]);
    expect(pair('ateliers_realises')).toEqual([2, 1]);
    expect(pair('stages_prevus')).toEqual([2, 0]);
    expect(pair('stages_realises')).toEqual([1, 0]);
    // Held sessions only: the cancelled workshop's participant is not counted.
    expect(pair('participants')).toEqual([7, 1]);
    expect(rows('participants')).toEqual({
      CCAS: [2, 1],
      'Bailleur social': [2, 0],
      'Centre médico-psychologique': [1, 0],
      'Association d’usagers ou d’aidants': [1, 0],
      Autre: [1, 0],
    });
    expect(pair('questionnaires')).toEqual([6, 0]);
    // (5 + 4 + 3 + 4 + 5 + 2) / 6 = 3.83
    expect(get('satisfaction')).toMatchObject({ value: 3.8, previous: null, base: { value: 6, previous: 0 } });
    expect(pair('connaissances_declarees')).toEqual([5, 0]);
    expect(rows('connaissances')).toEqual({
      'Rôle et missions des partenaires': [3, 0],
      'Droits des personnes et mesures de protection': [2, 0],
      'Ressources du territoire en santé mentale': [2, 0],
    });
    // Coordination: 4 yes of 5 answers; collaborations: 3 yes of 5 answers.
    expect(pair('coordination_amelioree')).toEqual([4, 0]);
    expect(get('coordination_amelioree_part')).toMatchObject({ value: 80, previous: null, base: { value: 5, previous: 0 } });
    expect(pair('collaborations_developpees')).toEqual([3, 0]);
    expect(pair('collaborations_developpees_part')).toEqual([60, null]);
  });
});
