/**
 * Lower-case, accent-free, punctuation-free form for searching and matching what people type:
 * « Metz-Sud », « metz sud » and « METZ SUD » are the same, and so are « Hœrner » and « Hoerner ».
 * The lists store it beside the name (`search_text`), so a search is a `LIKE` in SQL.
 */
export function normalizeText(value: string): string {
  return value
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The stored search form of several fields, one space apart. */
export const searchText = (...fields: (string | null | undefined)[]): string => normalizeText(fields.filter(Boolean).join(' '));

/** A `LIKE` pattern finding `search` anywhere in a `search_text` column (escape character `\`). */
export function containsPattern(search: string): string {
  return `%${normalizeText(search).replace(/[%_\\]/g, '\\$&')}%`;
}
