// The one contract between the UI and the main process. Each channel names its zod input schema,
// the type it returns and who may call it. The main process validates every payload against it;
// the preload and the dev host expose exactly these channels; the renderer imports its types only.
//
// To add a channel: add an entry here (`domain.action`), add its handler to the domain's module in
// `handlers/`, and a test that calls it through the dispatcher, including a refused payload.
import { z } from 'zod';
import type { ErrorPayload } from '../errors';
import type { AuditEvent, AuditVerification } from '../services/audit';
import { displayNameSchema, loginSchema, passwordSchema, Role, ROLES } from '../services/credentials';
import { channel, id, isoDay, noInput, returns } from './channel';
import { partnerChannels } from './contract-partners';
import type { UserSummary } from '../services/users';

const confirmation = z.string().min(1, { message: 'Confirmez avec votre mot de passe.' }).max(256);

/** Refinement: two password fields must match; the message lands on the confirmation field. */
const matching = (
  field: string,
  confirmationField: string,
): [(value: Record<string, unknown>) => boolean, { message: string; path: string[] }] => [
  (value) => value[field] === value[confirmationField],
  { message: 'Les deux mots de passe ne correspondent pas.', path: [confirmationField] },
];

const withNewPassword = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object(shape)
    .extend({ newPassword: passwordSchema, newPasswordConfirmation: z.string() })
    .strict()
    .refine(...matching('newPassword', 'newPasswordConfirmation'));

export interface SetupStatus {
  state: 'uninitialized' | 'locked' | 'unlocked' | 'db_missing' | 'keyring_missing';
  /** French explanation when the data folder cannot be opened as it is. */
  problem: string | null;
}

/** A generated document handed to the UI, which offers to save or print it. */
export interface DocumentFile {
  fileName: string;
  mimeType: 'application/pdf' | 'text/csv';
  base64: string;
}

export interface AppSettings {
  establishmentName: string;
  autoLockMinutes: number;
}

export interface SessionInfo {
  userId: number;
  login: string;
  displayName: string;
  role: Role;
  establishmentName: string | null;
  autoLockMinutes: number;
}

export const contract = {
  'setup.status': channel({ input: noInput, access: 'public', output: returns<SetupStatus>() }),
  'setup.initialize': channel({
    input: z
      .object({
        establishmentName: z.string().trim().min(1, { message: "Le nom de l'établissement est obligatoire." }).max(200),
        displayName: displayNameSchema,
        login: loginSchema,
        password: passwordSchema,
        passwordConfirmation: z.string(),
      })
      .strict()
      .refine(...matching('password', 'passwordConfirmation')),
    access: 'public',
    output: returns<{ recoveryKey: string; recoverySheet: DocumentFile }>(),
  }),

  'session.unlock': channel({
    input: z.object({ login: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    access: 'public',
    output: returns<SessionInfo>(),
  }),
  'session.recover': channel({
    input: withNewPassword({ recoveryKey: z.string().min(1).max(100), login: loginSchema }),
    access: 'public',
    output: returns<SessionInfo>(),
  }),
  'session.lock': channel({ input: noInput, access: 'public', output: returns<null>() }),
  'session.info': channel({ input: noInput, access: 'public', output: returns<SessionInfo | null>() }),
  /** User input seen by the UI: postpones the inactivity auto-lock. */
  'session.activity': channel({ input: noInput, access: 'authenticated', output: returns<null>() }),

  'settings.get': channel({ input: noInput, access: ['coordinator'], output: returns<AppSettings>() }),
  'settings.update': channel({
    input: z
      .object({
        establishmentName: z.string().trim().min(1, { message: "Le nom de l'établissement est obligatoire." }).max(200),
        autoLockMinutes: z
          .number({ message: 'Indiquez un nombre de minutes.' })
          .int({ message: 'Indiquez un nombre entier de minutes.' })
          .min(1, { message: 'Le verrouillage automatique doit intervenir après 1 minute au moins.' })
          .max(240, { message: 'Le verrouillage automatique doit intervenir avant 240 minutes.' }),
      })
      .strict(),
    access: ['coordinator'],
    output: returns<AppSettings>(),
  }),

  'users.list': channel({ input: noInput, access: ['coordinator'], output: returns<UserSummary[]>() }),
  'users.create': channel({
    input: z
      .object({
        login: loginSchema,
        displayName: displayNameSchema,
        role: z.enum(ROLES),
        password: passwordSchema,
        passwordConfirmation: z.string(),
        actorPassword: confirmation,
      })
      .strict()
      .refine(...matching('password', 'passwordConfirmation')),
    access: ['coordinator'],
    output: returns<UserSummary>(),
  }),
  'users.changePassword': channel({
    input: withNewPassword({ currentPassword: confirmation }),
    access: 'authenticated',
    output: returns<null>(),
  }),
  'users.resetPassword': channel({
    input: withNewPassword({ userId: id, actorPassword: confirmation }),
    access: ['coordinator'],
    output: returns<null>(),
  }),
  'users.disable': channel({
    input: z.object({ userId: id, actorPassword: confirmation }).strict(),
    access: ['coordinator'],
    output: returns<UserSummary>(),
  }),

  'audit.verify': channel({ input: noInput, access: ['coordinator'], output: returns<AuditVerification>() }),
  ...partnerChannels,

  'audit.list': channel({
    input: z
      .object({
        from: isoDay.optional(),
        to: isoDay.optional(),
        action: z.string().regex(/^[a-z][a-zA-Z]*(\.[a-zA-Z_]+)*$/, { message: 'Action inconnue.' }).max(80).optional(),
        outcome: z.enum(['success', 'refused', 'failure']).optional(),
        userId: id.optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    access: ['coordinator'],
    output: returns<{ events: AuditEvent[]; total: number }>(),
  }),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What the caller sends. */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What the handler receives, after parsing (trimmed, lower-cased, …). */
export type ChannelParsed<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { AuditEvent, AuditVerification, ErrorPayload, Role, UserSummary };
export type { Access } from './channel';
export type { CharterSignature, CharterVersionSummary, ImportReport, MemberSummary, StructureSummary } from './contract-partners';
