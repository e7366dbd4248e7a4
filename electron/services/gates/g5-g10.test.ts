import { describe, expect, it } from 'vitest';
import { actionStage } from '../meetings/actions';
import { agreementGate } from './g10-person';
import { PresentMember, scopeGate } from './g5-scope';

const situation = { id: 7, code: 'S-2026-007' };
const member = (memberId: number, category: PresentMember['category'], structureId: number): PresentMember => ({
  memberId,
  displayName: `Membre ${memberId}`,
  category,
  structureId,
  structureName: `Structure ${structureId}`,
});
const consent = { allowedCategories: ['travailleur_social', 'professionnel_sante'] as const, excludedStructureIds: [30] };

describe('G5 — scope of the item', () => {
  it('lets through a room whose every member is allowed', () => {
    expect(scopeGate({ situation, consent, present: [member(1, 'travailleur_social', 10), member(2, 'professionnel_sante', 20)] })).toEqual(
      [],
    );
  });

  it('names each member to leave: an excluded structure first, else a category not allowed', () => {
    const reasons = scopeGate({
      situation,
      consent,
      present: [member(1, 'travailleur_social', 30), member(2, 'mandataire_judiciaire', 20), member(3, 'personnel_bailleur', 30)],
    });
    expect(reasons.map((r) => [r.gate, r.code, r.subject])).toEqual([
      ['G5', 'STRUCTURE_EXCLUDED', { type: 'member', id: 1 }],
      ['G5', 'CATEGORY_NOT_ALLOWED', { type: 'member', id: 2 }],
      ['G5', 'STRUCTURE_EXCLUDED', { type: 'member', id: 3 }],
    ]);
    expect(reasons[1]!.message).toBe(
      'Membre 2 (mandataire judiciaire) doit quitter la salle pour le point S-2026-007 : la personne n’a pas autorisé cette catégorie de professionnels.',
    );
  });

  it('leaves the refusal to G1 when there is no consent', () => {
    expect(scopeGate({ situation, consent: null, present: [member(1, 'autre', 1)] })).toEqual([]);
  });
});

describe('G10 — the person agrees before an action starts', () => {
  it('refuses until the proposals are returned, and when the person refused', () => {
    expect(agreementGate({ situation, returnedOn: null, agreement: null }).map((r) => r.code)).toEqual(['PROPOSALS_NOT_RETURNED']);
    // Either half missing is as good as none (the database keeps them together; the gate does not rely on it).
    expect(agreementGate({ situation, returnedOn: '2026-04-03', agreement: null }).map((r) => r.code)).toEqual(['PROPOSALS_NOT_RETURNED']);
    expect(agreementGate({ situation, returnedOn: null, agreement: 'agreed' }).map((r) => r.code)).toEqual(['PROPOSALS_NOT_RETURNED']);
    expect(agreementGate({ situation, returnedOn: '2026-04-03', agreement: 'refused' }).map((r) => r.message)).toEqual([
      'La personne a refusé les propositions le 03/04/2026 (S-2026-007) : l’action ne peut pas être engagée.',
    ]);
    expect(agreementGate({ situation, returnedOn: '2026-04-03', agreement: 'agreed' })).toEqual([]);
    // A proposal the person wants to discuss again has not started either.
    expect(agreementGate({ situation, returnedOn: '2026-04-03', agreement: 'discuss' }).map((r) => r.code)).toEqual([
      'PROPOSAL_TO_DISCUSS',
    ]);
  });

  it('derives where an action stands: its review, else its urgency, else the person’s answer', () => {
    const today = '2026-05-01';
    expect(actionStage({ outcome: 'not_done', dueOn: '2026-04-01', agreement: 'agreed' }, today)).toBe('not_done');
    expect(actionStage({ outcome: null, dueOn: '2026-06-01', agreement: 'refused' }, today)).toBe('refused');
    expect(actionStage({ outcome: null, dueOn: '2026-04-30', agreement: 'agreed' }, today)).toBe('overdue');
    expect(actionStage({ outcome: null, dueOn: '2026-05-15', agreement: null }, today)).toBe('due_soon');
    expect(actionStage({ outcome: null, dueOn: '2026-05-16', agreement: null }, today)).toBe('awaiting_agreement');
    expect(actionStage({ outcome: null, dueOn: '2026-05-16', agreement: 'agreed' }, today)).toBe('started');
  });
});
