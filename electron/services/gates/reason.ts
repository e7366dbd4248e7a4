// The shape every gate answers with: one reason per failing condition, coded for code, tests and
// the audit trail (`G3:CHARTER_NOT_SIGNED`), with a French message for the checklist on screen.

export type GateId = 'G1' | 'G2' | 'G3' | 'G4' | 'G5' | 'G6' | 'G7' | 'G8' | 'G9' | 'G10';

export interface GateSubject {
  type: 'member' | 'structure';
  id: number;
}

export interface GateReason {
  gate: GateId;
  code: string;
  message: string;
  /** What the reason is about; its id goes to the audit trail, never its name. */
  subject: GateSubject | null;
}

/** The audit form of a reason: `G3:CHARTER_NOT_SIGNED`. */
export const reasonToken = (reason: GateReason) => `${reason.gate}:${reason.code}`;
