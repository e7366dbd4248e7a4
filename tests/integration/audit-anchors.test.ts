// `audit-verify` against someone who holds the key: the trail is judged as found (before the check
// writes anything), must begin with this database's genesis, and must extend the anchors kept
// outside — a backup on the share, a head copied by hand — even when it was re-chained consistently.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/services/audit/trail';
import type { AuditAction } from '../../electron/shared/audit-actions';
import { cli, withRawAccess } from '../helpers/cli';
import { initializedVault, tempDir } from '../helpers/vault';

const LIFT = ['audit_events_no_update', 'audit_events_no_delete'];

describe('audit-verify', () => {
  it('verifies before writing: a wiped trail is refused, not « OK: 1 events »', async () => {
    const { dataDir } = await initializedVault();
    await withRawAccess(dataDir, (vault) => vault.database().exec('DELETE FROM audit_events'), LIFT);
    const result = await cli(['audit-verify', '--data', dataDir]);
    expect(result.code).toBe(1);
    // (the key holder's own session wrote one event after the wipe: it stands where the genesis should)
    expect(result.err).toMatch(/^audit BROKEN at event 1: le premier événement n’est pas la création de cette base de données/);
    // The verdict is recorded after the check, so the next check still sees the wiped start.
    expect((await cli(['audit-verify', '--data', dataDir])).code).toBe(1);
  });

  it('accepts a backup folder or a typed head as anchors, and reports a re-chained trail that no longer extends them', async () => {
    const { dataDir } = await initializedVault();
    const share = tempDir();
    expect((await cli(['backup', '--data', dataDir, '--to', share])).code).toBe(0);
    const backup = join(share, readdirSync(share)[0]!);
    const first = await cli(['audit-verify', '--data', dataDir, '--anchor', backup]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^audit OK: \d+ events\ntête de chaîne : (\d+:[0-9a-f]{64})\n {2}ancre \d+:[0-9a-f]{12}… \(sauvegarde du .+\) : prolongée$/,
    );
    const typedHead = /tête de chaîne : (\S+)/.exec(first.out)![1]!;

    // Everything after the genesis is rebuilt with one event left out: a consistent chain, and a lie.
    await withRawAccess(
      dataDir,
      (vault) => {
        const db = vault.database();
        const rows = db.prepare('SELECT * FROM audit_events WHERE id > 2 ORDER BY id').all() as {
          at: string;
          user_id: number | null;
          action: AuditAction;
          outcome: 'success' | 'refused' | 'failure';
        }[];
        db.exec('DELETE FROM audit_events WHERE id > 1');
        for (const row of rows) appendAudit(db, { userId: row.user_id, action: row.action, outcome: row.outcome }, new Date(row.at));
      },
      LIFT,
    );
    expect((await cli(['audit-verify', '--data', dataDir])).code).toBe(0);
    const anchored = await cli(['audit-verify', '--data', dataDir, '--anchor', backup, '--anchor', typedHead, '--json']);
    expect(anchored.code).toBe(1);
    const report = JSON.parse(anchored.out) as { anchors: { status: string; source: string }[]; message: string };
    expect(report.message).toMatch(/ne prolonge pas l’ancre .*sauvegarde du/);
    expect(report.anchors.map((a) => [a.source.replace(/du .*/, 'du …'), a.status])).toEqual([
      ['sauvegarde du …', 'diverged'],
      ['ligne de commande', 'diverged'],
    ]);
  });

  it('refuses an anchor it cannot read, in French', async () => {
    const { dataDir } = await initializedVault();
    const result = await cli(['audit-verify', '--data', dataDir, '--anchor', '12:abc']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Ancre illisible : indiquez NOMBRE:EMPREINTE/);
  });
});
