import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deriveKey,
  formatRecoveryKey,
  generateRecoveryKey,
  MIN_KDF,
  newKdfParams,
  normalizeRecoveryKey,
  unwrapKey,
  wrapKey,
} from './crypto';

describe('key wrapping', () => {
  it('unwraps with the same key and slot binding only', () => {
    const kek = randomBytes(32);
    const master = randomBytes(32);
    const wrapped = wrapKey(kek, master, 'slot/a');
    expect(unwrapKey(kek, wrapped, 'slot/a')).toEqual(master);
    expect(unwrapKey(randomBytes(32), wrapped, 'slot/a')).toBeNull();
    expect(unwrapKey(kek, wrapped, 'slot/b')).toBeNull();
  });

  it('detects a tampered ciphertext', () => {
    const kek = randomBytes(32);
    const wrapped = wrapKey(kek, randomBytes(32), 'slot');
    const ct = Buffer.from(wrapped.ct, 'base64');
    ct[0] = (ct[0] ?? 0) ^ 1;
    expect(unwrapKey(kek, { ...wrapped, ct: ct.toString('base64') }, 'slot')).toBeNull();
  });
});

describe('argon2id parameters', () => {
  it('refuses parameters below 64 MiB and 3 passes', () => {
    expect(() => newKdfParams({ memoryKiB: 32768, timeCost: 3, parallelism: 1 })).toThrow();
    expect(() => newKdfParams({ memoryKiB: 65536, timeCost: 2, parallelism: 1 })).toThrow();
    const params = newKdfParams();
    expect(params).toMatchObject({ alg: 'argon2id', memoryKiB: 65536, timeCost: 3, parallelism: 4 });
  });

  it('still derives the key of a slot made with one lane, from the parameters stored with it', async () => {
    const old = newKdfParams(MIN_KDF);
    expect(old.parallelism).toBe(1);
    const secret = Buffer.from('Mirabelle-Metz-2026!');
    const oneLane = await deriveKey(secret, old);
    expect(await deriveKey(secret, { ...old })).toEqual(oneLane);
    expect(await deriveKey(secret, { ...old, parallelism: 4 })).not.toEqual(oneLane);
  });

  it('derives the same key from the same secret and salt, another from another salt', async () => {
    const params = newKdfParams();
    const a = await deriveKey(Buffer.from('Mirabelle-Metz-2026!'), params);
    const b = await deriveKey(Buffer.from('Mirabelle-Metz-2026!'), params);
    const c = await deriveKey(Buffer.from('Mirabelle-Metz-2026!'), newKdfParams());
    expect(a).toHaveLength(32);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});

describe('recovery key', () => {
  it('is printed as 8 groups of 4 unambiguous characters', () => {
    const key = generateRecoveryKey();
    expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(generateRecoveryKey()).not.toBe(key);
  });

  it('is read back whatever the case, spacing and confusable letters', () => {
    const key = formatRecoveryKey('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
    const typed = key.toLowerCase().replace(/-/g, ' ').replace('0', 'o').replace('1', 'l');
    expect(normalizeRecoveryKey(typed)).toEqual(normalizeRecoveryKey(key));
    expect(normalizeRecoveryKey(key)?.toString('ascii')).toBe('0123456789ABCDEFGHJKMNPQRSTVWXYZ');
  });

  it('rejects what cannot be a recovery key', () => {
    expect(normalizeRecoveryKey('ABCD-EFGH')).toBeNull();
    expect(normalizeRecoveryKey('U'.repeat(32))).toBeNull();
  });
});
