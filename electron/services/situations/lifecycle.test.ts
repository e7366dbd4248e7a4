import { describe, expect, it } from 'vitest';
import { SITUATION_STATE_CODES } from '../../shared/situation-vocabulary';
import { canMove, nextMoves, TRANSITIONS } from './lifecycle';

describe('situation lifecycle', () => {
  it('follows the design: referral, eligibility, consent, agenda, examination, follow-up, closing', () => {
    const path = ['received', 'eligible', 'awaiting_consent', 'ready', 'scheduled', 'examined', 'follow_up', 'scheduled'] as const;
    for (let i = 1; i < path.length; i++) expect(canMove(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`).toBe(true);
    expect(canMove('received', 'rejected')).toBe(true);
  });

  it('refuses shortcuts: no agenda before consent, no examination before the agenda, nothing after closing or rejection', () => {
    expect(canMove('received', 'ready')).toBe(false);
    expect(canMove('received', 'scheduled')).toBe(false);
    expect(canMove('eligible', 'scheduled')).toBe(false);
    expect(canMove('awaiting_consent', 'examined')).toBe(false);
    expect(canMove('ready', 'follow_up')).toBe(false);
    for (const to of SITUATION_STATE_CODES) {
      expect(canMove('closed', to)).toBe(false);
      expect(canMove('rejected', to)).toBe(false);
    }
  });

  it('lets every open state be closed, and knows every state', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...SITUATION_STATE_CODES].sort());
    for (const from of SITUATION_STATE_CODES.filter((s) => s !== 'closed' && s !== 'rejected')) expect(canMove(from, 'closed')).toBe(true);
  });

  it('offers on the page only the moves that do not belong to the agenda', () => {
    expect(nextMoves('eligible')).toEqual(['awaiting_consent', 'ready', 'closed']);
    expect(nextMoves('ready')).toEqual(['awaiting_consent', 'closed']);
  });
});
