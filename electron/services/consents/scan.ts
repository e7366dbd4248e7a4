// The scanned consent form: its type is read from its first bytes, never from its name or from
// what the browser says. Three signatures are all the app accepts, so they are checked here rather
// than through a file-type library (which would bring an ESM-only dependency for three constants).
import { createHash } from 'node:crypto';
import { AppError } from '../../errors';
import { SCAN_MAX_BYTES } from '../../shared/situation-vocabulary';

export type ScanType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: { type: ScanType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function scanType(content: Buffer): ScanType | null {
  return SIGNATURES.find((s) => s.bytes.every((byte, i) => content[i] === byte))?.type ?? null;
}

export interface CheckedScan {
  mimeType: ScanType;
  content: Buffer;
  size: number;
  sha256: string;
}

/** Decodes and checks an uploaded scan: PDF, JPEG or PNG, 10 MB at most. */
export function checkScan(base64: string): CheckedScan {
  const content = Buffer.from(base64, 'base64');
  if (content.length > SCAN_MAX_BYTES) throw new AppError('SCAN_TOO_LARGE');
  const mimeType = scanType(content);
  if (!mimeType) throw new AppError('SCAN_TYPE');
  return { mimeType, content, size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

export const SCAN_EXTENSIONS: Record<ScanType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
