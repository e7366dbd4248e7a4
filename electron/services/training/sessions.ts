// Ateliers and stages croisés: a session is recorded when planned, then marked held or cancelled.
// Its participants and the anonymous questionnaire answers hang on it (participants.ts).
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { Sector } from '../../shared/vocabulary';
import type { ParticipantRole, TrainingKind, TrainingStatus } from '../../shared/training-vocabulary';
import type { ServiceContext } from '../context';
import { getSettings } from '../settings/settings';
import type { TrainingSessionInput } from './schema';

export interface TrainingSessionSummary {
  id: number;
  kind: TrainingKind;
  theme: string;
  startsOn: string;
  endsOn: string;
  place: string;
  trainer: string;
  hostStructureId: number | null;
  hostStructureName: string | null;
  durationHours: number;
  status: TrainingStatus;
  participantCount: number;
  questionnaireCount: number;
}

export interface TrainingParticipantView {
  id: number;
  role: ParticipantRole;
  memberId: number | null;
  name: string;
  structureName: string;
  sector: Sector;
}

export interface QuestionnaireView {
  id: number;
  sector: Sector | null;
  satisfaction: number;
  knowledge: string[];
  coordinationImproved: boolean | null;
  collaborationsDeveloped: boolean | null;
  comment: string;
  recordedAt: string;
}

export interface TrainingSessionDetail extends TrainingSessionSummary {
  participants: TrainingParticipantView[];
  questionnaires: QuestionnaireView[];
  /** The questionnaire's typology of knowledge, from the settings. */
  knowledgeTypologies: string[];
}

interface SessionRow {
  id: number;
  kind: TrainingKind;
  theme: string;
  starts_on: string;
  ends_on: string;
  place: string;
  trainer: string;
  host_structure_id: number | null;
  host_structure_name: string | null;
  duration_hours: number;
  status: TrainingStatus;
  participant_count: number;
  questionnaire_count: number;
}

const SELECT = `SELECT t.*, st.name AS host_structure_name,
    (SELECT count(*) FROM training_participants p WHERE p.session_id = t.id) AS participant_count,
    (SELECT count(*) FROM training_questionnaires q WHERE q.session_id = t.id) AS questionnaire_count
  FROM training_sessions t LEFT JOIN structures st ON st.id = t.host_structure_id`;

const toSummary = (row: SessionRow): TrainingSessionSummary => ({
  id: row.id,
  kind: row.kind,
  theme: row.theme,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  place: row.place,
  trainer: row.trainer,
  hostStructureId: row.host_structure_id,
  hostStructureName: row.host_structure_name,
  durationHours: row.duration_hours,
  status: row.status,
  participantCount: row.participant_count,
  questionnaireCount: row.questionnaire_count,
});

export function listTrainingSessions(ctx: Pick<ServiceContext, 'db'>): TrainingSessionSummary[] {
  return (ctx.db.prepare(`${SELECT} ORDER BY t.starts_on DESC, t.id DESC`).all() as SessionRow[]).map(toSummary);
}

export function trainingSummary(db: Db, id: number): TrainingSessionSummary {
  const row = db.prepare(`${SELECT} WHERE t.id = ?`).get(id) as SessionRow | undefined;
  if (!row) throw new AppError('TRAINING_NOT_FOUND');
  return toSummary(row);
}

interface ParticipantRow {
  id: number;
  role: ParticipantRole;
  member_id: number | null;
  name: string;
  structure_name: string;
  sector: Sector;
}

