// The one context every service receives, built by the dispatcher for each call: the open
// database, the injected clock, today in Europe/Paris, the acting user, the keyring, and the audit
// writer. On a write channel, everything done through it — the change and its audit events — is
// inside one transaction owned by the dispatcher.
import type { Db } from '../../db/connection';
import type { AuditAction, AuditObjectType } from '../shared/audit-actions';
import { AppError } from '../errors';
import { today, type Clock, type Day } from '../shared/dates';
import type { KeyringService } from './vault/keyring-service';
import type { Session } from './vault/session';

export interface AuditObject {
  type: AuditObjectType;
  /** Absent for an object taken as a whole (the directory). */
  id?: number | string;
}

/** Whose gate facts changed: one situation's, the situations on one meeting's agenda, or any situation's. */
export type GateFactsScope = { situationId: number } | { meetingId: number } | { everywhere: true };

/**
 * What services call without importing the services that answer (no cycle): wired once, above the
 * services, by `services/hooks.ts`, and given to every context.
 */
export interface ServiceHooks {
  gateFactsChanged(ctx: ServiceContext, scope: GateFactsScope): void;
}

export interface ServiceContext {
  /** The open database (throws LOCKED if the session ended meanwhile). */
  readonly db: Db;
  readonly clock: Clock;
  /** Today in Europe/Paris, fixed for the whole call. */
  readonly today: Day;
  readonly actor: Session;
  readonly keys: KeyringService;
  /** Records an event, a success unless said: codes and identifiers only, never a name. */
  audit(action: AuditAction, object?: AuditObject | null, detail?: string | null, outcome?: 'success' | 'failure'): void;
  /**
   * Called by every change of a situation's gate facts — a consent, a structure (G4), the charter or
   * a member (G3), a setting, a meeting's day: the agendas of meetings not yet held are swept, and
   * an item that no longer passes is dropped with its reasons.
   */
  gateFactsChanged(scope: GateFactsScope): void;
}

/** Vault lifecycle channels (set-up, unlock, lock) run without a session. */
export interface PublicContext {
  readonly vault: import('./vault/vault').Vault;
  readonly clock: Clock;
}

/** A job's context (backup, restore): the session's, and the vault whose files it works on. */
export type VaultContext = ServiceContext & { readonly vault: import('./vault/vault').Vault };

/** The context of the vault's open session: the dispatcher's for each call, the CLI's for a command. */
export function sessionContext(vault: import('./vault/vault').Vault, clock: Clock, hooks: ServiceHooks): ServiceContext {
  const session = vault.session;
  if (!session) throw new AppError('NOT_AUTHENTICATED');
  // The name as it is now: a corrected display name signs the next document at once.
  const current = vault.database().prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(session.userId) as string | undefined;
  const actor = current === undefined ? session : { ...session, displayName: current };
  const ctx: ServiceContext = {
    get db() {
      return vault.database();
    },
    clock,
    today: today(clock),
    actor,
    keys: vault.keys,
    audit: (action, object, detail, outcome = 'success') =>
      vault.audit({
        userId: actor.userId,
        action,
        objectType: object?.type ?? null,
        objectId: object?.id ?? null,
        outcome,
        detail: detail ?? null,
      }),
    gateFactsChanged: (scope) => hooks.gateFactsChanged(ctx, scope),
  };
  return ctx;
}
