// Backups when things go wrong: the share missing, read-only or full (real tmpfs mounts: this
// machine's tests run as root, where file modes would not stop a write), a backup with flipped
// bytes, and backup processes killed at random moments. Each time: a French message, nothing on
// the share that looks like a backup, the source untouched, earlier backups intact.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackupFolders, TEMP_PREFIX } from '../../electron/services/backup/layout';
import { openBackup, verifyBackup, verifyOpenedBackup } from '../../electron/services/backup/verify';
import { verifyAudit } from '../../electron/services/audit/verify';
import { Vault } from '../../electron/services/vault';
import { COORDINATOR } from '../fixtures/people';
import { backupSession, countsWithoutAudit } from '../helpers/backup';
import { ok } from '../helpers/ipc';

const mounts: string[] = [];
afterEach(() => {
  for (const dir of mounts.splice(0)) execFileSync('umount', [dir]);
});

/** A small file system of its own for the share: full at `sizeKiB`, or read-only. */
function mountShare(dir: string, options: { sizeKiB: number; readOnly?: boolean }): void {
  mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${options.sizeKiB}k${options.readOnly ? ',ro' : ''}`, 'tmpfs', dir]);
  mounts.push(dir);
}

async function refusedWithSourceUntouched(code: string, prepare: (share: string) => void) {
  const session = await backupSession();
  const { api, vault, share } = session;
  prepare(share);
  const before = countsWithoutAudit(vault.database());
  const result = await api.backup.run({ actorPassword: COORDINATOR.password });
  expect(result).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(/Aucune sauvegarde n’a été écrite/) } });
  expect(countsWithoutAudit(vault.database())).toEqual(before);
  expect(vault.database().pragma('integrity_check', { simple: true })).toBe('ok');
  expect(verifyAudit(vault.database(), { databaseId: vault.databaseId() })).toMatchObject({ ok: true });
  const failures = await ok(api.audit.list({ action: 'backup.run', outcome: 'failure', limit: 5 }));
  expect(failures.events.map((e) => e.detail)).toEqual([expect.stringMatching(new RegExp(`^code=${code},ms=\\d+,via=app$`))]);
  return session;
}

describe('a share that cannot take the backup', () => {
  it('missing: a clear message, nothing written, the source untouched', async () => {
    const { share } = await refusedWithSourceUntouched('BACKUP_SHARE_MISSING', (share) => execFileSync('rm', ['-r', share]));
    expect(() => readdirSync(share)).toThrow();
  });

  it('read-only: a clear message, nothing written, the source untouched', async () => {
    const { share } = await refusedWithSourceUntouched('BACKUP_SHARE_READONLY', (share) =>
      mountShare(share, { sizeKiB: 1024, readOnly: true }),
    );
    expect(readdirSync(share)).toEqual([]);
  });

  it('full: a clear message, the partial copy removed, the source untouched', async () => {
    const { share } = await refusedWithSourceUntouched('BACKUP_SHARE_FULL', (share) => mountShare(share, { sizeKiB: 64 }));
    expect(readdirSync(share)).toEqual([]);
  });
});

describe('a damaged backup', () => {
  it('fails verification and names the problem: database bytes, keyring, manifest', async () => {
    const { api, share } = await backupSession();
    const backup = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    const secret = { password: COORDINATOR.password };
    const flip = (file: string, at: number) => {
      const bytes = readFileSync(file);
      bytes[at] = bytes[at]! ^ 0xff;
      writeFileSync(file, bytes);
    };
    const database = join(backup.path, 'clsm.db');
    const size = readFileSync(database).length;
    flip(database, Math.floor(size / 2));
    await expect(verifyBackup(backup.path, secret)).rejects.toMatchObject({
      code: 'BACKUP_VERIFY_FAILED',
      message: expect.stringMatching(/empreinte SHA-256 de la base de données différente/),
    });
    // Someone "fixes" the hash in the manifest without the key: the manifest's MAC gives it away.
    const manifestPath = join(backup.path, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.database.sha256 = createHash('sha256').update(readFileSync(database)).digest('hex');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    await expect(verifyBackup(backup.path, secret)).rejects.toMatchObject({
      code: 'BACKUP_VERIFY_FAILED',
      message: expect.stringMatching(/manifeste a été modifié/),
    });
    flip(join(backup.path, 'clsm.keyring.json'), 10);
    await expect(verifyBackup(backup.path, secret)).rejects.toMatchObject({
      message: expect.stringMatching(/empreinte SHA-256 du trousseau de clés différente/),
    });
    writeFileSync(manifestPath, '{ pas un manifeste');
    await expect(verifyBackup(backup.path, secret)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    // The app lists it still (the name is there), but refuses to restore it.
    expect(await api.backup.restore({ name: backup.name, actorPassword: COORDINATOR.password })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_INVALID' },
    });
    expect(readdirSync(share)).toEqual([backup.name]);
  });

  it('with the database bytes flipped and the hash check passed, the page authentication still refuses it', async () => {
    const { api } = await backupSession();
    const backup = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    const opened = await openBackup(backup.path, { password: COORDINATOR.password });
    const database = join(backup.path, 'clsm.db');
    const bytes = readFileSync(database);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x01;
    writeFileSync(database, bytes);
    await expect(verifyOpenedBackup(opened)).rejects.toMatchObject({ code: 'BACKUP_VERIFY_FAILED' });
  });
});

describe('a backup process killed midway', () => {
  it('leaves earlier backups intact; its temporary folder is never listed and is removed by the next run', async () => {
    const { vault, dataDir, share } = await backupSession();
    vault.lock('shutdown');
    const cli = resolve('electron/cli.ts');
    const run = (killAfterMs: number | null) =>
      new Promise<{ code: number | null; signal: string | null; ms: number }>((done) => {
        const started = Date.now();
        const child = spawn(process.execPath, ['--import', 'tsx', cli, 'backup', '--data', dataDir, '--to', share, '--password-stdin'], {
          stdio: ['pipe', 'ignore', 'ignore'],
        });
        child.stdin.end(`${COORDINATOR.password}\n`);
        if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        child.on('exit', (code, signal) => done({ code, signal, ms: Date.now() - started }));
      });
    const first = await run(null);
    expect(first.code).toBe(0);
    const [earlier] = listBackupFolders(share);
    // Random moments over a whole run, the process start included, so some land inside the copy.
    const killed: number[] = [];
    for (let i = 0; i < 8; i++) {
      const at = Math.round(first.ms * (0.3 + 0.8 * Math.random()));
      const outcome = await run(at);
      if (outcome.signal === 'SIGKILL') killed.push(at);
    }
    expect(killed.length, 'at least some runs were killed before they ended').toBeGreaterThan(0);
    // Whatever a kill left, every listed backup is a whole one.
    for (const backup of listBackupFolders(share)) {
      await expect(verifyBackup(backup.path, { password: COORDINATOR.password }), backup.name).resolves.toMatchObject({
        auditEvents: expect.any(Number),
      });
    }
    await expect(verifyBackup(earlier!.path, { password: COORDINATOR.password })).resolves.toBeTruthy();
    expect((await run(null)).code).toBe(0);
    expect(readdirSync(share).filter((name) => name.startsWith(TEMP_PREFIX))).toEqual([]);
    // The source still opens and its trail verifies.
    const source = new Vault({ dataDir });
    await source.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(verifyAudit(source.database(), { databaseId: source.databaseId() })).toMatchObject({ ok: true });
    source.lock('shutdown');
  }, 180_000);
});
