import { evaluationIndicators, exportEvaluation } from '../../services/evaluation/service';
import { printQuestionnaire, printTrainingAttestation, printTrainingAttestations } from '../../services/training/documents';
import { addParticipant, recordQuestionnaire, removeParticipant, removeQuestionnaire } from '../../services/training/participants';
import { listTrainingSessions, removeTrainingSession, saveTrainingSession, trainingDetail } from '../../services/training/sessions';
import type { DomainHandlers } from '../dispatcher';

export const trainingHandlers: DomainHandlers<'training'> = {
  'training.list': (ctx) => listTrainingSessions(ctx),
  'training.get': trainingDetail,
  'training.save': saveTrainingSession,
  'training.remove': removeTrainingSession,
  'training.addParticipant': addParticipant,
  'training.removeParticipant': removeParticipant,
  'training.recordQuestionnaire': recordQuestionnaire,
  'training.removeQuestionnaire': removeQuestionnaire,
  'training.questionnaire': printQuestionnaire,
  'training.attestation': printTrainingAttestation,
  'training.attestations': printTrainingAttestations,
};

export const evaluationHandlers: DomainHandlers<'evaluation'> = {
  'evaluation.indicators': evaluationIndicators,
  'evaluation.export': exportEvaluation,
};
