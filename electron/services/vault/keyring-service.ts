// The keyring as a service: password slots, the recovery slot, and "ask the password again".
// Slow work (argon2id) happens in `confirm` and `makeSlot`, outside any database transaction;
// `storeSlot` and `removeSlot` re-read the file and write it in one synchronous step, so a slot
// prepared meanwhile by another operation is never overwritten.
import {
  KdfStrength,
  Keyring,
  makePasswordSlot,
  makeRecoverySlot,
  RecoverySlot,
  withRecoverySlot,
  PasswordSlot,
  readKeyring,
  unlockWithPassword,
  unlockWithRecovery,
  withoutPasswordSlot,
  withPasswordSlot,
  writeKeyring,
} from '../../../db/keyring';
import { generateRecoveryKey, normalizeRecoveryKey, wipe } from '../../../db/crypto';
import { AppError } from '../../errors';
import { passwordSchema } from '../users/schema';
import type { Lockout } from './lockout';

/** Secrets are handed to the KDF as Buffers so they can be overwritten after use. */
export function secretBuffer(secret: string): Buffer {
  return Buffer.from(secret.normalize('NFC'), 'utf8');
}

export function assertPasswordPolicy(password: string): void {
  const result = passwordSchema.safeParse(password);
  if (!result.success) throw new AppError('PASSWORD_POLICY', { message: result.error.issues[0]?.message ?? undefined });
}

export class KeyringService {
  constructor(
    readonly path: string,
    private readonly lockout: Lockout,
    private readonly strength: KdfStrength | undefined,
  ) {}

  read(): Keyring {
    return readKeyring(this.path);
  }

  write(keyring: Keyring): void {
    writeKeyring(this.path, keyring);
  }

  /** The master key from a password slot, or null (wrong password, unknown login). Slow. */
  async openWithPassword(login: string, password: string): Promise<Buffer | null> {
    const secret = secretBuffer(password);
    try {
      return await unlockWithPassword(this.read(), login, secret);
    } finally {
      wipe(secret);
    }
  }

  /** The master key from the recovery slot, or null. Slow. */
  async openWithRecovery(recoveryKey: string): Promise<Buffer | null> {
    const secret = normalizeRecoveryKey(recoveryKey);
    if (!secret) return null;
    try {
      return await unlockWithRecovery(this.read(), secret);
    } finally {
      wipe(secret);
    }
  }

  /**
   * Runs `use` with the master key unwrapped from `login`'s slot by `password`, then overwrites
   * the key. This is how sensitive operations ask for the password again (DESIGN §5); wrong
   * confirmations are throttled like unlocks, so an unattended session cannot be used to guess.
   */
  async confirm<T>(
    login: string,
    password: string,
    use: (masterKey: Buffer) => Promise<T> | T,
    /** Where the password was typed, when it is not a confirmation box (« Mot de passe actuel »). */
    asked?: { field: string; message: string },
  ): Promise<T> {
    const waitMs = this.lockout.admit({ audited: true });
    if (waitMs > 0) throw new AppError('UNLOCK_DELAY', { retryAfterMs: waitMs });
    const masterKey = await this.openWithPassword(login, password);
    if (!masterKey) {
      const retryAfterMs = this.lockout.recordFailure({ audited: true });
      throw new AppError('CONFIRMATION_REQUIRED', {
        retryAfterMs,
        ...(asked ? { message: asked.message, fields: { [asked.field]: asked.message } } : {}),
      });
    }
    this.lockout.clearDelay();
    try {
      return await use(masterKey);
    } finally {
      wipe(masterKey);
    }
  }

  /** Prepares a slot for `login` (slow: argon2id) without writing it. */
  async makeSlot(masterKey: Buffer, login: string, password: string): Promise<PasswordSlot> {
    assertPasswordPolicy(password);
    const secret = secretBuffer(password);
    try {
      return await makePasswordSlot(masterKey, login, secret, this.strength);
    } finally {
      wipe(secret);
    }
  }

  /** Adds or replaces one login's slot in the keyring as it is on disk now. */
  storeSlot(slot: PasswordSlot): void {
    this.write(withPasswordSlot(this.read(), slot));
  }

  /** A new recovery key and its slot (slow), not yet written: the old key works until `storeRecoverySlot`. */
  async newRecoveryKey(masterKey: Buffer): Promise<{ recoveryKey: string; slot: RecoverySlot }> {
    const recoveryKey = generateRecoveryKey();
    const secret = normalizeRecoveryKey(recoveryKey);
    if (!secret) throw new Error('generated recovery key does not parse');
    try {
      return { recoveryKey, slot: await makeRecoverySlot(masterKey, secret, this.strength) };
    } finally {
      wipe(secret);
    }
  }

  storeRecoverySlot(slot: RecoverySlot): void {
    this.write(withRecoverySlot(this.read(), slot));
  }

  removeSlot(login: string): void {
    this.write(withoutPasswordSlot(this.read(), login));
  }
}
