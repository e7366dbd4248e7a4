// The vault: the data folder (encrypted database + keyring), the unlocked session, and the only
// code that ever holds the master key. The key is never kept: it is unwrapped from a slot when a
// user proves a secret, used, and overwritten. Locking closes the database.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Db, openEncryptedDatabase } from '../../db/connection';
import { generateRecoveryKey, MASTER_KEY_BYTES, normalizeRecoveryKey, wipe } from '../../db/crypto';
import {
  createKeyring,
  KdfStrength,
  Keyring,
  makePasswordSlot,
  readKeyring,
  unlockWithPassword,
  unlockWithRecovery,
  withoutPasswordSlot,
  withPasswordSlot,
  writeKeyring,
} from '../../db/keyring';
import { migrate } from '../../db/migrate';
import { AppError } from '../errors';
import { appendAudit, AuditInput } from './audit';
import { assertPasswordPolicy, Role, secretBuffer } from './credentials';
import { Lockout } from './lockout';
import { writeSetting } from './settings';

export interface Session {
  userId: number;
  login: string;
  displayName: string;
  role: Role;
  unlockedAt: string;
}

export type LockReason = 'user' | 'inactivity' | 'system' | 'shutdown';

export interface VaultOptions {
  dataDir: string;
  now?: () => Date;
  /** argon2id strength for new slots; never below the floor enforced in db/crypto. */
  kdfStrength?: KdfStrength;
}

export type VaultState = 'uninitialized' | 'locked' | 'unlocked' | 'db_missing' | 'keyring_missing';

const MAX_PENDING_AUDIT = 500;

export class Vault {
  readonly dbPath: string;
  readonly keyringPath: string;
  private readonly lockout: Lockout;
  private readonly now: () => Date;
  private db: Db | null = null;
  private current: Session | null = null;
  /** Events that happened while locked (refused calls), written at the next unlock. */
  private pendingAudit: { event: AuditInput; at: Date }[] = [];
  private droppedAudit = 0;
  private lastActivityMs = 0;

  constructor(private readonly options: VaultOptions) {
    this.dbPath = join(options.dataDir, 'clsm.db');
    this.keyringPath = join(options.dataDir, 'clsm.keyring.json');
    this.now = options.now ?? (() => new Date());
    this.lockout = new Lockout(join(options.dataDir, 'clsm.lockout.json'), this.now);
  }

  state(): VaultState {
    if (this.db) return 'unlocked';
    const hasDb = existsSync(this.dbPath);
    const hasKeyring = existsSync(this.keyringPath);
    if (!hasDb && !hasKeyring) return 'uninitialized';
    if (!hasDb) return 'db_missing';
    if (!hasKeyring) return 'keyring_missing';
    return 'locked';
  }

  get session(): Session | null {
    return this.current;
  }

  /** Records user activity (any authenticated call): the inactivity auto-lock counts from here. */
  touch(): void {
    this.lastActivityMs = this.now().getTime();
  }

  /** Milliseconds since the last activity of the open session; 0 when locked. */
  idleMs(): number {
    return this.db ? Math.max(0, this.now().getTime() - this.lastActivityMs) : 0;
  }

  /** The open database; throws when locked so no service can run against a closed vault. */
  database(): Db {
    if (!this.db) throw new AppError('LOCKED');
    return this.db;
  }

  /** Writes to the trail now, or keeps the event until the next unlock when the trail is locked. */
  audit(event: AuditInput): void {
    if (this.db) {
      appendAudit(this.db, event, this.now());
      return;
    }
    if (this.pendingAudit.length >= MAX_PENDING_AUDIT) this.droppedAudit += 1;
    else this.pendingAudit.push({ event, at: this.now() });
  }

