// The shape every gate answers with: one reason per failing condition, coded for code, tests and
// the audit trail (`G3:CHARTER_NOT_SIGNED`), with a French message for the checklist on screen.

export type GateId = 'G1' | 'G2' | 'G3' | 'G4' | 'G5' | 'G6' | 'G7' | 'G8' | 'G9' | 'G10';

export interface GateSubject {
  type: 'member' | 'structure' | 'situation';
  id: number;
}

export interface GateReason {
  gate: GateId;
  code: string;
  message: string;
  /** What the reason is about; its id goes to the audit trail, never its name. */
  subject: GateSubject | null;
}

/** Short French labels of the reason codes, for the journal (which never holds the message). */
export const GATE_CODE_LABELS: Record<string, string> = {
  MEMBER_INACTIVE: 'membre désactivé',
  NO_CHARTER_ADOPTED: 'aucune charte adoptée',
  CHARTER_NOT_SIGNED: 'charte non signée',
  CHARTER_NEW_VERSION_NOT_SIGNED: 'nouvelle version de la charte non signée',
  STRUCTURE_INACTIVE: 'structure désactivée',
  CONVENTION_NOT_SIGNED: 'convention non signée',
  NO_CONSENT: 'aucun consentement',
  CONSENT_WITHDRAWN: 'consentement retiré',
  CONSENT_AFTER_DAY: 'consentement postérieur à la date',
  CONSENT_INFORMATION_MISSING: 'information de la personne incomplète',
  CONSENT_RECONFIRMATION_DUE: 'consentement à confirmer de nouveau',
  REPRESENTATIVE_AGREEMENT_MISSING: 'accord du représentant légal manquant',
  CURATOR_ASSISTANCE_MISSING: 'assistance du curateur manquante',
  STRUCTURE_EXCLUDED: 'structure exclue par la personne',
  CATEGORY_NOT_ALLOWED: 'catégorie de professionnels non autorisée',
  MEMBER_LEFT_ROOM: 'membre sorti de la salle pour ce point',
  ATTENDANCE_UNSETTLED: 'présence des membres convoqués non renseignée',
  PROPOSALS_NOT_RETURNED: 'propositions non restituées à la personne',
  PERSON_REFUSED: 'propositions refusées par la personne',
  PROPOSAL_TO_DISCUSS: 'proposition à rediscuter avec la personne',
  DATA_ERASED: 'données de la personne effacées',
};

/** The audit form of a reason: `G3:CHARTER_NOT_SIGNED`. */
export const reasonToken = (reason: GateReason) => `${reason.gate}:${reason.code}`;
