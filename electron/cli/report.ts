// `report --data DIR --year YYYY --out OUTDIR`: the annual report (PDF and Word) and the CSV of
// every indicator for a civil year, written by the same service as the Évaluation page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../errors';
import { assertKeyCurrent } from './guards';
import { sessionContext } from '../services/context';
import { serviceHooks } from '../services/hooks';
import { civilYear } from '../services/evaluation/period';
import { exportEvaluation, ExportFormat } from '../services/evaluation/service';
import { Vault } from '../services/vault';
import { systemClock } from '../shared/dates';

export const REPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'docx', 'csv'];

export async function reportCommand(options: {
  dataDir: string;
  year: number;
  outDir: string;
  login: string | null;
  password: string;
}): Promise<string[]> {
  const vault = new Vault({ dataDir: resolve(options.dataDir) });
  const session = await vault.unlock(options.login, options.password);
  try {
    if (session.role !== 'coordinator' && session.role !== 'animateur') throw new AppError('FORBIDDEN');
    assertKeyCurrent(vault);
    const ctx = sessionContext(vault, systemClock, serviceHooks);
    const outDir = resolve(options.outDir);
    mkdirSync(outDir, { recursive: true });
    const written: string[] = [];
    for (const format of REPORT_FORMATS) {
      const file = await exportEvaluation(ctx, { period: civilYear(options.year), format });
      const path = join(outDir, file.fileName);
      writeFileSync(path, Buffer.from(file.base64, 'base64'));
      written.push(path);
    }
    return written;
  } finally {
    vault.lock('shutdown');
  }
}
