// The vault: the data folder (encrypted database + keyring), the unlocked session, and the only
// code that opens the database. The master key is never kept: it is unwrapped when a user proves a
// secret, used, and overwritten. Locking closes the database. Unlocks, recoveries, initialisation
// and keyring mutations run one at a time (`exclusive`).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Db, openEncryptedDatabase } from '../../../db/connection';
import { generateRecoveryKey, MASTER_KEY_BYTES, normalizeRecoveryKey, wipe } from '../../../db/crypto';
import { createKeyring, KdfStrength, newDatabaseId, writeKeyring } from '../../../db/keyring';
import { migrate } from '../../../db/migrate';
import { AppError, invalidInput } from '../../errors';
import { Clock, nowIso, systemClock } from '../../shared/dates';
import type { Role } from '../../shared/vocabulary';
import { appendAudit, AuditInput } from '../audit/trail';
import { appendGenesis } from '../audit/verify';
import { readSetting, writeSetting } from '../settings/store';
import { AuditBuffer } from './audit-buffer';
import { DataFolder, VaultState } from './data-folder';
import { assertPasswordPolicy, KeyringService, secretBuffer } from './keyring-service';
import { Lockout } from './lockout';
import { setupFields, SetupFields } from './schema';
import { planRotation, stageRotation, TemporaryPassword } from './rotation';
import { SerialQueue } from './serial';
import { commitSwap, settleSwap } from './swap';
import { LockListener, LockReason, Session, SessionState } from './session';

export interface VaultOptions {
  dataDir: string;
  now?: Clock;
  /** argon2id strength for new slots; never below the floor enforced in db/crypto. */
  kdfStrength?: KdfStrength;
  /** Opens the encrypted database (tests count connections through it). */
  openDatabase?: typeof openEncryptedDatabase;
  /** Test seam: runs between the steps of a set-up, so a test can kill the process there. */
  onSetupStep?: (step: 'database' | 'keyring') => void;
  /** Test seam: the same, between the steps of a key rotation. */
  onRotationStep?: (step: 'staged' | 'committed') => void;
}

export interface UnlockOptions {
  /** Runs on the database as found, before the unlock writes anything (migration, audit events). */
  inspect?: (db: Db) => void;
}

export class Vault {
  readonly folder: DataFolder;
  readonly keys: KeyringService;
  private readonly lockout: Lockout;
  private readonly clock: Clock;
  private readonly open: typeof openEncryptedDatabase;
  private readonly sessions: SessionState;
  private readonly buffer: AuditBuffer;
  private readonly serial = new SerialQueue();
  private db: Db | null = null;
  /** What the unlock found wrong with the folder (a throttle file deleted…), in French, until the lock. */
  private notices: string[] = [];

  constructor(private readonly options: VaultOptions) {
    this.folder = new DataFolder(options.dataDir);
    this.clock = options.now ?? systemClock;
    this.open = options.openDatabase ?? openEncryptedDatabase;
    this.lockout = new Lockout(this.folder.lockoutPath, this.clock);
    this.buffer = new AuditBuffer(this.folder.pendingAuditPath);
    this.keys = new KeyringService(this.folder.keyringPath, this.lockout, options.kdfStrength);
    this.sessions = new SessionState(this.clock);
    // A key rotation interrupted by a crash: finished if it was committed, forgotten otherwise.
    settleSwap(this.folder);
    this.folder.removeStaleTemporaryFiles();
  }

  get dbPath(): string {
    return this.folder.dbPath;
  }

  /** The id the audit trail's genesis names; null for a keyring written before it existed. */
  databaseId(): string | null {
    return this.keys.read().databaseId ?? null;
  }

  state(): VaultState {
    return this.db ? 'unlocked' : this.folder.state();
  }

  get session(): Session | null {
    return this.sessions.session;
  }

  /** Records user activity (any authenticated call): the inactivity auto-lock counts from here. */
  touch(): void {
    this.sessions.touch();
  }

  /** Milliseconds since the last activity of the open session; 0 when locked. */
  idleMs(): number {
    return this.sessions.idleMs();
  }

  private autoLockLimit: (() => number) | null = null;

  /** Set by the auto-lock that watches this vault: the UI is told how long is left before it locks. */
  watchedBy(limitMs: () => number): void {
    this.autoLockLimit = limitMs;
  }

  /** Milliseconds before the auto-lock, or null when nothing watches the session. */
  lockInMs(): number | null {
    return this.session && this.autoLockLimit ? Math.max(0, this.autoLockLimit() - this.idleMs()) : null;
  }

  onLock(listener: LockListener): () => void {
    return this.sessions.onLock(listener);
  }

  /** The open database; throws when locked so no service can run against a closed vault. */
  database(): Db {
    if (!this.db) throw new AppError('LOCKED');
    return this.db;
  }

  /** Writes to the trail now, or keeps the event until the next unlock when the trail is locked. */
  audit(event: AuditInput): void {
    if (this.db) appendAudit(this.db, event, this.clock());
    else this.buffer.push(event, this.clock());
  }

