// Errors that may reach the user. Each carries a stable code (for code and tests) and a French
// message (for people); the codes are split by domain like the contract and merged here. Anything
// else thrown is an internal error and is never shown as such.
import type { GateReason } from '../shared/gate-reason';
import { BACKUP_ERRORS } from './backup';
import { CHARTER_ERRORS } from './charter';
import { CLSM_ERRORS } from './clsm';
import { CORE_ERRORS } from './core';
import { MAIL_ERRORS } from './mail';
import { MEETINGS_ERRORS } from './meetings';
import { MINUTES_ERRORS } from './minutes';
import { PARTNERS_ERRORS } from './partners';
import { SITUATIONS_ERRORS } from './situations';
import { TRAINING_ERRORS } from './training';
import { USERS_ERRORS } from './users';
import { VAULT_ERRORS } from './vault';

export const ERROR_MESSAGES = {
  ...CORE_ERRORS,
  ...VAULT_ERRORS,
  ...USERS_ERRORS,
  ...PARTNERS_ERRORS,
  ...CHARTER_ERRORS,
  ...SITUATIONS_ERRORS,
  ...MEETINGS_ERRORS,
  ...MINUTES_ERRORS,
  ...MAIL_ERRORS,
  ...BACKUP_ERRORS,
  ...TRAINING_ERRORS,
  ...CLSM_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** Milliseconds before a new attempt is accepted (throttled passwords): the UI counts down. */
  retryAfterMs?: number;
  /** Per-field French messages for forms (invalid input). */
  fields?: Record<string, string>;
  /** Every failing gate, for the checklist of preconditions (GATE_REFUSED). */
  reasons?: GateReason[];
}

interface AppErrorOptions {
  message?: string;
  retryAfterMs?: number;
  alreadyAudited?: boolean;
  fields?: Record<string, string>;
  reasons?: GateReason[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  /** Set when the thrower already recorded the event, so the IPC layer does not log it twice. */
  readonly alreadyAudited: boolean;
  readonly fields: Record<string, string> | undefined;
  readonly reasons: GateReason[] | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.retryAfterMs = options.retryAfterMs;
    this.alreadyAudited = options.alreadyAudited ?? false;
    this.fields = options.fields;
    this.reasons = options.reasons;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.retryAfterMs !== undefined) payload.retryAfterMs = this.retryAfterMs;
    if (this.fields !== undefined) payload.fields = this.fields;
    if (this.reasons !== undefined) payload.reasons = this.reasons;
    return payload;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** A zod refusal as the user sees it: one sentence per field, the first ones summed up. */
export function invalidInput(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const messages = Object.values(fields);
  const message =
    messages.length === 1 ? messages[0]! : `Vérifiez les ${messages.length} champs signalés : ${messages.slice(0, 3).join(' ')}`;
  return new AppError('INVALID_INPUT', { message, fields });
}
