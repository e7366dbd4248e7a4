import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath = 'renderer/src/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.message);
}

describe('renderer import boundary (lint)', () => {
  it.each([
    ["import Database from 'better-sqlite3-multiple-ciphers';", /Module natif/],
    ["import argon2 from 'argon2';", /Module natif/],
    ["import { ipcRenderer } from 'electron';", /Electron/],
    ["import { readFileSync } from 'node:fs';", /Node/],
    ["import crypto from 'crypto';", /Node/],
    ["import { Vault } from '../../electron/services/vault';", /processus principal/],
    ["import { openEncryptedDatabase } from '../../db/connection';", /base de données/],
    ["import { contract } from '../../electron/ipc/contract';", /Seuls les types/],
    ["import { Vault } from '../../../../electron/services/vault';", /processus principal/],
    ["import { dispatch } from '../../../electron/ipc/dispatcher';", /processus principal/],
  ])('refuses %s', async (code, message) => {
    const found = await problems(code);
    expect(found.some((m) => message.test(m)), found.join(' | ')).toBe(true);
  });

  it('allows type imports from the IPC contract, React and its own files', async () => {
    expect(await problems("import type { SessionInfo } from '../../electron/ipc/contract';\nimport { useState } from 'react';\nimport { api } from './api';")).toEqual([]);
    expect(await problems("import { SECTORS } from '../../../../electron/shared/vocabulary';", 'renderer/src/pages/partners/x.ts')).toEqual([]);
    expect(await problems("import { formatDay } from '../../electron/shared/dates';\nimport { AUDIT_ACTIONS } from '../../electron/shared/audit-actions';")).toEqual([]);
  });

  it('does not apply to the main process', async () => {
    expect(await problems("import Database from 'better-sqlite3-multiple-ciphers';", 'electron/services/example.ts')).toEqual([]);
  });
});
