// Checkpoints that prove themselves (issue 24). The probe's forgery — a key holder inserts a
// checkpoint row (its hash copied from an event) naming an archive that does not exist, then deletes
// every event behind it — must end in « audit BROKEN » with its reason, with and without anchors,
// whether or not the forger also recomputed the seal. A real archive proves its checkpoint, from the
// share or named with --archive; a tampered one does not.
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealOf } from '../../electron/services/audit/checkpoints';
import { auditKeysOf } from '../../electron/services/audit/keys';
import type { Vault } from '../../electron/services/vault';
import { COORDINATOR } from '../fixtures/people';
import { backupSession } from '../helpers/backup';
import { cli, withRawAccess } from '../helpers/cli';
import { ok } from '../helpers/ipc';
import { manualClock, tempDir } from '../helpers/vault';

const DAY = 86_400_000;
const password = COORDINATOR.password;

/** A base with a backup on its share (an anchor) and more events after it. */
async function anchoredBase() {
  const clock = manualClock(new Date('2026-03-02T08:30:00Z'));
  const session = await backupSession({ now: clock.now });
  const backup = await ok(session.api.backup.run({ actorPassword: password }));
  clock.advance(DAY);
  await ok(session.api.situations.get({ id: session.situation.id }));
  const verified = await ok(session.api.audit.verify({}));
  if (!verified.ok) throw new Error(verified.reason);
  session.vault.lock();
  return {
    ...session,
    clock,
    dataDir: session.vault.folder.dir,
    backupPath: backup.path,
    typedHead: `${verified.head.count}:${verified.head.hash}`,
  };
}

type Forgery = 'fake-seal' | 'recomputed-seal';

/** The probe: a checkpoint inserted through the guards, then every event behind it deleted. */
async function forgeCheckpoint(dataDir: string, forgery: Forgery): Promise<number> {
  let through = 0;
  await withRawAccess(dataDir, (vault: Vault) => {
    const db = vault.database();
    through = (db.prepare('SELECT max(id) FROM audit_events').pluck().get() as number) - 2;
    const hash = db.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck().get(through) as string;
    const row = {
      fromId: 2,
      throughId: through,
      throughHash: hash,
      archivedCount: through - 1,
      archivedBefore: '2026-01-01',
      archiveName: 'clsm-journal-archive-20260101T000000Z.clsmaudit',
      archiveSha256: 'a'.repeat(64),
    };
    const genesisHash = db.prepare('SELECT hash FROM audit_events WHERE id = 1').pluck().get() as string;
    const mac =
      forgery === 'fake-seal'
        ? 'f'.repeat(64)
        : sealOf(auditKeysOf(db)!.seal, row, { databaseId: vault.databaseId(), genesisHash, previousMac: null });
    db.prepare(
      `INSERT INTO audit_checkpoints (from_id, through_id, through_hash, archived_count, archived_before, archive_name, archive_sha256, mac, created_at, created_by)
       VALUES (@fromId, @throughId, @throughHash, @archivedCount, @archivedBefore, @archiveName, @archiveSha256, @mac, '2026-01-01T00:00:00.000Z', 1)`,
    ).run({ ...row, mac });
    // The genesis never leaves, even behind a checkpoint.
    expect(() => db.prepare('DELETE FROM audit_events WHERE id <= ?').run(through)).toThrow(/append-only/);
    db.prepare('DELETE FROM audit_events WHERE id > 1 AND id <= ?').run(through);
  });
  return through;
}

