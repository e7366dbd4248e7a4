// The questionnaire to print for a session and the attestations de formation (one participant,
// or all of them in one file). Read channels: PDF work stays outside any transaction.
import { AppError } from '../../errors';
import { signatoryOf } from '../users/users';
import { letterheadOf } from '../settings/letterhead';
import { questionnairePdf, trainingAttestationsPdf, TrainingFacts } from '../../pdf/training';
import type { ServiceContext } from '../context';
import { DocumentFile, fileSlug, pdfFile } from '../common/documents';
import { getSettings } from '../settings/settings';
import { participantsOf, trainingSummary, TrainingSessionSummary } from './sessions';

const facts = (s: TrainingSessionSummary): TrainingFacts => ({
  kind: s.kind,
  theme: s.theme,
  startsOn: s.startsOn,
  endsOn: s.endsOn,
  place: s.place,
  trainer: s.trainer,
  hostStructureName: s.hostStructureName,
  durationHours: s.durationHours,
});

export async function printQuestionnaire(ctx: ServiceContext, input: { sessionId: number }): Promise<DocumentFile> {
  const session = trainingSummary(ctx.db, input.sessionId);
  const settings = getSettings(ctx);
  const pdf = await questionnairePdf({
    letterhead: letterheadOf(ctx.db),
    training: facts(session),
    knowledgeTypologies: settings.knowledgeTypologies,
  });
  ctx.audit('training.questionnaire', { type: 'trainingSession', id: session.id });
  return pdfFile(`questionnaire-formation-${session.startsOn}.pdf`, pdf);
}

function attestationSource(ctx: ServiceContext, sessionId: number) {
  const session = trainingSummary(ctx.db, sessionId);
  if (session.status !== 'held') throw new AppError('TRAINING_NOT_HELD');
  return {
    session,
    base: {
      letterhead: letterheadOf(ctx.db),
      signatory: signatoryOf(ctx.db, ctx.actor.userId),
      training: facts(session),
      issuedOn: ctx.today,
    },
    participants: participantsOf(ctx.db, sessionId),
  };
}

export async function printTrainingAttestation(ctx: ServiceContext, input: { participantId: number }): Promise<DocumentFile> {
  const sessionId = ctx.db.prepare('SELECT session_id FROM training_participants WHERE id = ?').pluck().get(input.participantId) as
    number | undefined;
  if (sessionId === undefined) throw new AppError('TRAINING_PARTICIPANT_NOT_FOUND');
  const { session, base, participants } = attestationSource(ctx, sessionId);
  const participant = participants.find((p) => p.id === input.participantId)!;
  const pdf = await trainingAttestationsPdf({ ...base, participants: [participant] });
  ctx.audit('training.attestation', { type: 'trainingSession', id: session.id }, `participant=${participant.id}`);
  return pdfFile(`attestation-formation-${session.startsOn}-${fileSlug(participant.name)}.pdf`, pdf);
}

export async function printTrainingAttestations(ctx: ServiceContext, input: { sessionId: number }): Promise<DocumentFile> {
  const { session, base, participants } = attestationSource(ctx, input.sessionId);
  if (participants.length === 0) throw new AppError('TRAINING_NO_PARTICIPANT');
  const pdf = await trainingAttestationsPdf({ ...base, participants });
  ctx.audit('training.attestations', { type: 'trainingSession', id: session.id }, `count=${participants.length}`);
  return pdfFile(`attestations-formation-${session.startsOn}-${session.id}.pdf`, pdf);
}
