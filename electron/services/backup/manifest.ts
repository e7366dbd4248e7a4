// The manifest beside each backup: what it holds (counts per table, the audit chain's head), which
// app and schema wrote it, and the SHA-256 of its files. A MAC keyed by the database's own key
// (HKDF of the master key) makes any edit of the manifest itself detectable by whoever can open the
// backup; the hashes alone let anyone see that a file changed.
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z
  .object({
    format: z.literal('clsm-backup'),
    version: z.literal(1),
    createdAt: z.string(),
    appVersion: z.string(),
    schemaVersion: z.number().int().nonnegative(),
    database: z.object({ file: z.literal('clsm.db'), bytes: z.number().int().positive(), sha256: sha256Hex }).strict(),
    keyring: z.object({ file: z.literal('clsm.keyring.json'), sha256: sha256Hex }).strict(),
    counts: z.record(z.string(), z.number().int().nonnegative()),
    auditHead: z
      .object({
        count: z.number().int().nonnegative(),
        lastId: z.number().int().nonnegative(),
        hash: z.string(),
        /** The latest checkpoint of the trail at the copy (an anchor for it); absent before issue 24. */
        checkpoint: z.object({ throughId: z.number().int().positive(), hash: sha256Hex }).strict().nullable().optional(),
      })
      .strict(),
    /** The audit chain was verified up to `auditHead` when the backup was made (issue 28 on). */
    chainVerified: z.boolean().optional(),
    mac: sha256Hex,
  })
  .strict();

export type BackupManifest = z.infer<typeof manifestSchema>;
export type UnsignedManifest = Omit<BackupManifest, 'mac'>;

/** JSON with keys sorted at every level, so the MAC does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function macKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'clsm-backup-manifest/1', 32));
}

export function macOf(manifest: UnsignedManifest, masterKey: Buffer): string {
  return createHmac('sha256', macKey(masterKey)).update(canonical(manifest)).digest('hex');
}

export function signManifest(manifest: UnsignedManifest, masterKey: Buffer): BackupManifest {
  return { ...manifest, mac: macOf(manifest, masterKey) };
}

export function macMatches(manifest: BackupManifest, masterKey: Buffer): boolean {
  const { mac, ...unsigned } = manifest;
  const expected = Buffer.from(macOf(unsigned, masterKey), 'hex');
  return timingSafeEqual(expected, Buffer.from(mac, 'hex'));
}

/** Streams the file (a database may weigh hundreds of megabytes), reporting bytes read. */
export async function sha256File(path: string, onBytes?: (bytes: number) => void): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
    onBytes?.(bytes);
  }
  return { sha256: hash.digest('hex'), bytes };
}
