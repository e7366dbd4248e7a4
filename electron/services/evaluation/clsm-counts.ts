// The CLSM's own counts for a period: cross-training sessions, their participants and anonymous
// questionnaires, the other CLSM meetings and who took part, the common tools, the convention.
import type { Db } from '../../../db/connection';
import { DESIGN_MEETING_KINDS } from '../../shared/training-vocabulary';
import type { Breakdown, Period } from './commission-counts';

export interface ClsmCounts {
  clsmMeetingsHeld: Breakdown;
  /** Participations (structures and members present or represented) at held CLSM meetings, by sector. */
  clsmAttendanceBySector: Breakdown;
  /** Distinct guests from outside the directory who took part, by category (persons: the « < 3 » rule). */
  clsmGuestsByCategory: Breakdown;
  /** The action plan: actions due in the period, by axis; and those of them carried out. */
  planDueByAxis: Breakdown;
  planDoneByAxis: Breakdown;
  /** The axes of the plan in their order (archived ones too: past periods may count under them). */
  planAxes: string[];
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

/** Invitations present or represented at a CLSM meeting held in the period, with their structure. */
const clsmPresent = (
  join = '',
) => `clsm_invitations i JOIN clsm_meetings m ON m.id = i.meeting_id LEFT JOIN members mb ON mb.id = i.member_id
  ${join} WHERE m.status = 'held' AND m.held_on BETWEEN @from AND @to AND i.attendance IN ('present', 'represented')`;
const CLSM_PRESENT_STRUCTURE = `COALESCE(i.structure_id, mb.structure_id)`;

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
    clsmAttendanceBySector: breakdown(
      db,
      `SELECT st.sector AS k, count(*) AS n FROM ${clsmPresent(`JOIN structures st ON st.id = ${CLSM_PRESENT_STRUCTURE}`)} GROUP BY k`,
      period,
    ),
    clsmGuestsByCategory: breakdown(
      db,
      `SELECT g.category AS k, count(DISTINCT g.id) AS n FROM ${clsmPresent('JOIN clsm_guests g ON g.id = i.guest_id')} GROUP BY k`,
      period,
    ),
    planDueByAxis: breakdown(
      db,
      `SELECT x.title AS k, count(*) AS n FROM clsm_plan_actions a JOIN clsm_plan_axes x ON x.id = a.axis_id
       WHERE a.due_on BETWEEN @from AND @to GROUP BY k`,
      period,
    ),
    planDoneByAxis: breakdown(
      db,
      `SELECT x.title AS k, count(*) AS n FROM clsm_plan_actions a JOIN clsm_plan_axes x ON x.id = a.axis_id
       WHERE a.due_on BETWEEN @from AND @to AND a.status = 'done' GROUP BY k`,
      period,
    ),
    planAxes: db.prepare('SELECT title FROM clsm_plan_axes ORDER BY position, id').pluck().all() as string[],
    designPartners: count(
      db,
      `SELECT count(DISTINCT ${CLSM_PRESENT_STRUCTURE}) FROM ${clsmPresent()} AND m.kind IN (${design}) AND ${CLSM_PRESENT_STRUCTURE} IS NOT NULL`,
      period,
    ),
    conventionSignatories: count(db, `SELECT count(*) FROM structures WHERE convention_signed_on <= @to`, period),
    representedStructures: breakdown(
      db,
      `SELECT st.sector AS k, count(*) AS n FROM structures st WHERE st.id IN (
         SELECT ${CLSM_PRESENT_STRUCTURE} FROM ${clsmPresent()}
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
