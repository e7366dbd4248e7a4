// The renderer's only way to the main process: `window.clsm`, installed by the preload (Electron)
// or by the dev host adapter (browser). Types come from the contract; no code does.
import type { ClsmApi } from '../../electron/ipc/api';
import type { ErrorPayload } from '../../electron/ipc/contract';

declare global {
  interface Window {
    clsm: ClsmApi;
  }
}

export const api: ClsmApi = window.clsm;

export type ApiError = ErrorPayload;

export type {
  ArchiveResult,
  ArchiveStatus,
  PurgeCandidate,
  DestroyResult,
  MinutesCandidate,
  PurgeResult,
  RetentionOverview,
  BackupProgress,
  BackupStatus,
  BackupSummary,
  BackupVerification,
  RestoreSummary,
  ActionView,
  AgendaCandidate,
  AgendaItemView,
  AttendanceView,
  ItemSession,
  OwnerChoices,
  ConvocationStatus,
  ConvocationDrafts,
  ExtractDraft,
  MailFolderView,
  MeetingDetail,
  MeetingsDashboard,
  MeetingSummary,
  CertificatesOverview,
  CertificateView,
  MinutesStatus,
  Recipient,
  SignedDocumentView,
  ConsentView,
  GateAnswer,
  HistoryEntry,
  PossibleDuplicate,
  Precondition,
  ReconfirmationDue,
  RegistryEntry,
  SituationDetail,
  SituationsDashboard,
  SituationSummary,
  CharterSignature,
  NewRecoveryKey,
  KeyRotation,
  Page,
  StructureChoice,
  CharterVersionSummary,
  ImportReport,
  MemberSummary,
  StructureSummary,
  Area,
  AppSettings,
  LetterheadView,
  GateReason,
  AuditEvent,
  DescribedEvent,
  AuditVerification,
  DocumentFile,
  Result,
  Role,
  BreakdownRow,
  ClsmMeetingView,
  EvaluationReport,
  Indicator,
  IndicatorSection,
  QuestionnaireView,
  ToolView,
  TrainingParticipantView,
  TrainingSessionDetail,
  TrainingSessionSummary,
  SessionInfo,
  SetupStatus,
  UserSummary,
} from '../../electron/ipc/contract';