  async initialize(input: {
    establishmentName: string;
    login: string;
    displayName: string;
    password: string;
  }): Promise<{ recoveryKey: string }> {
    if (this.state() !== 'uninitialized') throw new AppError('ALREADY_INITIALIZED');
    assertPasswordPolicy(input.password);
    mkdirSync(this.options.dataDir, { recursive: true, mode: 0o700 });
    const masterKey = randomBytes(MASTER_KEY_BYTES);
    const password = secretBuffer(input.password);
    const recoveryKey = generateRecoveryKey();
    const recoverySecret = normalizeRecoveryKey(recoveryKey);
    if (!recoverySecret) throw new Error('generated recovery key does not parse');
    try {
      const keyring = await createKeyring(
        masterKey,
        { login: input.login, password },
        recoverySecret,
        this.options.kdfStrength,
      );
      const db = openEncryptedDatabase(this.dbPath, masterKey, { create: true });
      try {
        migrate(db);
        db.transaction(() => {
          const { lastInsertRowid } = db
            .prepare(
              `INSERT INTO users (login, display_name, role, created_at) VALUES (?, ?, 'coordinator', ?)`,
            )
            .run(input.login, input.displayName, this.now().toISOString());
          writeSetting(db, 'establishmentName', input.establishmentName);
          appendAudit(db, { userId: Number(lastInsertRowid), action: 'setup.initialize', outcome: 'success' }, this.now());
          // Last step inside the transaction: if the keyring cannot be written, nothing is kept.
          writeKeyring(this.keyringPath, keyring);
        })();
      } finally {
        db.close();
      }
    } catch (error) {
      if (!existsSync(this.keyringPath)) this.removeDatabaseFiles();
      throw error;
    } finally {
      wipe(masterKey, password, recoverySecret);
    }
    return { recoveryKey };
  }

  /**
   * Opens a session. Without a login (admin CLI), the password is tried against every user slot:
   * hospital IT checks "does this password open the database" without naming its owner.
   */
  async unlock(login: string | null, password: string): Promise<Session> {
    this.assertLockedAndPresent();
    this.assertNotThrottled();
    const keyring = readKeyring(this.keyringPath);
    const candidates = login !== null ? [login] : keyring.slots.flatMap((s) => (s.kind === 'password' ? [s.login] : []));
    const secret = secretBuffer(password);
    try {
      for (const candidate of candidates) {
        const masterKey = await unlockWithPassword(keyring, candidate, secret);
        if (!masterKey) continue;
        try {
          return this.openSession(masterKey, candidate, 'session.unlock');
        } finally {
          wipe(masterKey);
        }
      }
    } finally {
      wipe(secret);
    }
    throw this.failedAttempt('WRONG_PASSWORD');
  }

  /** Recovery: the recovery key opens the vault and sets a new password for a coordinator. */
  async recover(recoveryKey: string, login: string, newPassword: string): Promise<Session> {
    this.assertLockedAndPresent();
    this.assertNotThrottled();
    assertPasswordPolicy(newPassword);
    const keyring = readKeyring(this.keyringPath);
    const secret = normalizeRecoveryKey(recoveryKey);
    const masterKey = secret ? await unlockWithRecovery(keyring, secret).finally(() => wipe(secret)) : null;
    if (!masterKey) throw this.failedAttempt('WRONG_RECOVERY_KEY');
    const password = secretBuffer(newPassword);
    try {
      const slot = await makePasswordSlot(masterKey, login, password, this.options.kdfStrength);
      const session = this.openSession(masterKey, login, 'session.recover', { requireCoordinator: true });
      try {
        writeKeyring(this.keyringPath, withPasswordSlot(keyring, slot));
      } catch (error) {
        this.lock('system'); // the new password was not saved: do not leave a session open on it
        throw error;
      }
      this.audit({ userId: session.userId, action: 'users.passwordReset', objectType: 'user', objectId: session.userId, outcome: 'success', detail: 'via=recovery' });
      return session;
    } finally {
      wipe(masterKey, password);
    }
  }

  lock(reason: LockReason = 'user'): void {
    if (!this.db) return;
    if (this.current) {
      this.audit({ userId: this.current.userId, action: 'session.lock', outcome: 'success', detail: `reason=${reason}` });
    }
    this.db.close();
    this.db = null;
    this.current = null;
  }

  /**
   * Runs `use` with the master key unwrapped from `login`'s slot by `password`, then overwrites it.
   * This is how sensitive operations "ask for the password again" (DESIGN §5).
   */
  async withMasterKey<T>(login: string, password: string, use: (masterKey: Buffer, keyring: Keyring) => Promise<T> | T): Promise<T> {
    this.database();
    // Same throttle as unlocking: an unattended open session must not let anyone guess the password.
    this.assertNotThrottled(false);
    const keyring = readKeyring(this.keyringPath);
    const secret = secretBuffer(password);
    const masterKey = await unlockWithPassword(keyring, login, secret).finally(() => wipe(secret));
    if (!masterKey) {
      const retryAfterMs = this.lockout.recordFailure({ audited: true });
      throw new AppError('CONFIRMATION_REQUIRED', {
        message: `Mot de passe de confirmation incorrect. Nouvel essai possible dans ${Math.ceil(retryAfterMs / 1000)} s.`,
        retryAfterMs,
      });
    }
    this.lockout.clearDelay();
    try {
      return await use(masterKey, keyring);
    } finally {
      wipe(masterKey);
    }
  }

