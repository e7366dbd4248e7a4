/**
 * Lower-case, accent-free, punctuation-free form for searching and matching what people type:
 * « Metz-Sud », « metz sud » and « METZ SUD » are the same, and so are « Hœrner » and « Hoerner ».
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

export function matchesSearch(search: string | undefined, ...fields: string[]): boolean {
  if (!search) return true;
  const wanted = normalizeText(search);
  return fields.some((field) => normalizeText(field).includes(wanted));
}

export function memberDisplayName(member: { firstName: string; lastName: string }): string {
  return `${member.firstName} ${member.lastName}`.trim();
}