  /** Runs `task` alone: no unlock, recovery or other keyring mutation interleaves with it. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.serial.run(task);
  }

  initialize(input: SetupFields): Promise<{ recoveryKey: string }> {
    return this.serial.run(() => this.initializeNow(input));
  }

  /**
   * Opens a session. Without a login (admin CLI), the password is tried against every user slot:
   * hospital IT checks "does this password open the database" without naming its owner.
   */
  unlock(login: string | null, password: string, options: UnlockOptions = {}): Promise<Session> {
    return this.serial.run(async () => {
      this.assertLockedAndPresent();
      this.assertNotThrottled();
      const candidates = login !== null ? [login] : this.keys.read().slots.flatMap((s) => (s.kind === 'password' ? [s.login] : []));
      for (const candidate of candidates) {
        const masterKey = await this.keys.openWithPassword(candidate, password);
        if (!masterKey) continue;
        try {
          return this.openSession(masterKey, candidate, 'session.unlock', options);
        } finally {
          wipe(masterKey);
        }
      }
      throw this.failedAttempt('WRONG_PASSWORD');
    });
  }

  /** Recovery: the recovery key opens the vault and sets a new password for a coordinator. */
  recover(recoveryKey: string, login: string, newPassword: string): Promise<Session> {
    return this.serial.run(async () => {
      this.assertLockedAndPresent();
      this.assertNotThrottled();
      assertPasswordPolicy(newPassword);
      const masterKey = await this.keys.openWithRecovery(recoveryKey);
      if (!masterKey) throw this.failedAttempt('WRONG_RECOVERY_KEY');
      try {
        const slot = await this.keys.makeSlot(masterKey, login, newPassword);
        const session = this.openSession(masterKey, login, 'session.recover', { requireCoordinator: true });
        try {
          this.keys.storeSlot(slot);
          // The coordinator chose this password: nothing to change at the next unlock.
          this.database().prepare('UPDATE users SET must_change_password = 0 WHERE id = ?').run(session.userId);
          // The key left its envelope: the app asks for a new one until it is made.
          writeSetting(this.database(), 'recoveryKeyUsedAt', nowIso(this.clock));
        } catch (error) {
          this.lock('system'); // the new password was not saved: do not leave a session open on it
          throw error;
        }
        this.audit({
          userId: session.userId,
          action: 'users.passwordReset',
          objectType: 'user',
          objectId: session.userId,
          outcome: 'success',
          detail: 'via=recovery',
        });
        return session;
      } finally {
        wipe(masterKey);
      }
    });
  }

  /**
   * Replaces the master key (see rotation.ts); the coordinator's password is asked again. Runs in
   * the caller's `exclusive` (the IPC job, the CLI). The session goes on, on the new key.
   */
  async rotateKey(login: string, password: string): Promise<{ recoveryKey: string; temporaryPasswords: TemporaryPassword[] }> {
    const actor = this.sessions.session;
    if (!actor || actor.login !== login || actor.role !== 'coordinator') throw new AppError('FORBIDDEN');
    return this.keys.confirm(login, password, async (oldKey) => {
      const newKey = randomBytes(MASTER_KEY_BYTES);
      try {
        const plan = await planRotation(this.database(), this.keys, actor, password, newKey);
        // From here to the swap, synchronous: no other call can write between the copy and the swap.
        stageRotation(this.database(), this.folder, oldKey, plan, actor, this.clock);
        this.db?.close();
        this.db = null;
        this.options.onRotationStep?.('staged');
        commitSwap(this.folder);
        this.options.onRotationStep?.('committed');
        settleSwap(this.folder);
        try {
          this.db = this.open(this.folder.dbPath, newKey, { create: false });
        } catch (error) {
          this.sessions.end('system');
          throw error;
        }
        return { recoveryKey: plan.recoveryKey, temporaryPasswords: plan.temporaryPasswords };
      } finally {
        wipe(newKey);
      }
    });
  }

  lock(reason: LockReason = 'user'): void {
    if (!this.db) return;
    const session = this.sessions.session;
    if (session) this.audit({ userId: session.userId, action: 'session.lock', outcome: 'success', detail: `reason=${reason}` });
    this.db.close();
    this.db = null;
    this.notices = [];
    this.sessions.end(reason);
  }

  /** For the coordination, at the unlock: what was found wrong with the data folder meanwhile. */
  unlockNotices(): readonly string[] {
    return this.notices;
  }

