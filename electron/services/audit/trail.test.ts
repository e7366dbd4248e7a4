import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection';
import { migrate } from '../../../db/migrate';
import { freshEncryptedDb } from '../../../tests/helpers/db';
import type { AuditAction } from '../../shared/audit-actions';
import { appendAudit, GENESIS_HASH, listAudit, verifyAudit } from './trail';

const noon = new Date('2026-03-02T11:00:00Z');

let db: Db | undefined;
afterEach(() => db?.close());

function trailWith(count: number): Db {
  const handle = freshEncryptedDb().db;
  migrate(handle);
  for (let i = 0; i < count; i += 1) {
    appendAudit(handle, { userId: null, action: 'users.create', objectType: 'user', objectId: i + 1, outcome: 'success' }, noon);
  }
  return handle;
}

/** What someone holding the key could do with a SQLite shell: drop the guard, then edit. */
function tamper(handle: Db, sql: string): void {
  handle.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  handle.exec(sql);
}

describe('audit trail', () => {
  it('chains each event to the previous one', () => {
    db = trailWith(3);
    const rows = db.prepare('SELECT id, prev_hash, hash FROM audit_events ORDER BY id').all() as { prev_hash: string; hash: string }[];
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(verifyAudit(db)).toEqual({ ok: true, count: 3 });
  });

  it('finds a row modified behind the app’s back', () => {
    db = trailWith(5);
    tamper(db, `UPDATE audit_events SET outcome = 'refused' WHERE id = 3`);
    const result = verifyAudit(db);
    expect(result).toMatchObject({ ok: false, brokenEventId: 3, count: 2 });
    expect(result.ok ? '' : result.reason).toMatch(/contenu modifié/);
  });

  it('finds a deleted event and a rewritten hash', () => {
    db = trailWith(5);
    tamper(db, 'DELETE FROM audit_events WHERE id = 2');
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenEventId: 2 });
    db.close();

    db = trailWith(4);
    // Recomputing the hash of the edited row is not enough: the next event still points to the old one.
    tamper(db, `UPDATE audit_events SET hash = '${'f'.repeat(64)}' WHERE id = 2`);
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenEventId: 2 });
  });

  it('reports removed protections even when the rows are intact', () => {
    db = trailWith(2);
    db.exec('DROP TRIGGER audit_events_no_delete');
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenEventId: null });
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
    expect(verifyAudit(db)).toEqual({ ok: true, count: 0 });
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
