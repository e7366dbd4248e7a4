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

describe('the last contact and the last review, kept by SQLite (migration 018)', () => {
  // The oracle: each date recomputed from every dated step, as the lists computed it before.
  const LAST_CONTACT = `max(s.received_on, COALESCE(s.eligibility_decided_on, ''), COALESCE(s.closed_on, ''),
    COALESCE((SELECT max(m.held_on) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
      WHERE i.situation_id = s.id AND i.status <> 'dropped' AND m.state IN ('held', 'minutes_signed')), ''),
    COALESCE((SELECT max(max(c.collected_on, COALESCE(c.withdrawn_on, ''))) FROM consents c WHERE c.situation_id = s.id), ''),
    COALESCE((SELECT max(d.returned_on) FROM deliberations d JOIN agenda_items i ON i.id = d.item_id WHERE i.situation_id = s.id), ''),
    COALESCE((SELECT max(a.reviewed_on) FROM actions a JOIN agenda_items i ON i.id = a.item_id WHERE i.situation_id = s.id), ''))`;
  const LAST_REVIEW = `max(
    COALESCE((SELECT max(m.held_on) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
      WHERE i.situation_id = s.id AND i.status = 'deliberated'), ''),
    COALESCE((SELECT max(d.returned_on) FROM deliberations d JOIN agenda_items i ON i.id = d.item_id WHERE i.situation_id = s.id), ''),
    COALESCE((SELECT max(a.reviewed_on) FROM actions a JOIN agenda_items i ON i.id = a.item_id WHERE i.situation_id = s.id), ''),
    COALESCE((SELECT max(substr(t.at, 1, 10)) FROM situation_transitions t WHERE t.situation_id = s.id AND t.to_state = 'follow_up'), ''))`;
  const drifted = (db: Db) =>
    db
      .prepare(
        `SELECT s.code, s.last_contact_on AS kept, ${LAST_CONTACT} AS contact, s.last_review_on AS keptReview, ${LAST_REVIEW} AS review
         FROM situations s WHERE s.last_contact_on IS NOT ${LAST_CONTACT} OR s.last_review_on IS NOT ${LAST_REVIEW}`,
      )
      .all();

  it('agree with every dated step after the demo year, and after each kind of change to a step', async () => {
    const vault = new Vault({ dataDir });
    await vault.unlock(LOGIN, PASSWORD);
    const db = vault.database();
    try {
      expect(db.prepare(`SELECT count(*) FROM situations WHERE last_contact_on = ''`).pluck().get()).toBe(0);
      expect(drifted(db)).toEqual([]);
      const one = (sql: string) => db.prepare(sql).pluck().get() as number;
      // An item examined and followed up, whose situation holds a consent not withdrawn.
      const item = one(`SELECT i.id FROM agenda_items i JOIN deliberations d ON d.item_id = i.id
        WHERE i.status = 'deliberated' AND EXISTS (SELECT 1 FROM actions a WHERE a.item_id = i.id)
          AND EXISTS (SELECT 1 FROM consents c WHERE c.situation_id = i.situation_id AND c.withdrawn_on IS NULL) ORDER BY i.id LIMIT 1`);
      const meeting = one(`SELECT meeting_id FROM agenda_items WHERE id = ${item}`);
      const situation = one(`SELECT situation_id FROM agenda_items WHERE id = ${item}`);
      const other = one(
        `SELECT id FROM meetings WHERE id NOT IN (SELECT meeting_id FROM agenda_items WHERE situation_id = ${situation}) LIMIT 1`,
      );
      const action = one(`SELECT id FROM actions WHERE item_id = ${item} ORDER BY id LIMIT 1`);
      const consent = one(`SELECT id FROM consents WHERE situation_id = ${situation} AND withdrawn_on IS NULL LIMIT 1`);
      const transition = one(`SELECT id FROM situation_transitions WHERE situation_id = ${situation} ORDER BY id DESC LIMIT 1`);
      /** A row inserted as a copy of another, some columns changed. */
      const copyWithNewId = (table: string, where: string, set: string) => {
        const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
          .map((c) => c.name)
          .filter((c) => c !== 'id');
        return `DROP TABLE IF EXISTS temp.copy; CREATE TEMP TABLE copy AS SELECT * FROM ${table} WHERE ${where};
          UPDATE temp.copy SET ${set}; INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM temp.copy;`;
      };
      // Each change puts a step on a day later than any other, or takes the latest away: the kept dates must follow.
      const changes: [string, boolean][] = [
        [`UPDATE meetings SET state = 'planned' WHERE id = ${meeting}`, false],
        [`UPDATE meetings SET held_on = '2027-02-01' WHERE id = ${meeting}`, true],
        [`UPDATE meetings SET state = 'held' WHERE id = ${meeting}`, true],
        [`UPDATE agenda_items SET status = 'dropped', dropped_at = '2027-02-02T10:00:00.000Z' WHERE id = ${item}`, true],
        [`UPDATE agenda_items SET status = 'deliberated', dropped_at = NULL WHERE id = ${item}`, true],
        [`UPDATE agenda_items SET meeting_id = ${other} WHERE id = ${item}`, true],
        [`UPDATE agenda_items SET meeting_id = ${meeting} WHERE id = ${item}`, true],
        [`UPDATE deliberations SET returned_on = '2027-03-01' WHERE item_id = ${item}`, true],
        [
          `CREATE TEMP TABLE saved AS SELECT * FROM deliberations WHERE item_id = ${item}; DELETE FROM deliberations WHERE item_id = ${item}`,
          true,
        ],
        [`UPDATE temp.saved SET returned_on = '2027-03-15'; INSERT INTO deliberations SELECT * FROM temp.saved`, true],
        [`UPDATE actions SET reviewed_on = '2027-04-01' WHERE id = ${action}`, true],
        [copyWithNewId('actions', `id = ${action}`, `reviewed_on = '2027-04-15'`), true],
        [`DELETE FROM actions WHERE item_id = ${item} AND reviewed_on = '2027-04-15'`, true],
        [`DELETE FROM agenda_items WHERE id = ${item}`, true],
        [
          `UPDATE consents SET withdrawn_on = '2027-05-01', withdrawal_recorded_at = '2027-05-01T10:00:00.000Z', withdrawn_recorded_by = recorded_by
           WHERE id = ${consent}`,
          true,
        ],
        [
          copyWithNewId(
            'consents',
            `id = ${consent}`,
            `collected_on = '2027-05-15', withdrawn_on = NULL, withdrawal_recorded_at = NULL, withdrawn_recorded_by = NULL`,
          ),
          true,
        ],
        [copyWithNewId('situation_transitions', `id = ${transition}`, `at = '2027-06-01T10:00:00.000Z', to_state = 'follow_up'`), true],
        [`UPDATE situations SET closed_on = '2027-07-01' WHERE id = ${situation}`, true],
        [`UPDATE situations SET eligibility_decided_on = '2027-08-01' WHERE id = ${situation}`, true],
        [`UPDATE situations SET received_on = '2027-09-01' WHERE id = ${situation}`, true],
      ];
      const kept = () =>
        db.prepare(`SELECT last_contact_on || ' / ' || last_review_on FROM situations WHERE id = ?`).pluck().get(situation);
      db.exec('PRAGMA defer_foreign_keys = ON; BEGIN');
      try {
        let before = kept();
        for (const [change, changesKept] of changes) {
          db.exec(change);
          expect(drifted(db), change).toEqual([]);
          const after = kept();
          if (changesKept) expect(after, change).not.toBe(before);
          before = after;
        }
      } finally {
        db.exec('ROLLBACK');
      }
    } finally {
      vault.lock('shutdown');
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