  private async initializeNow(input: SetupFields): Promise<{ recoveryKey: string }> {
    // The one rule for a first account, whoever calls (set-up screen, CLI): a name never becomes a login.
    const parsed = setupFields.safeParse(input);
    if (!parsed.success) throw invalidInput(parsed.error.issues);
    const fields = parsed.data;
    if (this.state() !== 'uninitialized') throw new AppError('ALREADY_INITIALIZED');
    const staging = this.folder.beginSetup();
    const masterKey = randomBytes(MASTER_KEY_BYTES);
    const password = secretBuffer(fields.password);
    const recoveryKey = generateRecoveryKey();
    const recoverySecret = normalizeRecoveryKey(recoveryKey);
    if (!recoverySecret) throw new Error('generated recovery key does not parse');
    const databaseId = newDatabaseId();
    try {
      const keyring = await createKeyring(
        masterKey,
        { login: fields.login, password },
        recoverySecret,
        databaseId,
        this.options.kdfStrength,
      );
      const db = this.open(staging.dbPath, masterKey, { create: true });
      try {
        migrate(db, { clock: this.clock });
        db.transaction(() => {
          appendGenesis(db, databaseId, this.clock());
          const { lastInsertRowid } = db
            .prepare(`INSERT INTO users (login, display_name, role, created_at) VALUES (?, ?, 'coordinator', ?)`)
            .run(fields.login, fields.displayName, nowIso(this.clock));
          writeSetting(db, 'establishmentName', fields.establishmentName);
          appendAudit(db, { userId: Number(lastInsertRowid), action: 'setup.initialize', outcome: 'success' }, this.clock());
        })();
      } finally {
        db.close();
      }
      this.options.onSetupStep?.('database');
      writeKeyring(staging.keyringPath, keyring);
      this.options.onSetupStep?.('keyring');
      this.folder.completeSetup(staging);
    } catch (error) {
      rmSync(staging.dir, { recursive: true, force: true });
      throw error;
    } finally {
      wipe(masterKey, password, recoverySecret);
    }
    return { recoveryKey };
  }

  private openSession(
    masterKey: Buffer,
    login: string,
    action: 'session.unlock' | 'session.recover',
    options: UnlockOptions & { requireCoordinator?: boolean } = {},
  ): Session {
    const db = this.open(this.folder.dbPath, masterKey, { create: false });
    let session: Session;
    try {
      options.inspect?.(db);
      migrate(db, { clock: this.clock });
      const user = db.prepare('SELECT id, login, display_name, role, active FROM users WHERE login = ?').get(login) as
        { id: number; login: string; display_name: string; role: Role; active: number } | undefined;
      if (!user || user.active !== 1) throw new AppError(user ? 'USER_INACTIVE' : 'WRONG_PASSWORD');
      if (options.requireCoordinator && user.role !== 'coordinator') throw new AppError('NOT_A_COORDINATOR');
      session = { userId: user.id, login: user.login, displayName: user.display_name, role: user.role, unlockedAt: nowIso(this.clock) };
    } catch (error) {
      db.close();
      throw error;
    }
    this.db = db;
    this.sessions.start(session);
    this.reportLockout(db);
    this.buffer.flush(db, session.userId, this.clock());
    this.audit({ userId: session.userId, action, outcome: 'success' });
    return session;
  }

  private assertLockedAndPresent(): void {
    const state = this.state();
    if (state === 'unlocked') this.lock('user');
    if (state === 'uninitialized') throw new AppError('NOT_INITIALIZED');
    if (state === 'db_missing') throw new AppError('DB_MISSING');
    if (state === 'keyring_missing') throw new AppError('KEYRING_MISSING');
  }

  /** While locked the trail cannot be written: the lockout file counts the refusals for it. */
  private assertNotThrottled(): void {
    const retryAfterMs = this.lockout.admit();
    if (retryAfterMs > 0) throw new AppError('UNLOCK_DELAY', { retryAfterMs, alreadyAudited: true });
  }

  /**
   * What the throttle counted while locked, now written to the trail; and whether its file was
   * deleted or put back to an older copy since the last unlock (its `total` never goes down).
   */
  private reportLockout(db: Db): void {
    const report = this.lockout.takeUnreported();
    const seen = readSetting(db, 'lockoutWatermark');
    const failure = (action: AuditInput['action'], detail: string) => this.audit({ userId: null, action, outcome: 'failure', detail });
    const tampered = seen !== null && (!report.present || report.total < seen);
    if (seen !== null && !report.present) failure('session.lockoutMissing', `file=missing,seen=${seen}`);
    else if (seen !== null && report.total < seen) failure('session.lockoutMissing', `file=older,seen=${seen},found=${report.total}`);
    this.notices = tampered
      ? [
          'Le compteur des essais de mot de passe a été supprimé ou remplacé par une copie antérieure depuis le dernier déverrouillage : ' +
            'des échecs ont pu être effacés. L’événement est inscrit au journal d’audit ; signalez-le au service informatique.',
        ]
      : [];
    if (report.resets > 0) failure('session.lockoutReset', `count=${report.resets}`);
    if (report.failures > 0) failure('session.unlockFailures', `count=${report.failures}`);
    if (report.delays > 0) failure('session.unlockDelays', `count=${report.delays}`);
    if (seen !== report.total) writeSetting(db, 'lockoutWatermark', report.total);
  }

  private failedAttempt(code: 'WRONG_PASSWORD' | 'WRONG_RECOVERY_KEY'): AppError {
    return new AppError(code, { retryAfterMs: this.lockout.recordFailure(), alreadyAudited: true });
  }
}
