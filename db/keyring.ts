// The keyring file beside the database: the master key wrapped once per user password and once by
// the recovery key. It holds logins (slot identifiers) and ciphertext only — never a display name,
// never a secret in clear. Losing it makes the database unreadable, so it goes with every backup.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../electron/errors';
import { deriveKey, KdfParams, newKdfParams, unwrapKey, wipe, wrapKey, WrappedKey } from './crypto';
import { writeFileAtomic } from './files';

const kdfSchema = z.object({
  alg: z.literal('argon2id'),
  memoryKiB: z.number().int().positive(),
  timeCost: z.number().int().positive(),
  parallelism: z.number().int().positive(),
  salt: z.string().min(16),
});
const wrappedSchema = z.object({
  alg: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  ct: z.string(),
});
const slotSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), login: z.string().min(1), kdf: kdfSchema, wrapped: wrappedSchema }),
  z.object({ kind: z.literal('recovery'), kdf: kdfSchema, wrapped: wrappedSchema }),
]);
export const DATABASE_ID_PATTERN = /^[0-9a-f]{32}$/;

const keyringSchema = z.object({
  format: z.literal('clsm-keyring'),
  version: z.literal(1),
  /**
   * The random id the database's audit trail begins with (its genesis event). Absent from keyrings
   * written before it existed: their trail cannot be proven whole from its start.
   */
  databaseId: z.string().regex(DATABASE_ID_PATTERN).optional(),
  slots: z.array(slotSchema),
});

export type KeyringSlot = z.infer<typeof slotSchema>;
export type Keyring = z.infer<typeof keyringSchema>;
export type PasswordSlot = Extract<KeyringSlot, { kind: 'password' }>;
export type RecoverySlot = Extract<KeyringSlot, { kind: 'recovery' }>;
export type KdfStrength = Omit<KdfParams, 'alg' | 'salt'>;

function slotAad(slot: { kind: 'password'; login: string } | { kind: 'recovery' }): string {
  return slot.kind === 'password' ? `clsm-keyring/1/password/${slot.login}` : 'clsm-keyring/1/recovery';
}

async function wrapWithSecret(
  masterKey: Buffer,
  secret: Buffer,
  aad: string,
  strength?: KdfStrength,
): Promise<{ kdf: KdfParams; wrapped: WrappedKey }> {
  const kdf = newKdfParams(strength);
  const kek = await deriveKey(secret, kdf);
  try {
    return { kdf, wrapped: wrapKey(kek, masterKey, aad) };
  } finally {
    wipe(kek);
  }
}

async function unwrapWithSecret(slot: KeyringSlot, secret: Buffer): Promise<Buffer | null> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    return unwrapKey(kek, slot.wrapped, slotAad(slot));
  } finally {
    wipe(kek);
  }
}

export function readKeyring(path: string): Keyring {
  if (!existsSync(path)) throw new AppError('KEYRING_MISSING');
  const text = readFileSync(path, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Unparseable JSON is exactly the "damaged" case; the cause carries no useful detail.
    throw new AppError('KEYRING_DAMAGED');
  }
  const result = keyringSchema.safeParse(parsed);
  if (!result.success) throw new AppError('KEYRING_DAMAGED');
  return result.data;
}

export function writeKeyring(path: string, keyring: Keyring): void {
  writeFileAtomic(path, JSON.stringify(keyring, null, 2) + '\n');
}

export function newDatabaseId(): string {
  return randomBytes(16).toString('hex');
}

export async function createKeyring(
  masterKey: Buffer,
  firstUser: { login: string; password: Buffer },
  recoverySecret: Buffer,
  databaseId: string,
  strength?: KdfStrength,
): Promise<Keyring> {
  const recovery = await wrapWithSecret(masterKey, recoverySecret, slotAad({ kind: 'recovery' }), strength);
  const first = await makePasswordSlot(masterKey, firstUser.login, firstUser.password, strength);
  return { format: 'clsm-keyring', version: 1, databaseId, slots: [first, { kind: 'recovery', ...recovery }] };
}

/** The slow work (argon2id) happens here, so that `withPasswordSlot` can run inside a transaction. */
export async function makePasswordSlot(masterKey: Buffer, login: string, password: Buffer, strength?: KdfStrength): Promise<PasswordSlot> {
  const wrapped = await wrapWithSecret(masterKey, password, slotAad({ kind: 'password', login }), strength);
  return { kind: 'password', login, ...wrapped };
}

/** A new recovery slot for a new recovery key (slow: argon2id), not yet written. */
export async function makeRecoverySlot(masterKey: Buffer, recoverySecret: Buffer, strength?: KdfStrength): Promise<RecoverySlot> {
  return { kind: 'recovery', ...(await wrapWithSecret(masterKey, recoverySecret, slotAad({ kind: 'recovery' }), strength)) };
}

/** Replaces the recovery slot: the previous recovery key stops working. */
export function withRecoverySlot(keyring: Keyring, slot: RecoverySlot): Keyring {
  return { ...keyring, slots: [...keyring.slots.filter((s) => s.kind !== 'recovery'), slot] };
}

/** Adds or replaces one login's slot; the other slots are untouched (nothing is re-encrypted). */
export function withPasswordSlot(keyring: Keyring, slot: PasswordSlot): Keyring {
  const others = keyring.slots.filter((s) => !(s.kind === 'password' && s.login === slot.login));
  return { ...keyring, slots: [...others, slot] };
}

export function withoutPasswordSlot(keyring: Keyring, login: string): Keyring {
  return { ...keyring, slots: keyring.slots.filter((s) => !(s.kind === 'password' && s.login === login)) };
}

/** The master key, or null when the login has no slot or the password does not open it. */
export async function unlockWithPassword(keyring: Keyring, login: string, password: Buffer): Promise<Buffer | null> {
  const slot = keyring.slots.find((s) => s.kind === 'password' && s.login === login);
  if (!slot) {
    // Spend the same work as a real attempt so timing does not reveal which logins exist.
    await deriveKey(password, newKdfParams());
    return null;
  }
  return unwrapWithSecret(slot, password);
}

export async function unlockWithRecovery(keyring: Keyring, recoverySecret: Buffer): Promise<Buffer | null> {
  const slot = keyring.slots.find((s) => s.kind === 'recovery');
  if (!slot) throw new AppError('KEYRING_DAMAGED');
  return unwrapWithSecret(slot, recoverySecret);
}
