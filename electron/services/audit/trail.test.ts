import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { freshEncryptedDb } from '../../../tests/helpers/db';
import type { AuditAction } from '../../shared/audit-actions';
import { appendAudit, GENESIS_HASH, listAudit } from './trail';
import { AUDIT_EVENTS_DELETE_GUARD } from '../../../db/migrations/011_audit_checkpoint_seals';
import {
  appendGenesis,
  AuditAnchor,
  auditHeadMark,
  formatAnchor,
  guardProblem,
  parseAnchor,
  verifyAudit,
  verifyAuditInSlices,
  VERIFY_SLICE,
} from './verify';

const noon = new Date('2026-03-02T11:00:00Z');
const DATABASE_ID = '5e'.repeat(16);
const verify = (handle: Db, anchors: AuditAnchor[] = []) => verifyAudit(handle, { databaseId: DATABASE_ID, anchors });

let db: Db | undefined;
afterEach(() => db?.close());

/** A migrated database whose trail holds its genesis and `count` events after it. */
function trailWith(count: number): Db {
  const handle = freshEncryptedDb().db;
  migrate(handle);
  appendGenesis(handle, DATABASE_ID, noon);
  handle.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      appendAudit(handle, { userId: null, action: 'users.create', objectType: 'user', objectId: i + 1, outcome: 'success' }, noon);
    }
  })();
  return handle;
}

/** What someone holding the key could do with a SQLite shell: drop the guard, then edit. */
function tamper(handle: Db, sql: string): void {
  handle.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  handle.exec(sql);
}

/** …and put guards back, with their exact names, so that a check by name alone would pass. */
function restoreGuards(handle: Db): void {
  handle.exec(`
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
    ${AUDIT_EVENTS_DELETE_GUARD};`);
}

