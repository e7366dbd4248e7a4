// The follow-up board at the scale of years: the section (overdue, due soon, under way, reviewed)
// is decided in SQL with the limit days computed once, a page of 50 rows is read, and the counts
// of every section come with it — one call per view, one audit event per consultation.
import type { ServiceContext } from '../context';
import { auditListView } from '../audit/views';
import { ACTION_SELECT, ActionRow, ActionView, dueSoonLimit, toView } from './actions';
import type { BoardSection } from '../../shared/meeting-vocabulary';
import { containsPattern } from '../../shared/search-text';

export interface BoardPage {
  items: ActionView[];
  /** Rows of the section asked for, under the filters. */
  total: number;
  /** Rows of every section under the filters: the section tabs show them. */
  counts: Record<BoardSection, number>;
}

export interface BoardQuery {
  structureId?: number | undefined;
  situationId?: number | undefined;
  code?: string | undefined;
  section: BoardSection;
  limit: number;
  offset: number;
}

/** Each section as SQL over `a` (actions) with @today and @soon; together they cover every action once. */
const SECTION_SQL: Record<BoardSection, string> = {
  overdue: `a.outcome IS NULL AND coalesce(a.person_agreement, '') <> 'refused' AND a.due_on < @today`,
  due_soon: `a.outcome IS NULL AND coalesce(a.person_agreement, '') <> 'refused' AND a.due_on >= @today AND a.due_on <= @soon`,
  open: `a.outcome IS NULL AND (a.person_agreement = 'refused' OR a.due_on > @soon)`,
  reviewed: `a.outcome IS NOT NULL`,
};

const FILTERS = `(@structureId IS NULL OR coalesce(a.owner_structure_id, (SELECT structure_id FROM members WHERE id = a.owner_member_id)) = @structureId)
  AND (@situationId IS NULL OR a.item_id IN (SELECT id FROM agenda_items WHERE situation_id = @situationId))
  AND (@code IS NULL OR a.item_id IN (SELECT i.id FROM agenda_items i JOIN situations s ON s.id = i.situation_id
    WHERE replace(lower(s.code), '-', ' ') LIKE @code ESCAPE '\\'))`;

function params(ctx: Pick<ServiceContext, 'today'>, input: Omit<BoardQuery, 'section' | 'limit' | 'offset'>) {
  return {
    today: ctx.today,
    soon: dueSoonLimit(ctx.today),
    structureId: input.structureId ?? null,
    situationId: input.situationId ?? null,
    code: input.code?.trim() ? containsPattern(input.code) : null,
  };
}

export function boardCounts(
  ctx: Pick<ServiceContext, 'db' | 'today'>,
  input: Omit<BoardQuery, 'section' | 'limit' | 'offset'>,
): Record<BoardSection, number> {
  const sums = (Object.keys(SECTION_SQL) as BoardSection[]).map((s) => `coalesce(sum(CASE WHEN ${SECTION_SQL[s]} THEN 1 END), 0) AS ${s}`);
  return ctx.db.prepare(`SELECT ${sums.join(', ')} FROM actions a WHERE ${FILTERS}`).get(params(ctx, input)) as Record<
    BoardSection,
    number
  >;
}

/** One section of the board, paged, in the order a keeper works: by due day. */
export function sectionRows(ctx: Pick<ServiceContext, 'db' | 'today'>, input: BoardQuery): ActionView[] {
  const p = params(ctx, input);
  const order = input.section === 'reviewed' ? 'a.reviewed_on DESC, a.id DESC' : 'a.due_on, a.id';
  const rows = ctx.db
    .prepare(
      `${ACTION_SELECT} WHERE a.id IN (SELECT a.id FROM actions a WHERE ${SECTION_SQL[input.section]} AND ${FILTERS} ORDER BY ${order} LIMIT @limit OFFSET @offset)
       ORDER BY ${order}`,
    )
    .all({ ...p, limit: input.limit, offset: input.offset }) as ActionRow[];
  return rows.map((r) => toView(r, p.today, p.soon));
}

export function pageActions(ctx: ServiceContext, input: BoardQuery): BoardPage {
  const counts = boardCounts(ctx, input);
  auditListView(ctx, 'actions.board');
  return { items: sectionRows(ctx, input), total: counts[input.section], counts };
}
