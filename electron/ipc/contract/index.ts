// The one contract between the UI and the main process, merged from one module per domain. Each
// channel names its zod input schema, the type it returns, who may call it and whether it reads or
// writes. The main process validates every payload against it; the preload and the dev host expose
// the names in shared/channels.ts (checked equal below); the renderer imports its types only.
//
// To add a channel: add it to the domain's module here, its name to shared/channels.ts and its
// label to shared/audit-actions.ts, its handler to handlers/<domain>.ts, and a test through the
// typed client, including a refused payload. The compiler refuses any of these missing.
import type { z } from 'zod';
import type { AuditAction } from '../../shared/audit-actions';
import type { ChannelName } from '../../shared/channels';
import { auditChannels } from './audit';
import { backupChannels } from './backup';
import { charterChannels } from './charter';
import { consentsChannels } from './consents';
import { draftsChannels } from './drafts';
import { actionsChannels, meetingsChannels } from './meetings';
import { minutesChannels, signingChannels } from './minutes';
import { partnersChannels } from './partners';
import { recoveryChannels } from './recovery';
import { retentionChannels } from './retention';
import { sessionChannels } from './session';
import { settingsChannels } from './settings';
import { situationsChannels } from './situations';
import { setupChannels } from './setup';
import type { SchemaOf } from './shared';
import { clsmChannels } from './clsm';
import { evaluationChannels, trainingChannels } from './training';
import { usersChannels } from './users';

export const contract = {
  ...setupChannels,
  ...sessionChannels,
  ...settingsChannels,
  ...usersChannels,
  ...recoveryChannels,
  ...auditChannels,
  ...partnersChannels,
  ...charterChannels,
  ...situationsChannels,
  ...consentsChannels,
  ...meetingsChannels,
  ...actionsChannels,
  ...signingChannels,
  ...minutesChannels,
  ...backupChannels,
  ...retentionChannels,
  ...trainingChannels,
  ...clsmChannels,
  ...evaluationChannels,
  ...draftsChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What the caller sends. */
export type ChannelInput<C extends Channel> = z.input<SchemaOf<Contract[C]['input']>>;
/** What the handler receives, after parsing (trimmed, lower-cased, …). */
export type ChannelParsed<C extends Channel> = z.output<SchemaOf<Contract[C]['input']>>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

// The names list and the contract are the same set; every channel is an audit action.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<Channel, ChannelName> = true;
const channelsAudited: Same<Channel & AuditAction, Channel> = true;
void namesMatch;
void channelsAudited;

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { Access, Effect, Result, DocumentFile } from './shared';
export type { ErrorPayload } from '../../errors';
export type * from './meetings';
export type * from './minutes';
export type * from './backup';
export type * from './retention';
export type * from './training';
export type * from './clsm';
export type { ArchiveResult, ArchiveStatus } from './audit';
export type { GateReason } from '../../shared/gate-reason';
export type { AuditEvent } from '../../services/audit/trail';
export type { AuditVerification } from '../../services/audit/verify';
export type { DescribedEvent, JournalPage } from '../../services/audit/describe';
export type { UserSummary } from '../../services/users/users';
export type { AppSettings } from '../../services/settings/settings';
export type { LetterheadView } from '../../services/settings/letterhead';
export type { MailFolderView } from '../../services/mail/folder';
export type { Role } from '../../shared/vocabulary';
export type { SetupStatus } from './setup';
export type { Area, SessionInfo } from './session';
export type { ImportReport, MemberChoice, MemberSummary, Page, StructureChoice, StructureSummary } from './partners';
export type { CharterSignature, CharterVersionSummary } from './charter';
export type { NewRecoveryKey } from './recovery';
export type { KeyRotation } from '../../services/users/rotation';
export type * from './situations';
export type { ConsentView } from './consents';
export type { DraftView } from './drafts';
export type { Precondition } from '../../services/situations/preconditions';