const headOf = (handle: Db) => handle.prepare('SELECT id AS count, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as AuditAnchor;

describe('the times of the trail', () => {
  it('never date an event before the one it follows, even when the clock was set back', () => {
    db = trailWith(1);
    const earlier = new Date('2026-03-02T09:00:00Z');
    const event = appendAudit(db, { userId: null, action: 'session.lock', outcome: 'success', detail: 'reason=user' }, earlier);
    expect(event.at).toBe(noon.toISOString());
    const later = appendAudit(db, { userId: null, action: 'session.lock', outcome: 'success' }, new Date('2026-03-02T12:00:00Z'));
    expect(later.at).toBe('2026-03-02T12:00:00.000Z');
    expect(verify(db).ok).toBe(true);
  });
});

describe('audit trail', () => {
  it('starts with the genesis event naming the database, and chains each event to the previous one', () => {
    db = trailWith(3);
    const rows = db.prepare('SELECT id, action, detail, prev_hash, hash FROM audit_events ORDER BY id').all() as {
      action: string;
      detail: string;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows[0]).toMatchObject({ action: 'audit.genesis', detail: `database=${DATABASE_ID}`, prev_hash: GENESIS_HASH });
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[3]?.prev_hash).toBe(rows[2]?.hash);
    expect(verify(db)).toEqual({ ok: true, count: 4, head: { count: 4, hash: rows[3]!.hash }, anchors: [], archives: 0 });
    expect(() => appendGenesis(db!, DATABASE_ID, noon)).toThrow(/first of the trail/);
  });

  it('finds a row modified behind the app’s back', () => {
    db = trailWith(5);
    tamper(db, `UPDATE audit_events SET outcome = 'refused' WHERE id = 3`);
    const result = verify(db);
    expect(result).toMatchObject({ ok: false, brokenEventId: 3, count: 2 });
    expect(result.ok ? '' : result.reason).toMatch(/contenu modifié/);
  });

  it('finds a deleted event and a rewritten hash', () => {
    db = trailWith(5);
    tamper(db, 'DELETE FROM audit_events WHERE id = 2');
    expect(verify(db)).toMatchObject({ ok: false, brokenEventId: 2 });
    db.close();

    db = trailWith(4);
    // Recomputing the hash of the edited row is not enough: the next event still points to the old one.
    tamper(db, `UPDATE audit_events SET hash = '${'f'.repeat(64)}' WHERE id = 2`);
    expect(verify(db)).toMatchObject({ ok: false, brokenEventId: 2 });
  });

  it('refuses a wiped or truncated trail, another database’s genesis, and a keyring without the id', () => {
    db = trailWith(3);
    tamper(db, 'DELETE FROM audit_events');
    restoreGuards(db);
    expect(verify(db)).toMatchObject({
      ok: false,
      count: 0,
      reason: expect.stringMatching(/ne commence pas par son événement de création/),
    });
    db.close();

    db = trailWith(3);
    tamper(db, 'DELETE FROM audit_events WHERE id = 1');
    restoreGuards(db);
    expect(verify(db)).toMatchObject({ ok: false, reason: expect.stringMatching(/vidé ou tronqué/) });
    db.close();

    db = trailWith(1);
    expect(verifyAudit(db, { databaseId: 'ff'.repeat(16) })).toMatchObject({
      ok: false,
      brokenEventId: 1,
      reason: expect.stringMatching(/pas la création de cette base/),
    });
    expect(verifyAudit(db, { databaseId: null })).toMatchObject({ ok: false, reason: expect.stringMatching(/trousseau ne porte pas/) });
  });

  it('reports removed protections even when the rows are intact', () => {
    db = trailWith(2);
    db.exec('DROP TRIGGER audit_events_no_delete');
    expect(verify(db)).toMatchObject({ ok: false, brokenEventId: null, reason: expect.stringMatching(/retirées/) });
  });

  it('reads the guards’ SQL: a same-named trigger that lets edits through, or an extra trigger, is reported', () => {
    db = trailWith(2);
    expect(guardProblem(db)).toBeNull();
    db.exec(`DROP TRIGGER audit_events_no_update;
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;`);
    expect(verify(db)).toMatchObject({
      ok: false,
      brokenEventId: null,
      reason: expect.stringMatching(/« audit_events_no_update » du journal a été modifiée/),
    });
    db.close();

    db = trailWith(2);
    db.exec(`CREATE TRIGGER audit_events_rewrite AFTER INSERT ON audit_events BEGIN SELECT 1; END;`);
    expect(verify(db)).toMatchObject({ ok: false, reason: expect.stringMatching(/déclencheur inconnu/) });
  });

  it('checks the chain against anchors kept outside: extended, rewritten, or truncated', () => {
    db = trailWith(3);
    const anchor = { ...headOf(db), source: 'sauvegarde du 02/03/2026' };
    appendAudit(db, { userId: null, action: 'session.lock', outcome: 'success' }, noon);
    expect(verify(db, [anchor])).toMatchObject({ ok: true, anchors: [{ ...anchor, status: 'extended' }] });

    // A key holder rebuilds the whole chain with one event left out: consistent, but not the anchored one.
    const rows = db.prepare('SELECT * FROM audit_events WHERE id > 2 ORDER BY id').all() as {
      at: string;
      user_id: number | null;
      action: string;
      outcome: 'success';
    }[];
    tamper(db, 'DELETE FROM audit_events WHERE id > 1');
    restoreGuards(db);
    for (const row of rows)
      appendAudit(db, { userId: row.user_id, action: row.action as AuditAction, outcome: row.outcome }, new Date(row.at));
    expect(verify(db)).toMatchObject({ ok: true });
    const rewritten = verify(db, [anchor]);
    expect(rewritten).toMatchObject({ ok: false, anchors: [{ status: 'diverged' }] });
    expect(rewritten.ok ? '' : rewritten.reason).toMatch(/ne prolonge pas l’ancre 4:.*sauvegarde du 02\/03\/2026/);
    expect(verify(db, [{ count: 40, hash: anchor.hash }])).toMatchObject({ ok: false, reason: expect.stringMatching(/tronqué/) });
  });

  it('reads and writes anchors as COUNT:HASH', () => {
    const hash = 'a1'.repeat(32);
    expect(formatAnchor({ count: 128, hash })).toBe(`128:${hash}`);
    expect(parseAnchor(` 128:${hash.toUpperCase()} `)).toEqual({ count: 128, hash });
    for (const bad of ['128', `x:${hash}`, `12:${hash.slice(2)}`, `-1:${hash}`, `128:${hash}/3`]) expect(parseAnchor(bad)).toBeNull();
    // With the latest checkpoint when the anchor was taken.
    const checkpoint = { throughId: 40, hash: 'b2'.repeat(32) };
    expect(formatAnchor({ count: 128, hash, checkpoint })).toBe(`128:${hash}/40:${checkpoint.hash}`);
    expect(parseAnchor(`128:${hash}/40:${checkpoint.hash}`)).toEqual({ count: 128, hash, checkpoint });
  });

  it('fails an anchor whose checkpoint the trail no longer holds', () => {
    db = trailWith(5);
    const head = auditHeadMark(db);
    expect(verify(db, [{ ...head, checkpoint: null }])).toMatchObject({ ok: true, anchors: [{ status: 'extended' }] });
    const gone = verify(db, [{ ...head, checkpoint: { throughId: 3, hash: head.hash } }]);
    expect(gone).toMatchObject({ ok: false, anchors: [{ status: 'diverged' }] });
  });

  it('accepts identifiers and codes only, so no name can enter the trail', () => {
    db = trailWith(0);
    expect(() =>
      appendAudit(db!, { userId: null, action: 'users.create', objectId: 'Françoise Marchal', outcome: 'success' }, noon),
    ).toThrow();
    expect(() =>
      appendAudit(db!, { userId: null, action: 'Ouverture du dossier de M. X' as AuditAction, outcome: 'success' }, noon),
    ).toThrow();
    expect(() => appendAudit(db!, { userId: null, action: 'users.create', detail: 'nom=Dupont Jean', outcome: 'success' }, noon)).toThrow();
    // Well-formed but not in the list of audit actions: refused too.
    expect(() => appendAudit(db!, { userId: null, action: 'users.exportEverything' as AuditAction, outcome: 'success' }, noon)).toThrow(
      /list of audit actions/,
    );
    expect(verify(db)).toMatchObject({ ok: true, count: 1 });
  });
});

