// The board's sections are decided in SQL; the stage of each action is decided in code for its
// row. Over every combination of due day, review and answer, both must agree, and the counts with
// them — else an action would sit in « En retard » on the board and « En cours » in its row.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { boardCounts, sectionRows } from '../../electron/services/meetings/action-board';
import { actionStage } from '../../electron/services/meetings/actions';
import { addDays } from '../../electron/shared/dates';
import { BOARD_SECTION_CODES, type ActionStage, type BoardSection } from '../../electron/shared/meeting-vocabulary';
import { freshEncryptedDb, seedDeliberatedItem } from '../helpers/db';

let db: Db | undefined;
afterEach(() => db?.close());

const now = '2026-04-01T09:00:00.000Z';
const today = '2026-04-10';

const SECTION_OF: Record<ActionStage, BoardSection> = {
  overdue: 'overdue',
  due_soon: 'due_soon',
  started: 'open',
  awaiting_agreement: 'open',
  refused: 'open',
  done: 'reviewed',
  not_possible: 'reviewed',
  not_done: 'reviewed',
};

function seedActions(handle: Db): number {
  seedDeliberatedItem(handle, now, '2026-03-20');
  const insert = handle.prepare(
    `INSERT INTO actions (item_id, what, owner_member_id, owner_structure_id, due_on, outcome, reviewed_on, person_agreement, created_by, created_at)
     VALUES (1, 'Visite', 1, NULL, ?, ?, ?, ?, 1, ?)`,
  );
  let n = 0;
  // The edges of each section: yesterday, today, the last day « due soon », the day after.
  for (const offset of [-30, -1, 0, 1, 14, 15, 60])
    for (const outcome of [null, 'done', 'not_possible', 'not_done'])
      for (const agreement of [null, 'agreed', 'refused', 'discuss']) {
        insert.run(addDays(today, offset), outcome, outcome ? today : null, agreement, now);
        n++;
      }
  return n;
}

describe('the follow-up board in SQL', () => {
  it('puts every action in the one section its stage says, counts them, and pages each section in due order', () => {
    db = freshEncryptedDb().db;
    migrate(db, {});
    const total = seedActions(db);
    const ctx = { db, today };
    const all = db.prepare('SELECT id, due_on AS dueOn, outcome, person_agreement AS agreement FROM actions').all() as {
      id: number;
      dueOn: string;
      outcome: 'done' | 'not_possible' | 'not_done' | null;
      agreement: 'agreed' | 'refused' | 'discuss' | null;
    }[];
    const expected = Object.fromEntries(BOARD_SECTION_CODES.map((s) => [s, [] as number[]])) as Record<BoardSection, number[]>;
    for (const a of all) expected[SECTION_OF[actionStage(a, today)]].push(a.id);

    const counts = boardCounts(ctx, {});
    expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBe(total);
    for (const section of BOARD_SECTION_CODES) {
      expect(counts[section], section).toBe(expected[section].length);
      expect(counts[section], section).toBeGreaterThan(0);
      const rows = sectionRows(ctx, { section, limit: 500, offset: 0 });
      expect(
        rows.map((r) => r.id).sort((x, y) => x - y),
        section,
      ).toEqual(expected[section]);
      expect(rows.every((r) => SECTION_OF[r.stage] === section)).toBe(true);
      const due = rows.map((r) => r.dueOn);
      if (section !== 'reviewed') expect(due).toEqual([...due].sort());
      // Pages of 5 walk the same rows.
      const paged = [];
      for (let offset = 0; offset < rows.length; offset += 5) paged.push(...sectionRows(ctx, { section, limit: 5, offset }));
      expect(paged.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    }
    expect(boardCounts(ctx, { structureId: 2 })).toEqual({ overdue: 0, due_soon: 0, open: 0, reviewed: 0 });
    expect(boardCounts(ctx, { code: 's 2026 001' })).toEqual(counts);
    expect(boardCounts(ctx, { code: 'S-2025' })).toEqual({ overdue: 0, due_soon: 0, open: 0, reviewed: 0 });
  });
});
