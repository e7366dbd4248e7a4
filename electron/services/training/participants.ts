// Who took part in a session (members of the directory, or professionals from outside it) and the
// anonymous questionnaire answers: the answers never point at a participant.
import { AppError } from '../../errors';
import { nowIso } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { getSettings } from '../settings/settings';
import type { ParticipantInput, QuestionnaireInput } from './schema';
import { participantsOf, trainingDetail, TrainingSessionDetail, trainingSummary } from './sessions';

export function addParticipant(ctx: ServiceContext, input: ParticipantInput): TrainingSessionDetail {
  const { db } = ctx;
  const session = trainingSummary(db, input.sessionId);
  // A placement hosts one professional: the guest; a workshop has participants.
  const role = session.kind === 'placement' ? 'guest' : 'participant';
  if (role === 'guest' && participantsOf(db, session.id).length > 0) throw new AppError('TRAINING_GUEST_ONLY_ONE');
  const now = nowIso(ctx.clock);
  if (input.source === 'member') {
    if (!db.prepare('SELECT 1 FROM members WHERE id = ?').get(input.memberId)) throw new AppError('MEMBER_NOT_FOUND');
    if (db.prepare('SELECT 1 FROM training_participants WHERE session_id = ? AND member_id = ?').get(session.id, input.memberId))
      throw new AppError('TRAINING_PARTICIPANT_TWICE');
    db.prepare(`INSERT INTO training_participants (session_id, role, member_id, added_at) VALUES (?, ?, ?, ?)`).run(
      session.id,
      role,
      input.memberId,
      now,
    );
  } else {
    db.prepare(
      `INSERT INTO training_participants (session_id, role, name, structure_name, sector, added_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(session.id, role, input.name, input.structureName, input.sector, now);
  }
  ctx.audit('training.addParticipant', { type: 'trainingSession', id: session.id }, `source=${input.source}`);
  return trainingDetail(ctx, { id: session.id });
}

export function removeParticipant(ctx: ServiceContext, input: { participantId: number }): TrainingSessionDetail {
  const row = ctx.db.prepare('SELECT session_id FROM training_participants WHERE id = ?').pluck().get(input.participantId) as
    number | undefined;
  if (row === undefined) throw new AppError('TRAINING_PARTICIPANT_NOT_FOUND');
  ctx.db.prepare('DELETE FROM training_participants WHERE id = ?').run(input.participantId);
  ctx.audit('training.removeParticipant', { type: 'trainingSession', id: row });
  return trainingDetail(ctx, { id: row });
}

export function recordQuestionnaire(ctx: ServiceContext, input: QuestionnaireInput): TrainingSessionDetail {
  const session = trainingSummary(ctx.db, input.sessionId);
  if (session.status !== 'held') throw new AppError('TRAINING_NOT_HELD');
  const offered = new Set(getSettings(ctx).knowledgeTypologies);
  const unknown = input.knowledge.filter((k) => !offered.has(k));
  if (unknown.length > 0) {
    const message = `« ${unknown[0]} » ne figure pas dans la typologie des connaissances (Administration › Paramètres).`;
    throw new AppError('INVALID_INPUT', { message, fields: { knowledge: message } });
  }
  const flag = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO training_questionnaires (session_id, sector, satisfaction, knowledge, coordination_improved, collaborations_developed, comment, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.id,
        input.sector,
        input.satisfaction,
        JSON.stringify([...new Set(input.knowledge)]),
        flag(input.coordinationImproved),
        flag(input.collaborationsDeveloped),
        input.comment,
        ctx.actor.userId,
        nowIso(ctx.clock),
      ).lastInsertRowid,
  );
  ctx.audit('training.recordQuestionnaire', { type: 'trainingSession', id: session.id }, `questionnaire=${id}`);
  return trainingDetail(ctx, { id: session.id });
}

export function removeQuestionnaire(ctx: ServiceContext, input: { id: number }): TrainingSessionDetail {
  const sessionId = ctx.db.prepare('SELECT session_id FROM training_questionnaires WHERE id = ?').pluck().get(input.id) as
    number | undefined;
  if (sessionId === undefined) throw new AppError('QUESTIONNAIRE_NOT_FOUND');
  ctx.db.prepare('DELETE FROM training_questionnaires WHERE id = ?').run(input.id);
  ctx.audit('training.removeQuestionnaire', { type: 'trainingSession', id: sessionId }, `questionnaire=${input.id}`);
  return trainingDetail(ctx, { id: sessionId });
}
