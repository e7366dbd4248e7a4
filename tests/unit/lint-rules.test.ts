// The lint rules that hold the architecture, run through real ESLint on probe sources.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath = 'renderer/src/lint-probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  const messages = result!.messages;
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return messages.map((m) => m.message);
}

describe('renderer import boundary (lint)', () => {
  it.each([
    ["import Database from 'better-sqlite3-multiple-ciphers';\nvoid Database;", /Module natif/],
    ["import argon2 from 'argon2';\nvoid argon2;", /Module natif/],
    ["import { ipcRenderer } from 'electron';\nvoid ipcRenderer;", /Electron/],
    ["import { readFileSync } from 'node:fs';\nvoid readFileSync;", /Node/],
    ["import crypto from 'crypto';\nvoid crypto;", /Node/],
    ["import { Vault } from '../../electron/services/vault';\nvoid Vault;", /processus principal/],
    ["import { openEncryptedDatabase } from '../../db/connection';\nvoid openEncryptedDatabase;", /base de données/],
    ["import { contract } from '../../electron/ipc/contract';\nvoid contract;", /Seuls les types/],
    ["import { dispatch } from '../../electron/ipc/dispatcher';\nvoid dispatch;", /processus principal/],
  ])('refuses %s', async (code, message) => {
    const found = await problems(code);
    expect(
      found.some((m) => message.test(m)),
      found.join(' | '),
    ).toBe(true);
  });

  it('allows type imports from the IPC contract, the pure shared modules, React and its own files', async () => {
    expect(
      await problems(
        "import type { SessionInfo } from '../../electron/ipc/contract';\nimport { useState } from 'react';\nexport type S = SessionInfo;\nvoid useState;",
      ),
    ).toEqual([]);
    expect(
      await problems("import { SECTORS } from '../../../electron/shared/vocabulary';\nvoid SECTORS;", 'renderer/src/pages/lint-probe.ts'),
    ).toEqual([]);
    expect(
      await problems(
        "import { formatDay } from '../../electron/shared/dates';\nimport { AUDIT_ACTIONS } from '../../electron/shared/audit-actions';\nvoid formatDay;\nvoid AUDIT_ACTIONS;",
      ),
    ).toEqual([]);
  });

  it('does not apply to the main process', async () => {
    expect(await problems("import Database from 'better-sqlite3-multiple-ciphers';\nvoid Database;", 'electron/lint-probe.ts')).toEqual([]);
  });
});

describe('services and the database layer never import Electron (lint)', () => {
  it.each(['electron/services/lint-probe.ts', 'db/lint-probe.ts'])('%s', async (filePath) => {
    expect(await problems("import { app } from 'electron';\nvoid app;", filePath)).toEqual([
      expect.stringMatching(/ne dépendent pas d’Electron/),
    ]);
  });
});

describe('days and moments come from the dates module and the injected clock (lint)', () => {
  it('refuses a UTC day and a clock read outside the clock', async () => {
    expect(await problems('export const day = (d: Date) => d.toISOString().slice(0, 10);', 'electron/services/lint-probe.ts')).toEqual([
      expect.stringMatching(/jour calculé en UTC/),
    ]);
    expect(await problems('export const now = () => new Date();', 'renderer/src/lint-probe.ts')).toEqual([
      expect.stringMatching(/horloge injectée/),
    ]);
    expect(await problems("export const at = new Date('2026-01-15T10:00:00Z');", 'electron/lint-probe.ts')).toEqual([]);
  });
});
