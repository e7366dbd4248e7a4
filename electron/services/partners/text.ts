import { normalizeText } from '../../shared/search-text';

export { normalizeText };

export function memberDisplayName(member: { firstName: string; lastName: string }): string {
  return `${member.firstName} ${member.lastName}`.trim();
}
