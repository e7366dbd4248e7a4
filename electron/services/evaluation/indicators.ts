// The evaluation's indicators (seed 000 §4.8.1–4.8.2, seed 001 « Modalités d’évaluation », and
// what the commission records), for a period and the one before it. Everything is an aggregate
// over codes, sectors, typologies and dates: no person and no professional is named here. The page
// shows the true counts to the coordinator; every export goes through disclosure.ts first.
import type { Db } from '../../../db/connection';
import { ACTION_OUTCOMES } from '../../shared/meeting-vocabulary';
import { CLOSURE_REASONS } from '../../shared/situation-vocabulary';
import { CLSM_MEETING_KINDS, TOOL_KINDS } from '../../shared/training-vocabulary';
import { SECTORS } from '../../shared/vocabulary';
import { ClsmCounts, clsmCounts } from './clsm-counts';
import { Breakdown, CommissionCounts, commissionCounts, Period } from './commission-counts';
import { previousPeriod } from './period';

/** count: people, situations, meetings…; days: a median delay; score: an average out of 5; percent. */
export type IndicatorUnit = 'count' | 'days' | 'score' | 'percent';

export interface BreakdownRow {
  label: string;
  value: number;
  previous: number;
}

/**
 * What an indicator counts: persons or situations (« people », the small-count rule applies), or
 * the CLSM's own activity — meetings, structures, sectors, tools — which names no one.
 */
export type IndicatorSubject = 'people' | 'activity';

export interface Indicator {
  code: string;
  subject?: IndicatorSubject;
  label: string;
  source: 'Tableau de suivi' | 'Questionnaire';
  unit: IndicatorUnit;
  value: number | null;
  previous: number | null;
  /** For a median, an average or a percentage: how many observations it rests on. */
  base?: { value: number; previous: number };
  breakdown?: BreakdownRow[];
  /** Drawn as a bar chart (page, annual report). */
  chart?: boolean;
}

export interface IndicatorSection {
  code: string;
  title: string;
  indicators: Indicator[];
}

export interface EvaluationReport {
  period: Period;
  previousPeriod: Period;
  sections: IndicatorSection[];
}

interface Both {
  now: CommissionCounts & ClsmCounts;
  before: CommissionCounts & ClsmCounts;
}

const sum = (b: Breakdown) => Object.values(b).reduce((a, n) => a + n, 0);

function rows(now: Breakdown, before: Breakdown, labels?: Record<string, string>, order?: readonly string[]): BreakdownRow[] {
  const keys = [...new Set([...(order ?? []), ...Object.keys(now), ...Object.keys(before)])];
  const present = keys.filter((k) => (now[k] ?? 0) > 0 || (before[k] ?? 0) > 0 || order?.includes(k));
  const list = present.map((k) => ({ label: labels?.[k] ?? k, value: now[k] ?? 0, previous: before[k] ?? 0 }));
  return order ? list : list.sort((a, b) => b.value - a.value || b.previous - a.previous || a.label.localeCompare(b.label, 'fr'));
}

type Pick2 = (c: CommissionCounts & ClsmCounts) => number;
const count = (b: Both, code: string, label: string, pick: Pick2, source: Indicator['source'] = 'Tableau de suivi'): Indicator => ({
  code,
  label,
  source,
  unit: 'count',
  value: pick(b.now),
  previous: pick(b.before),
});

function split(
  b: Both,
  code: string,
  label: string,
  pick: (c: CommissionCounts & ClsmCounts) => Breakdown,
  options: {
    labels?: Record<string, string>;
    order?: readonly string[];
    total?: boolean;
    source?: Indicator['source'];
  },
): Indicator {
  return {
    code,
    label,
    source: options.source ?? 'Tableau de suivi',
    unit: 'count',
    value: options.total === false ? null : sum(pick(b.now)),
    previous: options.total === false ? null : sum(pick(b.before)),
    breakdown: rows(pick(b.now), pick(b.before), options.labels, options.order),
    chart: true,
  };
}

/** A count of the CLSM's activity (meetings, structures, tools): shown as it is. */
const activity = (i: Indicator): Indicator => ({ ...i, subject: 'activity' });

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((100 * part) / whole));

