// The admin CLI as a test drives it: the secret given on standard input, what it printed gathered.
import { CliIo, runCli } from '../../electron/cli/run';
import { Vault } from '../../electron/services/vault';
import { COORDINATOR } from '../fixtures/people';

export async function cli(args: string[], secret: string = COORDINATOR.password): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readSecret: () => Promise.resolve(secret), out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await runCli([...args, '--password-stdin'], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * What a key holder does with a SQLite shell: `edit` runs on the unlocked database; the guards named
 * in `lifting` are dropped for it and put back exactly as they were afterwards.
 */
export async function withRawAccess(dataDir: string, edit: (vault: Vault) => void, lifting: readonly string[] = []): Promise<void> {
  const vault = new Vault({ dataDir });
  await vault.unlock(COORDINATOR.login, COORDINATOR.password);
  const db = vault.database();
  const guards = lifting.map(
    (name) => db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).pluck().get(name) as string,
  );
  for (const name of lifting) db.exec(`DROP TRIGGER ${name}`);
  try {
    edit(vault);
  } finally {
    for (const sql of guards) db.exec(sql);
    vault.lock();
  }
}
