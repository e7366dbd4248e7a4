import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './vault';

/** The text a reader sees, extracted by poppler's pdftotext. */
export function pdfText(pdf: Buffer): string {
  const file = join(tempDir(), 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const file = join(tempDir(), 'document.pdf');
  writeFileSync(file, pdf);
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const index = line.indexOf(':');
        return [line.slice(0, index).trim(), line.slice(index + 1).trim()];
      }),
  );
}

export function pdfFonts(pdf: Buffer): string {
  const file = join(tempDir(), 'document.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/** What poppler's pdfsig says of every signature (it exits non-zero when one does not verify). */
export function pdfSignatures(pdf: Buffer): string {
  const file = join(tempDir(), 'signed.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}
