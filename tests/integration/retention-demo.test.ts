// The demo year as a DPO checks it: its backup leaves nothing readable on the share and restores
// into a new folder with every table equal; the G9 purge erases the closed situations' people —
// identities, free texts, scans — while the commission's counts stay exactly the same.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import type { DemoManifest } from '../../electron/cli/demo';
import { DEMO_SITUATIONS } from '../../electron/cli/demo-data';
import { CliIo, runCli } from '../../electron/cli/run';
import { tableNames } from '../../electron/services/backup/contents';
import { commissionCounts } from '../../electron/services/evaluation/commission-counts';
import { Vault } from '../../electron/services/vault';
import { filesUnder, readableIn } from '../helpers/backup';
import { clientFor, ok } from '../helpers/ipc';

const PASSWORD = 'Mirabelle-Metz-2026!';
const LOGIN = 'f.hoerner';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

function cliIo(secret = PASSWORD) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readSecret: () => Promise.resolve(secret), out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err };
}

/** A digest of every row of a table, in rowid order: two databases with equal digests hold the same. */
function tableDigest(db: Db, table: string, where = ''): string {
  const hash = createHash('sha256');
  for (const row of db.prepare(`SELECT * FROM "${table}" ${where} ORDER BY rowid`).iterate()) {
    hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  return hash.digest('hex');
}

/** Every text a database holds, table by table, as one searchable string. */
function allText(db: Db): string {
  return tableNames(db)
    .map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all(), (_k, v: unknown) => (Buffer.isBuffer(v) ? null : v)))
    .join('\n');
}

let root: string;
let dataDir: string;
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clsm-retention-'));
  dataDir = join(root, 'data');
  const { io, err } = cliIo();
  expect(await runCli(['demo', '--data', dataDir, '--out', join(root, 'documents'), '--password-stdin'], io), err.join('\n')).toBe(0);
}, 300_000);

describe('the demo year’s backup', () => {
  it('leaves no name readable on the share and restores into a new folder with every table equal', async () => {
    const share = join(root, 'partage');
    mkdirSync(share);
    const made = cliIo();
    expect(await runCli(['backup', '--data', dataDir, '--to', share, '--password-stdin'], made.io), made.err.join('\n')).toBe(0);
    const needles = DEMO_SITUATIONS.flatMap((p) => [`${p.firstName} ${p.lastName}`, p.lastName, p.address]);
    for (const file of filesUnder(share)) expect(readableIn(file, needles), file).toEqual([]);

    const target = join(root, 'restauree');
    const restored = cliIo();
    expect(await runCli(['restore', made.out[0]!, '--data', target, '--password-stdin'], restored.io), restored.err.join('\n')).toBe(0);
    const source = new Vault({ dataDir });
    const copy = new Vault({ dataDir: target });
    await source.unlock(LOGIN, PASSWORD);
    await copy.unlock(LOGIN, PASSWORD);
    try {
      const [a, b] = [source.database(), copy.database()];
      expect(tableNames(b)).toEqual(tableNames(a));
      // The restored trail has the source's events at the backup, then its own (restore, unlock).
      const atBackup = a.prepare(`SELECT max(id) FROM audit_events WHERE action = 'backup.run'`).pluck().get() as number;
      for (const table of tableNames(a)) {
        const where = table === 'audit_events' ? `WHERE id < ${atBackup}` : '';
        expect(tableDigest(b, table, where), table).toBe(tableDigest(a, table, where));
      }
    } finally {
      source.lock('shutdown');
      copy.lock('shutdown');
    }
  });
});