describe('audit list', () => {
  it('filters by domain, outcome, user and dates, newest first, with a total for paging', () => {
    db = freshEncryptedDb().db;
    migrate(db);
    db.prepare(`INSERT INTO users (id, login, display_name, role, created_at) VALUES (7, 'a.b', 'A B', 'animateur', '2026-01-01')`).run();
    const at = (day: string) => new Date(`${day}T10:00:00Z`);
    appendAudit(db, { userId: 7, action: 'users.create', outcome: 'success' }, at('2026-03-01'));
    appendAudit(db, { userId: null, action: 'users.list', outcome: 'refused', detail: 'code=FORBIDDEN' }, at('2026-03-02'));
    appendAudit(db, { userId: 7, action: 'settings.update', outcome: 'success' }, at('2026-03-03'));
    appendAudit(db, { userId: 7, action: 'session.unlock', outcome: 'success' }, at('2026-03-04'));
    const page = (f: object) => listAudit(db!, { limit: 50, offset: 0, ...f });
    expect(page({ action: 'users' }).events.map((e) => e.action)).toEqual(['users.list', 'users.create']);
    expect(page({ outcome: 'refused' }).total).toBe(1);
    expect(page({ userId: 7 }).total).toBe(3);
    expect(page({ from: '2026-03-02', to: '2026-03-03' }).events.map((e) => e.id)).toEqual([3, 2]);
    expect(listAudit(db, { limit: 1, offset: 1 })).toMatchObject({ total: 4, events: [{ id: 3 }] });
  });

  it('filters by Paris days: 00:30 in Paris belongs to that day, not to the UTC day before', () => {
    db = freshEncryptedDb().db;
    migrate(db);
    appendAudit(db, { userId: null, action: 'session.lock', outcome: 'success' }, new Date('2026-03-01T23:30:00Z')); // 02/03 00:30 Paris
    appendAudit(db, { userId: null, action: 'session.lock', outcome: 'success' }, new Date('2026-03-02T22:59:00Z')); // 02/03 23:59 Paris
    appendAudit(db, { userId: null, action: 'session.lock', outcome: 'success' }, new Date('2026-03-02T23:00:00Z')); // 03/03 00:00 Paris
    expect(listAudit(db, { limit: 50, offset: 0, from: '2026-03-02', to: '2026-03-02' }).events.map((e) => e.id)).toEqual([2, 1]);
    expect(listAudit(db, { limit: 50, offset: 0, from: '2026-03-03' }).events.map((e) => e.id)).toEqual([3]);
  });
});

describe('incremental verification (issue 28)', () => {
  it('hashes only what follows a mark: a change behind it is for the full walk, one after it is found', () => {
    db = trailWith(30_000);
    const mark = { count: 20_000, hash: db.prepare('SELECT hash FROM audit_events WHERE id = 20000').pluck().get() as string };
    const slices: number[] = [];
    const whole = verifyAudit(db, { databaseId: DATABASE_ID, onProgress: (id) => slices.push(id) });
    expect(whole).toMatchObject({ ok: true, count: 30_001 });
    // Slices from the event after the genesis.
    expect(slices).toEqual(Array.from({ length: 30_000 / VERIFY_SLICE }, (_, i) => 1 + (i + 1) * VERIFY_SLICE));
    const after = verifyAudit(db, { databaseId: DATABASE_ID, from: mark });
    expect(after).toMatchObject({ ok: true, count: 30_001, head: headOf(db) });

    tamper(db, `UPDATE audit_events SET outcome = 'refused' WHERE id = 500`);
    restoreGuards(db);
    expect(verifyAudit(db, { databaseId: DATABASE_ID, from: mark })).toMatchObject({ ok: true });
    expect(verify(db)).toMatchObject({ ok: false, brokenEventId: 500 });

    tamper(db, `UPDATE audit_events SET outcome = 'refused' WHERE id = 25000`);
    restoreGuards(db);
    expect(verifyAudit(db, { databaseId: DATABASE_ID, from: mark })).toMatchObject({ ok: false, brokenEventId: 25_000 });
  });

  it('refuses a mark the trail no longer holds, and walks in slices without blocking', async () => {
    db = trailWith(12_000);
    const forged = { count: 11_000, hash: 'a'.repeat(64) };
    expect(verifyAudit(db, { databaseId: DATABASE_ID, from: forged })).toMatchObject({ ok: false, brokenEventId: 11_000 });
    let finished = false;
    let servedDuringWalk = false;
    // Another call, queued as the walk starts: served between two slices, not after the walk.
    setImmediate(() => (servedDuringWalk = !finished));
    const sliced = verifyAuditInSlices(db, { databaseId: DATABASE_ID }).then((result) => {
      finished = true;
      return result;
    });
    expect(await sliced).toMatchObject({ ok: true, count: 12_001 });
    expect(servedDuringWalk).toBe(true);
  });
});
