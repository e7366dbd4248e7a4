// The checklist « Conditions préalables » of a situation's page: every condition of G4, G1 and G2,
// ticked or not, with the failing reasons under it. Built from the same gate functions the main
// process enforces, so the page shows exactly what would be refused.
import type { GateId, GateReason } from '../../shared/gate-reason';
import { situationReasons, SituationGateFacts } from './gates';

export interface Precondition {
  gate: GateId;
  label: string;
  /** null: cannot be told yet (no consent recorded). */
  met: boolean | null;
  reasons: GateReason[];
}

const CONDITIONS: { gate: GateId; label: string; codes: string[]; needsConsent: boolean }[] = [
  {
    gate: 'G4',
    label: 'La structure qui saisit la Commission a signé la convention de partenariat',
    codes: ['STRUCTURE_INACTIVE', 'CONVENTION_NOT_SIGNED'],
    needsConsent: false,
  },
  {
    gate: 'G1',
    label: 'Le consentement de la personne est enregistré, daté au plus tard ce jour',
    codes: ['NO_CONSENT', 'CONSENT_AFTER_DAY'],
    needsConsent: false,
  },
  { gate: 'G1', label: 'La personne a reçu les quatre informations requises', codes: ['CONSENT_INFORMATION_MISSING'], needsConsent: true },
  { gate: 'G1', label: 'Le consentement n’a pas été retiré', codes: ['CONSENT_WITHDRAWN'], needsConsent: true },
  { gate: 'G1', label: 'Le consentement n’est pas à confirmer de nouveau', codes: ['CONSENT_RECONFIRMATION_DUE'], needsConsent: true },
  {
    gate: 'G2',
    label: 'Mesure de protection : l’accord du représentant ou l’assistance du curateur est enregistré',
    codes: ['REPRESENTATIVE_AGREEMENT_MISSING', 'CURATOR_ASSISTANCE_MISSING'],
    needsConsent: true,
  },
];

export function preconditionsFor(facts: SituationGateFacts): Precondition[] {
  const reasons = situationReasons(facts);
  // Erased (G9): one condition says why nothing is possible any more.
  if (facts.erased) return [{ gate: 'G9', label: 'Les données de la personne sont conservées', met: false, reasons }];
  const hasConsent = facts.consent.consent !== null;
  return CONDITIONS.map(({ gate, label, codes, needsConsent }) => {
    const failing = reasons.filter((r) => r.gate === gate && codes.includes(r.code));
    return { gate, label, met: needsConsent && !hasConsent ? null : failing.length === 0, reasons: failing };
  });
}