export function participantsOf(db: Db, sessionId: number): TrainingParticipantView[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.role, p.member_id,
         COALESCE(p.name, m.first_name || ' ' || m.last_name) AS name,
         COALESCE(p.structure_name, st.name) AS structure_name,
         COALESCE(p.sector, st.sector) AS sector
       FROM training_participants p LEFT JOIN members m ON m.id = p.member_id LEFT JOIN structures st ON st.id = m.structure_id
       WHERE p.session_id = ? ORDER BY p.role DESC, name COLLATE NOCASE`,
    )
    .all(sessionId) as ParticipantRow[];
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    memberId: r.member_id,
    name: r.name,
    structureName: r.structure_name,
    sector: r.sector,
  }));
}

interface QuestionnaireRow {
  id: number;
  sector: Sector | null;
  satisfaction: number;
  knowledge: string;
  coordination_improved: number | null;
  collaborations_developed: number | null;
  comment: string;
  recorded_at: string;
}

const yesNo = (value: number | null): boolean | null => (value === null ? null : value === 1);

function questionnairesOf(db: Db, sessionId: number): QuestionnaireView[] {
  const rows = db.prepare('SELECT * FROM training_questionnaires WHERE session_id = ? ORDER BY id').all(sessionId) as QuestionnaireRow[];
  return rows.map((r) => ({
    id: r.id,
    sector: r.sector,
    satisfaction: r.satisfaction,
    knowledge: JSON.parse(r.knowledge) as string[],
    coordinationImproved: yesNo(r.coordination_improved),
    collaborationsDeveloped: yesNo(r.collaborations_developed),
    comment: r.comment,
    recordedAt: r.recorded_at,
  }));
}

export function trainingDetail(ctx: Pick<ServiceContext, 'db'>, input: { id: number }): TrainingSessionDetail {
  return {
    ...trainingSummary(ctx.db, input.id),
    participants: participantsOf(ctx.db, input.id),
    questionnaires: questionnairesOf(ctx.db, input.id),
    knowledgeTypologies: getSettings(ctx).knowledgeTypologies,
  };
}

function assertStructure(db: Db, id: number | null): void {
  if (id !== null && !db.prepare('SELECT 1 FROM structures WHERE id = ?').get(id)) throw new AppError('STRUCTURE_NOT_FOUND');
}

export function saveTrainingSession(ctx: ServiceContext, input: TrainingSessionInput): TrainingSessionDetail {
  const { db } = ctx;
  assertStructure(db, input.hostStructureId);
  const now = nowIso(ctx.clock);
  const values = [
    input.kind,
    input.theme,
    input.startsOn,
    input.endsOn,
    input.place,
    input.trainer,
    input.hostStructureId,
    input.durationHours,
    input.status,
  ];
  let id = input.id;
  if (id === undefined) {
    id = Number(
      db
        .prepare(
          `INSERT INTO training_sessions (kind, theme, starts_on, ends_on, place, trainer, host_structure_id, duration_hours, status, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...values, ctx.actor.userId, now, now).lastInsertRowid,
    );
    ctx.audit('training.save', { type: 'trainingSession', id }, `created,kind=${input.kind},status=${input.status}`);
  } else {
    const before = trainingSummary(db, id);
    if (before.kind !== input.kind && participantsOf(db, id).some((p) => p.role === 'guest'))
      throw new AppError('TRAINING_GUEST_ONLY_ONE', { message: 'Retirez le professionnel accueilli avant de changer le type de session.' });
    db.prepare(
      `UPDATE training_sessions SET kind = ?, theme = ?, starts_on = ?, ends_on = ?, place = ?, trainer = ?, host_structure_id = ?,
         duration_hours = ?, status = ?, updated_at = ? WHERE id = ?`,
    ).run(...values, now, id);
    ctx.audit('training.save', { type: 'trainingSession', id }, `updated,status=${input.status}`);
  }
  return trainingDetail(ctx, { id });
}

/** Only an empty session is deleted: one with participants or answers is cancelled instead. */
export function removeTrainingSession(ctx: ServiceContext, input: { id: number }): { removed: true } {
  const summary = trainingSummary(ctx.db, input.id);
  if (summary.participantCount > 0 || summary.questionnaireCount > 0) throw new AppError('TRAINING_HAS_RECORDS');
  ctx.db.prepare('DELETE FROM training_sessions WHERE id = ?').run(input.id);
  ctx.audit('training.remove', { type: 'trainingSession', id: input.id });
  return { removed: true };
}
