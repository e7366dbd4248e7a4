import { z } from 'zod';
import { noInput, id } from '../../services/common/schema';
import { exportInput } from '../../services/evaluation/service';
import { periodInput } from '../../services/evaluation/period';
import type { BreakdownRow, EvaluationReport, Indicator, IndicatorSection } from '../../services/evaluation/indicators';
import { participantInput, participantRef, questionnaireInput, sessionRef, trainingSessionInput } from '../../services/training/schema';
import type {
  QuestionnaireView,
  TrainingParticipantView,
  TrainingSessionDetail,
  TrainingSessionSummary,
} from '../../services/training/sessions';
import { channel, DocumentFile, EDITORS, EVERYONE, returns } from './shared';

const byId = z.object({ id }).strict();
const EVALUATORS = ['coordinator', 'animateur'] as const;

export const trainingChannels = {
  'training.list': channel({ input: noInput, access: EVERYONE, effect: 'read', output: returns<TrainingSessionSummary[]>() }),
  'training.get': channel({ input: byId, access: EVERYONE, effect: 'read', output: returns<TrainingSessionDetail>() }),
  'training.save': channel({ input: trainingSessionInput, access: EDITORS, effect: 'write', output: returns<TrainingSessionDetail>() }),
  'training.remove': channel({ input: byId, access: EDITORS, effect: 'write', output: returns<{ removed: true }>() }),
  'training.addParticipant': channel({
    input: participantInput,
    access: EDITORS,
    effect: 'write',
    output: returns<TrainingSessionDetail>(),
  }),
  'training.removeParticipant': channel({
    input: participantRef,
    access: EDITORS,
    effect: 'write',
    output: returns<TrainingSessionDetail>(),
  }),
  'training.recordQuestionnaire': channel({
    input: questionnaireInput,
    access: EDITORS,
    effect: 'write',
    output: returns<TrainingSessionDetail>(),
  }),
  'training.removeQuestionnaire': channel({ input: byId, access: EDITORS, effect: 'write', output: returns<TrainingSessionDetail>() }),
  'training.questionnaire': channel({ input: sessionRef, access: EDITORS, effect: 'read', output: returns<DocumentFile>() }),
  'training.attestation': channel({ input: participantRef, access: EDITORS, effect: 'read', output: returns<DocumentFile>() }),
  'training.attestations': channel({ input: sessionRef, access: EDITORS, effect: 'read', output: returns<DocumentFile>() }),
};

export const evaluationChannels = {
  'evaluation.indicators': channel({ input: periodInput, access: EVALUATORS, effect: 'read', output: returns<EvaluationReport>() }),
  'evaluation.export': channel({ input: exportInput, access: EVALUATORS, effect: 'read', output: returns<DocumentFile>() }),
};

export type {
  BreakdownRow,
  EvaluationReport,
  Indicator,
  IndicatorSection,
  QuestionnaireView,
  TrainingParticipantView,
  TrainingSessionDetail,
  TrainingSessionSummary,
};