  /** Prepares a slot for `login` (slow: argon2id) without writing it. */
  makeSlot(masterKey: Buffer, login: string, password: string) {
    assertPasswordPolicy(password);
    const secret = secretBuffer(password);
    return makePasswordSlot(masterKey, login, secret, this.options.kdfStrength).finally(() => wipe(secret));
  }

  saveKeyring(keyring: Keyring): void {
    writeKeyring(this.keyringPath, keyring);
  }

  removeSlot(login: string): void {
    writeKeyring(this.keyringPath, withoutPasswordSlot(readKeyring(this.keyringPath), login));
  }

  private openSession(
    masterKey: Buffer,
    login: string,
    action: 'session.unlock' | 'session.recover',
    options: { requireCoordinator?: boolean } = {},
  ): Session {
    const db = openEncryptedDatabase(this.dbPath, masterKey, { create: false });
    try {
      migrate(db);
      const user = db
        .prepare('SELECT id, login, display_name, role, active FROM users WHERE login = ?')
        .get(login) as { id: number; login: string; display_name: string; role: Role; active: number } | undefined;
      if (!user || user.active !== 1) throw new AppError(user ? 'USER_INACTIVE' : 'WRONG_PASSWORD');
      if (options.requireCoordinator && user.role !== 'coordinator') throw new AppError('NOT_A_COORDINATOR');
      this.db = db;
      this.current = {
        userId: user.id,
        login: user.login,
        displayName: user.display_name,
        role: user.role,
        unlockedAt: this.now().toISOString(),
      };
    } catch (error) {
      db.close();
      throw error;
    }
    this.lastActivityMs = this.now().getTime();
    this.flushPendingAudit(this.current.userId);
    this.audit({ userId: this.current.userId, action, outcome: 'success' });
    return this.current;
  }

  private flushPendingAudit(userId: number): void {
    const failures = this.lockout.takeUnreported();
    if (failures > 0) {
      this.audit({ userId: null, action: 'session.unlockFailures', outcome: 'failure', detail: `count=${failures}` });
    }
    const pending = this.pendingAudit;
    this.pendingAudit = [];
    for (const { event, at } of pending) appendAudit(this.database(), event, at);
    if (this.droppedAudit > 0) {
      this.audit({ userId, action: 'audit.overflow', outcome: 'failure', detail: `dropped=${this.droppedAudit}` });
      this.droppedAudit = 0;
    }
  }

  private assertLockedAndPresent(): void {
    const state = this.state();
    if (state === 'unlocked') this.lock('user');
    if (state === 'uninitialized') throw new AppError('NOT_INITIALIZED');
    if (state === 'db_missing') throw new AppError('DB_MISSING');
    if (state === 'keyring_missing') throw new AppError('KEYRING_MISSING');
  }

  /** `locked`: while locked the trail cannot be written, the lockout file counts for it. */
  private assertNotThrottled(locked = true): void {
    const retryAfterMs = this.lockout.retryAfterMs();
    if (retryAfterMs > 0) {
      throw new AppError('UNLOCK_DELAY', {
        message: `Trop de tentatives échouées. Réessayez dans ${Math.ceil(retryAfterMs / 1000)} s.`,
        retryAfterMs,
        alreadyAudited: locked,
      });
    }
  }

  private failedAttempt(code: 'WRONG_PASSWORD' | 'WRONG_RECOVERY_KEY'): AppError {
    const retryAfterMs = this.lockout.recordFailure();
    const base = code === 'WRONG_PASSWORD' ? 'Identifiant ou mot de passe incorrect.' : 'Clé de récupération incorrecte.';
    return new AppError(code, {
      message: `${base} Nouvel essai possible dans ${Math.ceil(retryAfterMs / 1000)} s.`,
      retryAfterMs,
      alreadyAudited: true,
    });
  }

  private removeDatabaseFiles(): void {
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.dbPath + suffix, { force: true });
  }
}
