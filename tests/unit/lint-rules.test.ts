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

// The layers of the main process (issue 29): each rule fires on a probe placed in its layer, and
// the same import is allowed one layer up, so a rule that stopped matching fails here.
describe('the main process layers (lint)', () => {
  it.each([
    ['electron/shared/lint-probe.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;", /electron\/shared est pur/],
    ['electron/shared/lint-probe.ts', "import { useState } from 'react';\nvoid useState;", /electron\/shared est pur/],
    ['electron/shared/lint-probe.ts', "import { z } from 'zod';\nvoid z;", /electron\/shared est pur/],
    ['electron/shared/lint-probe.ts', "import { AppError } from '../errors';\nvoid AppError;", /sous toutes les couches/],
    ['electron/errors/lint-probe.ts', "import { Vault } from '../services/vault';\nvoid Vault;", /n’importe rien au-dessus/],
    ['electron/errors/lint-probe.ts', "import type { Db } from '../../db/connection';\nexport type D = Db;", /n’importe rien au-dessus/],
    [
      'db/lint-probe.ts',
      "import type { ServiceContext } from '../electron/services/context';\nexport type C = ServiceContext;",
      /La base \(db\/\)/,
    ],
    ['db/lint-probe.ts', "import { contract } from '../electron/ipc/contract';\nvoid contract;", /La base \(db\/\)/],
    [
      'electron/pdf/lint-probe.ts',
      "import { reportModel } from '../services/evaluation/report-model';\nvoid reportModel;",
      /n’importent jamais un service/,
    ],
    ['electron/docx/lint-probe.ts', "import type { Db } from '../../db/connection';\nexport type D = Db;", /n’importent jamais un service/],
    ['electron/services/lint-probe.ts', "import { contract } from '../ipc/contract';\nvoid contract;", /Un service ne dépend/],
    ['electron/services/lint-probe.ts', "import { runCli } from '../cli/run';\nvoid runCli;", /Un service ne dépend/],
    ['electron/services/lint-probe.ts', "import { startDevHost } from '../devhost';\nvoid startDevHost;", /Un service ne dépend/],
  ])('%s refuses %s', async (filePath, code, message) => {
    const found = await problems(code, filePath);
    expect(
      found.some((m) => message.test(m)),
      found.join(' | '),
    ).toBe(true);
  });

  it.each([
    [
      'electron/shared/lint-probe.ts',
      "import { formatDay } from './dates';\nimport { format } from 'date-fns';\nvoid formatDay;\nvoid format;",
    ],
    ['electron/errors/lint-probe.ts', "import type { GateReason } from '../shared/gate-reason';\nexport type R = GateReason;"],
    [
      'db/lint-probe.ts',
      "import { AppError } from '../electron/errors';\nimport { nowIso } from '../electron/shared/dates';\nvoid AppError;\nvoid nowIso;",
    ],
    [
      'electron/pdf/lint-probe.ts',
      "import type { ReportModel } from '../shared/report-document';\nimport { readFileSync } from 'node:fs';\nexport type M = ReportModel;\nvoid readFileSync;",
    ],
    [
      'electron/services/lint-probe.ts',
      "import { formatPdf } from '../pdf/engine';\nimport type { Db } from '../../db/connection';\nexport type D = Db;\nvoid formatPdf;",
    ],
    [
      'electron/lint-probe.ts',
      "import { contract } from './ipc/contract';\nimport { Vault } from './services/vault';\nvoid contract;\nvoid Vault;",
    ],
  ])('%s allows its own layer and the ones below', async (filePath, code) => {
    expect((await problems(code, filePath)).filter((m) => /couche|pur|Un service|La base|jamais un service|au-dessus/.test(m))).toEqual([]);
  });
});
