import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = readFileSync('electron-builder.yml', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };

describe('packaging', () => {
  it('sets the Electron fuses of DESIGN §5', () => {
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
    ]) {
      expect(config).toMatch(new RegExp(`^\\s+${line}$`, 'm'));
    }
    expect(config).toMatch(/^asar: true$/m);
  });

  it('never ships the dev host, and ships only what the main process loads at run time', () => {
    expect(config).toContain('"!**/devhost*"');
    expect(config).not.toMatch(/^\s+- electron\/\*\*/m);
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@resvg/resvg-wasm',
      'argon2',
      'better-sqlite3-multiple-ciphers',
      'fontkit',
      'nodemailer',
      'pdfmake',
      'proper-lockfile',
      'zod',
    ]);
  });
});
