// G5 — Scope. Before an item is opened, every member present at that moment must belong to a
// professional category the person allowed, and to a structure the person did not exclude. The
// gate names each member who must leave the room for this item; the session records their exit or
// postpones the item. Pure: the loader is in meetings/scope.ts.
import { CATEGORIES, Category } from '../../shared/vocabulary';
import type { GateReason } from '../../shared/gate-reason';

export interface PresentMember {
  memberId: number;
  displayName: string;
  category: Category;
  structureId: number;
  structureName: string;
}

export interface ScopeGateFacts {
  situation: { id: number; code: string };
  /** The consent in force; without one, G1 refuses first and G5 has nothing to add. */
  consent: { allowedCategories: readonly Category[]; excludedStructureIds: readonly number[] } | null;
  /** Members in the room for this item (present, substitutes, invitees), minus those who left it. */
  present: readonly PresentMember[];
}

export function scopeGate({ situation, consent, present }: ScopeGateFacts): GateReason[] {
  if (consent === null) return [];
  const reasons: GateReason[] = [];
  for (const member of present) {
    const subject = { type: 'member', id: member.memberId } as const;
    if (consent.excludedStructureIds.includes(member.structureId)) {
      reasons.push({
        gate: 'G5',
        code: 'STRUCTURE_EXCLUDED',
        subject,
        message: `${member.displayName} (${member.structureName}) doit quitter la salle pour le point ${situation.code} : la personne a exclu la structure « ${member.structureName} ».`,
      });
    } else if (!consent.allowedCategories.includes(member.category)) {
      reasons.push({
        gate: 'G5',
        code: 'CATEGORY_NOT_ALLOWED',
        subject,
        message: `${member.displayName} (${CATEGORIES[member.category].toLowerCase()}) doit quitter la salle pour le point ${situation.code} : la personne n’a pas autorisé cette catégorie de professionnels.`,
      });
    }
  }
  return reasons;
}