describe('a checkpoint inserted by a key holder', () => {
  it('is refused by the guard when it lacks a seal or names a hash the trail does not hold', async () => {
    const { dataDir } = await anchoredBase();
    await withRawAccess(dataDir, (vault) => {
      const db = vault.database();
      const hash = db.prepare('SELECT hash FROM audit_events WHERE id = 5').pluck().get() as string;
      // The probe's row, as it wrote it: no seal.
      const insert = (mac: string | null, throughHash: string) =>
        db
          .prepare(
            `INSERT INTO audit_checkpoints (from_id, through_id, through_hash, archived_count, archived_before, archive_name, archive_sha256, mac, created_at, created_by)
             VALUES (2, 5, ?, 4, '2026-01-01', 'absente.clsmaudit', ?, ?, '2026-01-01T00:00:00.000Z', 1)`,
          )
          .run(throughHash, 'a'.repeat(64), mac);
      expect(() => insert(null, hash)).toThrow(/written by the archive only/);
      expect(() => insert('b'.repeat(64), 'c'.repeat(64))).toThrow(/written by the archive only/);
      expect(db.prepare('SELECT count(*) FROM audit_checkpoints').pluck().get()).toBe(0);
    });
  });

  for (const forgery of ['fake-seal', 'recomputed-seal'] as const) {
    it(`with a ${forgery}: the events deleted behind it make « audit BROKEN », with and without anchors`, async () => {
      const base = await anchoredBase();
      await forgeCheckpoint(base.dataDir, forgery);
      const reason =
        forgery === 'fake-seal' ? /sceau invalide/ : /archive « clsm-journal-archive-20260101T000000Z\.clsmaudit » est introuvable/;

      const bare = await cli(['audit-verify', '--data', base.dataDir]);
      expect(bare.code).toBe(1);
      expect(bare.err).toMatch(/^audit BROKEN: point d’archivage n° 1/);
      expect(bare.err).toMatch(reason);

      const anchored = await cli([
        'audit-verify',
        '--data',
        base.dataDir,
        '--anchor',
        base.backupPath,
        '--anchor',
        base.typedHead,
        '--json',
      ]);
      expect(anchored.code).toBe(1);
      const report = JSON.parse(anchored.out) as { anchors: { status: string }[]; reason: string };
      expect(report.reason).toMatch(reason);
      // Both anchors fall behind the forged checkpoint, whose archive proves nothing: not « à vérifier ».
      expect(report.anchors.map((a) => a.status)).toEqual(['unproven', 'unproven']);
    });
  }

  it('is found by the journal page too', async () => {
    const base = await anchoredBase();
    await forgeCheckpoint(base.dataDir, 'recomputed-seal');
    await base.vault.unlock(COORDINATOR.login, password);
    expect(await ok(base.api.audit.verify({}))).toMatchObject({ ok: false, reason: expect.stringMatching(/introuvable/) });
  });
});

describe('a real archive', () => {
  async function archivedBase() {
    const base = await anchoredBase();
    await base.vault.unlock(COORDINATOR.login, password);
    base.clock.advance(3 * 365 * DAY + 30 * DAY);
    const result = await ok(base.api.audit.archive({ actorPassword: password }));
    base.vault.lock();
    return { ...base, archive: join(base.share, result.fileName!), archived: result.archived };
  }

  it('proves its checkpoint from the share, and the anchors behind it are checked inside it', async () => {
    const base = await archivedBase();
    const verified = await cli(['audit-verify', '--data', base.dataDir, '--anchor', base.backupPath, '--anchor', base.typedHead]);
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^audit OK: \d+ events/);
    expect(verified.out).toContain('prolongée (vérifiée dans l’archive)');
    await base.vault.unlock(COORDINATOR.login, password);
    expect(await ok(base.api.audit.verify({}))).toMatchObject({ ok: true, archives: 1 });
    base.vault.lock();
  });

  it('missing from the share: BROKEN until it is named with --archive; tampered: refused', async () => {
    const base = await archivedBase();
    const elsewhere = join(tempDir(), 'archive.clsmaudit');
    renameSync(base.archive, elsewhere);
    const missing = await cli(['audit-verify', '--data', base.dataDir, '--anchor', base.backupPath]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/NON VÉRIFIÉE/);
    expect((await cli(['audit-verify', '--data', base.dataDir, '--anchor', base.backupPath, '--archive', elsewhere])).code).toBe(0);

    const tampered = join(tempDir(), 'modifiee.clsmaudit');
    const body = JSON.parse(readFileSync(elsewhere, 'utf8')) as { sealed: { ct: string } };
    const ct = Buffer.from(body.sealed.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    writeFileSync(tampered, JSON.stringify({ ...body, sealed: { ...body.sealed, ct: ct.toString('base64') } }));
    const refused = await cli(['audit-verify', '--data', base.dataDir, '--archive', tampered]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/L’archive « modifiee\.clsmaudit » est illisible, d’une autre base ou modifiée/);

    // Another file passed off as the archive (a real archive's bytes, renamed) must match the checkpoint's digest.
    const other = join(tempDir(), 'autre.clsmaudit');
    copyFileSync(elsewhere, other);
    writeFileSync(other, readFileSync(other, 'utf8').replace('"version":1', '"version":1 '));
    const mismatch = await cli(['audit-verify', '--data', base.dataDir, '--archive', other]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.err).toMatch(/ne correspond à aucun point d’archivage/);
  });
});