describe('G9 on the demo year', () => {
  it('proposes the withdrawn situation and the referrals left without consent at once, then every closed one after two years; the counts stay identical', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    const vault = new Vault({ dataDir, now: () => now });
    const { api } = clientFor(vault, { now: () => now });
    await ok(api.session.unlock({ login: LOGIN, password: PASSWORD }));
    const before = commissionCounts(vault.database(), YEAR);
    expect(before.referralsReceived).toBe(DEMO_SITUATIONS.length);
    expect(before.itemsExamined).toBeGreaterThan(0);

    const atOnce = await ok(api.retention.candidates({}));
    const unconsented = vault
      .database()
      .prepare('SELECT code FROM situations s WHERE NOT EXISTS (SELECT 1 FROM consents c WHERE c.situation_id = s.id) ORDER BY code')
      .pluck()
      .all() as string[];
    expect(unconsented.length).toBeGreaterThan(0);
    expect(atOnce.candidates.filter((c) => c.basis === 'no_consent').map((c) => c.code)).toEqual(unconsented);
    expect(atOnce.candidates.filter((c) => c.basis !== 'no_consent')).toEqual([expect.objectContaining({ basis: 'withdrawal' })]);
    const withdrawn = DEMO_SITUATIONS.find((p) => p.path === 'withdrawn_after')!;

    now = new Date('2029-01-15T09:00:00Z');
    const later = await ok(api.retention.candidates({}));
    // Every situation closed or rejected during the year, whatever its path; the manifest names its person.
    const closedCodes = vault
      .database()
      .prepare(
        `SELECT code FROM situations s WHERE state IN ('closed', 'rejected') OR NOT EXISTS (SELECT 1 FROM consents c WHERE c.situation_id = s.id)`,
      )
      .pluck()
      .all() as string[];
    const manifest = JSON.parse(readFileSync(join(root, 'documents', 'manifest.json'), 'utf8')) as DemoManifest;
    const closed = closedCodes.map((code) => {
      const name = manifest.persons.find((p) => p.situation === code)!.name;
      return DEMO_SITUATIONS.find((p) => `${p.firstName} ${p.lastName.toUpperCase()}` === name)!;
    });
    expect(closed.length).toBeGreaterThanOrEqual(4);
    expect(later.candidates.map((c) => c.code).sort()).toEqual(closedCodes.sort());
    expect(later.candidates.every((c) => (unconsented.includes(c.code) ? c.basis === 'no_consent' : c.basis === 'retention'))).toBe(true);

    expect(await api.retention.purge({ situationIds: later.candidates.map((c) => c.id), actorPassword: 'pas-le-bon' })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED' },
    });
    now = new Date('2029-01-15T09:05:00Z');
    const result = await ok(api.retention.purge({ situationIds: later.candidates.map((c) => c.id), actorPassword: PASSWORD }));
    expect(result.erased.map((e) => e.code).sort()).toEqual(later.candidates.map((c) => c.code).sort());

    const db = vault.database();
    expect(commissionCounts(db, YEAR)).toEqual(before);
    const text = allText(db);
    for (const person of closed) {
      const needles = [person.lastName, person.address, person.synthesis.slice(0, 40), person.question];
      for (const needle of needles.filter((n) => n.length > 0)) {
        expect(text.includes(needle), `${person.path}: ${needle}`).toBe(false);
      }
    }
    // Those still open keep their file.
    const open = DEMO_SITUATIONS.find((p) => !closed.includes(p))!;
    expect(text.includes(open.lastName)).toBe(true);
    expect(
      db
        .prepare(
          'SELECT count(*) FROM consent_scans c JOIN consents k ON k.id = c.consent_id JOIN situation_purges p ON p.situation_id = k.situation_id',
        )
        .pluck()
        .get(),
    ).toBe(0);
    // Erased situations refuse every use, and say why.
    const erasedId = later.candidates[0]!.id;
    expect(await api.situations.referralForm({ id: erasedId })).toMatchObject({ ok: false });
    const detail = await ok(api.situations.get({ id: erasedId }));
    expect(detail).toMatchObject({ identity: null, erasedOn: '2029-01-15', question: '' });
    expect(detail.preconditions).toEqual([expect.objectContaining({ gate: 'G9', met: false })]);
    // The trail says what was erased, by code and basis, never by name.
    const events = await ok(api.audit.list({ action: 'retention.purge', limit: 20 }));
    expect(events.events.map((e) => e.detail)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^situation=S-2026-\d{3},basis=retention$/)]),
    );
    expect(JSON.stringify(events)).not.toContain(withdrawn.lastName);
    vault.lock('shutdown');
  });
});
