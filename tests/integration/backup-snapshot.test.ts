// Issue 28: a backup copies the encrypted file under a read snapshot while the app keeps writing,
// checks the copy in the jobs worker, and hashes the trail from the last backup's verified head.
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS_DELETE_GUARD } from '../../db/migrations/011_audit_checkpoint_seals';
import { Vault } from '../../electron/services/vault';
import { readManifest } from '../../electron/services/backup/verify';
import { runCli } from '../../electron/cli/run';
import { backupSession } from '../helpers/backup';
import { ok } from '../helpers/ipc';
import { COORDINATOR } from '../fixtures/people';
import { tempDir } from '../helpers/vault';
import { join } from 'node:path';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('a backup while the app keeps writing', () => {
  it('holds exactly the writes made before its snapshot, with no gap, and verifies', async () => {
    const { api, vault } = await backupSession();
    const structures = () => vault.database().prepare(`SELECT name FROM structures WHERE name LIKE 'Antenne %' ORDER BY id`).pluck().all();
    let done = false;
    let written = 0;
    let writtenWhileRunning = 0;
    const writer = (async () => {
      while (!done) {
        await ok(
          api.partners.saveStructure({
            name: `Antenne ${written + 1}`,
            sector: 'ccas',
            address: '',
            conventionSignedOn: null,
            conventionSignatory: null,
          }),
        );
        written += 1;
        await nextTurn();
      }
    })();
    // Let a few writes land first, then back up while they go on.
    while (written < 3) await nextTurn();
    const before = written;
    const summary = await ok(api.backup.run({ actorPassword: COORDINATOR.password })).finally(() => {
      writtenWhileRunning = written - before;
      done = true;
    });
    await writer;
    expect(writtenWhileRunning).toBeGreaterThan(0);

    const manifest = readManifest(summary.path);
    expect(manifest.chainVerified).toBe(true);
    const verified = await ok(api.backup.verify({ name: summary.name, secret: { password: COORDINATOR.password } }));
    expect(verified.counts).toEqual(manifest.counts);

    // Restored elsewhere: a prefix of the writes, never one without the one before it.
    const target = join(tempDir(), 'restauree');
    const io = { readSecret: () => Promise.resolve(COORDINATOR.password), out: () => undefined, err: () => undefined };
    expect(await runCli(['restore', summary.path, '--data', target, '--password-stdin'], io)).toBe(0);
    const copy = new Vault({ dataDir: target });
    await copy.unlock(COORDINATOR.login, COORDINATOR.password);
    try {
      const restored = copy.database().prepare(`SELECT name FROM structures WHERE name LIKE 'Antenne %' ORDER BY id`).pluck().all();
      expect(restored.length).toBeGreaterThanOrEqual(before);
      expect(restored.length).toBeLessThan(written);
      expect(restored).toEqual(structures().slice(0, restored.length));
    } finally {
      copy.lock('shutdown');
    }
  });
});

describe('the trail of the next backup', () => {
  const tamper = (vault: Vault, id: number) =>
    vault.database().exec(`
      DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;
      UPDATE audit_events SET outcome = 'refused' WHERE id = ${id};
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
      ${AUDIT_EVENTS_DELETE_GUARD};`);

  it('is hashed from the last backup’s head: a change after it fails the backup', async () => {
    const { api, vault } = await backupSession();
    const first = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    await ok(api.situations.page({}));
    tamper(vault, readManifest(first.path).auditHead.lastId + 1);
    const refused = await api.backup.run({ actorPassword: COORDINATOR.password });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BACKUP_VERIFY_FAILED' } });
    expect(!refused.ok && refused.error.message).toContain('journal d’audit rompu');
  });

  it('leaves a change behind that head to the full verification of the backup, which finds it', async () => {
    const { api, vault } = await backupSession();
    await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    tamper(vault, 3);
    const second = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    const verified = await api.backup.verify({ name: second.name, secret: { password: COORDINATOR.password } });
    expect(verified).toMatchObject({ ok: false, error: { code: 'BACKUP_VERIFY_FAILED' } });
    expect(!verified.ok && verified.error.message).toContain('événement n° 3');
  });
});