function questionnaireRate(b: Both, code: string, label: string, pick: (c: ClsmCounts) => { yes: number; answered: number }): Indicator[] {
  return [
    { ...count(b, code, label, (c) => pick(c).yes, 'Questionnaire') },
    {
      code: `${code}_part`,
      label: `${label} (part des répondants)`,
      source: 'Questionnaire',
      unit: 'percent',
      value: rate(pick(b.now).yes, pick(b.now).answered),
      previous: rate(pick(b.before).yes, pick(b.before).answered),
      base: { value: pick(b.now).answered, previous: pick(b.before).answered },
    },
  ];
}

const PENDING = { ...ACTION_OUTCOMES, pending: 'En cours ou à venir' };
const ELIGIBILITY = { eligible: 'Recevables', rejected: 'Non recevables' };
const MEETINGS = { commission: 'Commission de réflexion et d’aide', ...CLSM_MEETING_KINDS };

export function evaluationReport(db: Db, period: Period): EvaluationReport {
  const previous = previousPeriod(period);
  const read = (p: Period) => ({ ...commissionCounts(db, p), ...clsmCounts(db, p) });
  const b: Both = { now: read(period), before: read(previous) };
  const average = (c: CommissionCounts & ClsmCounts) =>
    c.questionnaires === 0 ? null : Math.round((10 * c.satisfactionSum) / c.questionnaires) / 10;
  const perMeeting = (c: CommissionCounts) => (c.meetingsHeld === 0 ? null : Math.round((10 * c.presences) / c.meetingsHeld) / 10);
  return {
    period,
    previousPeriod: previous,
    sections: [
      {
        code: 'processus',
        title: 'Évaluation du processus',
        indicators: [
          activity(count(b, 'comites_techniques', 'Réunions du comité technique', (c) => c.clsmMeetingsHeld.comite_technique ?? 0)),
          activity(count(b, 'partenaires_conception', 'Partenaires impliqués dans la conception du dispositif', (c) => c.designPartners)),
          activity(
            count(
              b,
              'signataires_convention',
              'Partenaires signataires de la convention (à la fin de la période)',
              (c) => c.conventionSignatories,
            ),
          ),
          activity(count(b, 'reunions_commission', 'Réunions de la commission', (c) => c.meetingsHeld)),
          activity(
            split(
              b,
              'reunions_clsm',
              'Réunions organisées dans le cadre du CLSM, par type',
              (c) => ({ commission: c.meetingsHeld, ...c.clsmMeetingsHeld }),
              {
                labels: MEETINGS,
                order: Object.keys(MEETINGS),
              },
            ),
          ),
          activity(
            split(
              b,
              'acteurs_representes',
              'Structures représentées dans les instances du CLSM, par secteur',
              (c) => c.representedStructures,
              {
                labels: SECTORS,
              },
            ),
          ),
        ],
      },
      {
        code: 'instances',
        title: 'Instances et plan d’action du CLSM',
        indicators: [
          activity(
            split(
              b,
              'participations_clsm',
              'Participations aux réunions du CLSM (structures et membres), par secteur',
              (c) => c.clsmAttendanceBySector,
              {
                labels: SECTORS,
              },
            ),
          ),
          count(
            b,
            'personnes_concernees',
            'Personnes concernées (savoir expérientiel) ayant participé aux instances',
            (c) => c.clsmGuestsByCategory.personne_concernee ?? 0,
          ),
          count(b, 'elus', 'Élus ayant participé aux instances', (c) => c.clsmGuestsByCategory.elu ?? 0),
          activity(
            split(b, 'plan_prevues', 'Actions du plan d’action prévues (échéance dans la période), par axe', (c) => c.planDueByAxis, {
              order: b.now.planAxes,
            }),
          ),
          activity(
            split(b, 'plan_realisees', 'Actions du plan d’action réalisées, parmi les prévues, par axe', (c) => c.planDoneByAxis, {
              order: b.now.planAxes,
            }),
          ),
          activity({
            code: 'plan_taux',
            label: 'Actions réalisées par rapport au prévisionnel',
            source: 'Tableau de suivi',
            unit: 'percent',
            value: rate(sum(b.now.planDoneByAxis), sum(b.now.planDueByAxis)),
            previous: rate(sum(b.before.planDoneByAxis), sum(b.before.planDueByAxis)),
            base: { value: sum(b.now.planDueByAxis), previous: sum(b.before.planDueByAxis) },
          }),
        ],
      },
      {
        code: 'commission',
        title: 'Résultats de la commission',
        indicators: [
          count(b, 'presences', 'Participation aux réunions (présences de membres)', (c) => c.presences),
          {
            code: 'presences_par_reunion',
            label: 'Présences moyennes par réunion',
            source: 'Tableau de suivi',
            unit: 'score',
            value: perMeeting(b.now),
            previous: perMeeting(b.before),
            // Rests on the presences: one meeting with one member present must not say « 1 ».
            base: { value: b.now.presences, previous: b.before.presences },
          },
          split(b, 'saisines', 'Saisines reçues, par secteur de la structure qui saisit', (c) => c.byReferringSector, { labels: SECTORS }),
          split(b, 'recevabilite', 'Décisions de recevabilité', (c) => c.eligibilityDecisions, {
            labels: ELIGIBILITY,
            order: ['eligible', 'rejected'],
          }),
          count(b, 'situations_traitees', 'Situations traitées (examinées en séance)', (c) => c.situationsExamined),
          count(b, 'examens', 'Examens de situations en séance', (c) => c.itemsExamined),
          count(b, 'reexamens', 'Réexamens', (c) => c.reexaminations),
          split(b, 'typologie_situations', 'Typologie des situations (saisines de la période)', (c) => c.byTypology, { total: false }),
          split(b, 'typologie_reponses', 'Typologie des réponses apportées', (c) => c.responseTypologies, { total: false }),
          activity(split(b, 'outils_communs', 'Outils communs élaborés', (c) => c.toolsByKind, { labels: TOOL_KINDS })),
          {
            code: 'delai_premier_examen',
            label: 'Délai médian entre la saisine et le premier examen',
            source: 'Tableau de suivi',
            unit: 'days',
            value: b.now.medianDaysToFirstExamination,
            previous: b.before.medianDaysToFirstExamination,
            base: { value: b.now.firstExaminations, previous: b.before.firstExaminations },
          },
          split(b, 'actions', 'Actions décidées (échéance dans la période), par issue', (c) => c.actionsByOutcome, {
            labels: PENDING,
            order: Object.keys(PENDING),
          }),
          split(b, 'actions_responsables', 'Actions par secteur de leur responsable', (c) => c.actionsByOwnerSector, { labels: SECTORS }),
          split(b, 'clotures', 'Situations closes, par motif', (c) => c.closuresByReason, { labels: CLOSURE_REASONS }),
        ],
      },
      {
        code: 'formation',
        title: 'Formation croisée',
        indicators: [
          activity(count(b, 'ateliers_prevus', 'Ateliers croisés prévus', (c) => c.trainingPlanned.workshop ?? 0)),
          activity(count(b, 'ateliers_realises', 'Ateliers croisés réalisés', (c) => c.trainingHeld.workshop ?? 0)),
          activity(count(b, 'stages_prevus', 'Stages croisés prévus', (c) => c.trainingPlanned.placement ?? 0)),
          activity(count(b, 'stages_realises', 'Stages croisés réalisés', (c) => c.trainingHeld.placement ?? 0)),
          split(b, 'participants', 'Participants aux ateliers et stages, par secteur', (c) => c.participantsBySector, { labels: SECTORS }),
          count(b, 'questionnaires', 'Questionnaires recueillis', (c) => c.questionnaires, 'Questionnaire'),
          {
            code: 'satisfaction',
            label: 'Satisfaction moyenne (sur 5)',
            source: 'Questionnaire',
            unit: 'score',
            value: average(b.now),
            previous: average(b.before),
            base: { value: b.now.questionnaires, previous: b.before.questionnaires },
          },
          count(
            b,
            'connaissances_declarees',
            'Professionnels qui déclarent mieux connaître l’offre et les besoins',
            (c) => c.knowledgeDeclared,
            'Questionnaire',
          ),
          split(b, 'connaissances', 'Typologie des connaissances acquises', (c) => c.knowledge, { total: false, source: 'Questionnaire' }),
        ],
      },
      {
        code: 'coordination',
        title: 'Coordination et collaborations',
        indicators: [
          ...questionnaireRate(
            b,
            'coordination_amelioree',
            'Professionnels qui déclarent une coordination améliorée',
            (c) => c.coordination,
          ),
          ...questionnaireRate(
            b,
            'collaborations_developpees',
            'Professionnels qui déclarent avoir développé des collaborations',
            (c) => c.collaborations,
          ),
        ],
      },
    ],
  };
}
