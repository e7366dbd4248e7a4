import { describe, expect, it } from 'vitest';
import { checkScan, scanType } from './scan';

const b64 = (bytes: number[] | string) => Buffer.from(typeof bytes === 'string' ? bytes : Uint8Array.from(bytes)).toString('base64');

describe('scanned consent form', () => {
  it('reads the type from the bytes', () => {
    expect(scanType(Buffer.from('%PDF-1.7\n…'))).toBe('application/pdf');
    expect(scanType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(scanType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });

  it('refuses anything else, whatever it is called: a Word file, an executable, text', () => {
    expect(() => checkScan(b64([0x50, 0x4b, 0x03, 0x04, 0x14]))).toThrow(expect.objectContaining({ code: 'SCAN_TYPE' }));
    expect(() => checkScan(b64('MZ\x90\x00'))).toThrow(expect.objectContaining({ code: 'SCAN_TYPE' }));
    expect(() => checkScan(b64('consentement signé.pdf'))).toThrow(expect.objectContaining({ code: 'SCAN_TYPE' }));
  });

  it('refuses more than 10 MB and fingerprints what it keeps', () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    big.write('%PDF-1.4');
    expect(() => checkScan(big.toString('base64'))).toThrow(expect.objectContaining({ code: 'SCAN_TOO_LARGE' }));
    const ok = checkScan(b64('%PDF-1.4 formulaire'));
    expect(ok).toMatchObject({ mimeType: 'application/pdf', size: 19 });
    expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
