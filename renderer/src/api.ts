// The renderer's only way to the main process: `window.clsm`, installed by the preload (Electron)
// or by the dev host adapter (browser). Types come from the contract; no code does.
import type { ClsmApi } from '../../electron/ipc/api';
import type { ErrorPayload, Result } from '../../electron/ipc/contract';

declare global {
  interface Window {
    clsm: ClsmApi;
  }
}

export const api: ClsmApi = window.clsm;

export type ApiError = ErrorPayload;

/** The value of a successful call, or the error to show. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<{ value: T; error: null } | { value: null; error: ApiError }> {
  const result = await call;
  return result.ok ? { value: result.value, error: null } : { value: null, error: result.error };
}

export type {
  CharterSignature,
  CharterVersionSummary,
  ImportReport,
  MemberSummary,
  StructureSummary,
  AppSettings,
  AuditEvent,
  AuditVerification,
  DocumentFile,
  Role,
  SessionInfo,
  SetupStatus,
  UserSummary,
} from '../../electron/ipc/contract';
