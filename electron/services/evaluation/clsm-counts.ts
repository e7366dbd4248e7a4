// The CLSM's own counts for a period: cross-training sessions, their participants and anonymous
// questionnaires, the other CLSM meetings and who took part, the common tools, the convention.
import type { Db } from '../../../db/connection';
import { DESIGN_MEETING_KINDS } from '../../shared/training-vocabulary';
import type { Breakdown, Period } from './commission-counts';

export interface ClsmCounts {
  clsmMeetingsHeld: Breakdown;
  designPartners: number;
  conventionSignatories: number;
  /** Distinct structures present at a held CLSM meeting or commission meeting, by sector. */
  representedStructures: Breakdown;
  toolsByKind: Breakdown;
  trainingPlanned: Breakdown;
  trainingHeld: Breakdown;
  participantsBySector: Breakdown;
  questionnaires: number;
  satisfactionSum: number;
  knowledge: Breakdown;
  /** Respondents who ticked at least one kind of knowledge acquired. */
  knowledgeDeclared: number;
  coordination: { yes: number; answered: number };
  collaborations: { yes: number; answered: number };
}

const breakdown = (db: Db, sql: string, period: Period): Breakdown =>
  Object.fromEntries((db.prepare(sql).all(period) as { k: string; n: number }[]).map((r) => [r.k, r.n]));
const count = (db: Db, sql: string, period: Period): number => db.prepare(sql).pluck().get(period) as number;

const HELD_TRAINING = `t.status = 'held' AND t.starts_on BETWEEN @from AND @to`;
const ANSWERS = `training_questionnaires q JOIN training_sessions t ON t.id = q.session_id WHERE ${HELD_TRAINING}`;

export function clsmCounts(db: Db, period: Period): ClsmCounts {
  const design = DESIGN_MEETING_KINDS.map((k) => `'${k}'`).join(', ');
  const yesNo = (column: string) =>
    db.prepare(`SELECT count(*) FILTER (WHERE ${column} = 1) AS yes, count(${column}) AS answered FROM ${ANSWERS}`).get(period) as {
      yes: number;
      answered: number;
    };
  return {
    clsmMeetingsHeld: breakdown(
      db,
      `SELECT kind AS k, count(*) AS n FROM clsm_meetings WHERE status = 'held' AND held_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    designPartners: count(
      db,
      `SELECT count(DISTINCT ms.structure_id) FROM clsm_meeting_structures ms JOIN clsm_meetings m ON m.id = ms.meeting_id
       WHERE m.status = 'held' AND m.held_on BETWEEN @from AND @to AND m.kind IN (${design})`,
      period,
    ),
    conventionSignatories: count(db, `SELECT count(*) FROM structures WHERE convention_signed_on <= @to`, period),
    representedStructures: breakdown(
      db,
      `SELECT st.sector AS k, count(*) AS n FROM structures st WHERE st.id IN (
         SELECT ms.structure_id FROM clsm_meeting_structures ms JOIN clsm_meetings m ON m.id = ms.meeting_id
           WHERE m.status = 'held' AND m.held_on BETWEEN @from AND @to
         UNION
         SELECT mb.structure_id FROM attendances a JOIN meetings m ON m.id = a.meeting_id JOIN members mb ON mb.id = a.member_id
           WHERE m.state IN ('held', 'minutes_signed') AND m.held_on BETWEEN @from AND @to AND a.status IN ('present', 'represented'))
       GROUP BY k`,
      period,
    ),
    toolsByKind: breakdown(
      db,
      `SELECT kind AS k, count(*) AS n FROM common_tools WHERE produced_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    // Every session recorded for the period was planned; « réalisé » is the held ones.
    trainingPlanned: breakdown(
      db,
      `SELECT kind AS k, count(*) AS n FROM training_sessions WHERE starts_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    trainingHeld: breakdown(db, `SELECT t.kind AS k, count(*) AS n FROM training_sessions t WHERE ${HELD_TRAINING} GROUP BY k`, period),
    participantsBySector: breakdown(
      db,
      `SELECT COALESCE(p.sector, st.sector) AS k, count(*) AS n
       FROM training_participants p JOIN training_sessions t ON t.id = p.session_id
         LEFT JOIN members mb ON mb.id = p.member_id LEFT JOIN structures st ON st.id = mb.structure_id
       WHERE ${HELD_TRAINING} GROUP BY k`,
      period,
    ),
    questionnaires: count(db, `SELECT count(*) FROM ${ANSWERS}`, period),
    satisfactionSum: count(db, `SELECT COALESCE(sum(q.satisfaction), 0) FROM ${ANSWERS}`, period),
    knowledge: breakdown(
      db,
      `SELECT kn.value AS k, count(*) AS n FROM training_questionnaires q JOIN training_sessions t ON t.id = q.session_id, json_each(q.knowledge) kn
       WHERE ${HELD_TRAINING} GROUP BY kn.value`,
      period,
    ),
    knowledgeDeclared: count(db, `SELECT count(*) FROM ${ANSWERS} AND json_array_length(q.knowledge) > 0`, period),
    coordination: yesNo('q.coordination_improved'),
    collaborations: yesNo('q.collaborations_developed'),
  };
}
