// G1 — Consent before anything. A situation may be put on an agenda, opened in session, printed or
// exported only if its current consent exists, is dated on or before the day in question, records
// the four information items, is not withdrawn and is not past its re-confirmation date.
// G2 — Legal representative. Under tutelle (or a representing habilitation familiale) the
// representative's agreement is recorded; under curatelle the person consents, assisted by the
// curator, whose assistance is recorded. Both gates are pure; the loader is in situations/.
import { addMonths, Day, formatDay } from '../../shared/dates';
import { INFORMATION_ITEMS, InformationItem, LegalProtection, LEGAL_PROTECTIONS, PROTECTION_KIND } from '../../shared/situation-vocabulary';
import type { GateReason } from '../../shared/gate-reason';

export interface ConsentFacts {
  id: number;
  collectedOn: Day;
  information: Record<InformationItem, boolean>;
  withdrawnOn: Day | null;
  reconfirmBy: Day | null;
  legalProtection: LegalProtection;
  representative: string | null;
  representativeAgreement: boolean;
}

export interface ConsentGateFacts {
  situation: { id: number; code: string };
  /** The situation's current (latest) consent, or null when none was recorded. */
  consent: ConsentFacts | null;
  /** The day the situation would be examined, printed or exported. */
  day: Day;
}

export function consentGate({ situation, consent, day }: ConsentGateFacts): GateReason[] {
  const subject = { type: 'situation', id: situation.id } as const;
  if (consent === null) {
    return [
      {
        gate: 'G1',
        code: 'NO_CONSENT',
        subject,
        message: `Aucun consentement de la personne n’est enregistré pour la situation ${situation.code}.`,
      },
    ];
  }
  const reasons: GateReason[] = [];
  if (consent.withdrawnOn !== null) {
    reasons.push({
      gate: 'G1',
      code: 'CONSENT_WITHDRAWN',
      subject,
      message: `La personne a retiré son consentement le ${formatDay(consent.withdrawnOn)} : la situation ${situation.code} ne peut plus être présentée.`,
    });
  }
  if (consent.collectedOn > day) {
    reasons.push({
      gate: 'G1',
      code: 'CONSENT_AFTER_DAY',
      subject,
      message: `Le consentement est daté du ${formatDay(consent.collectedOn)}, après le ${formatDay(day)} : il doit être recueilli avant.`,
    });
  }
  const missing = (Object.keys(INFORMATION_ITEMS) as InformationItem[]).filter((item) => !consent.information[item]);
  if (missing.length > 0) {
    reasons.push({
      gate: 'G1',
      code: 'CONSENT_INFORMATION_MISSING',
      subject,
      message: `La personne n’a pas reçu toute l’information requise ; manque : ${missing.map((m) => INFORMATION_ITEMS[m].toLowerCase()).join(' ; ')}.`,
    });
  }
  if (consent.reconfirmBy !== null && day > consent.reconfirmBy) {
    reasons.push({
      gate: 'G1',
      code: 'CONSENT_RECONFIRMATION_DUE',
      subject,
      message: `Le consentement devait être confirmé à nouveau avant le ${formatDay(consent.reconfirmBy)} : recueillez-le de nouveau.`,
    });
  }
  return reasons;
}

/**
 * The re-confirmation day in force for a consent: the one recorded with it, or sooner when the
 * validity set today is shorter — a shortened validity applies at once to the consents already
 * recorded; a longer one (or none) only to the consents recorded from then on.
 */
export function reconfirmationDay(collectedOn: Day, recorded: Day | null, monthsNow: number | null): Day | null {
  const byToday = monthsNow === null ? null : addMonths(collectedOn, monthsNow);
  if (byToday === null) return recorded;
  if (recorded === null) return byToday;
  return byToday < recorded ? byToday : recorded;
}

export function representativeGate({ situation, consent }: ConsentGateFacts): GateReason[] {
  if (consent === null) return [];
  const subject = { type: 'situation', id: situation.id } as const;
  const measure = LEGAL_PROTECTIONS[consent.legalProtection].toLowerCase();
  const kind = PROTECTION_KIND[consent.legalProtection];
  const recorded = consent.representativeAgreement && Boolean(consent.representative);
  if (kind === 'representation' && !recorded) {
    return [
      {
        gate: 'G2',
        code: 'REPRESENTATIVE_AGREEMENT_MISSING',
        subject,
        message: `La personne est sous ${measure} : l’accord de son représentant légal doit être recueilli et enregistré.`,
      },
    ];
  }
  if (kind === 'assistance' && !recorded) {
    return [
      {
        gate: 'G2',
        code: 'CURATOR_ASSISTANCE_MISSING',
        subject,
        message: `La personne est sous ${measure} : elle consent elle-même, assistée de son curateur, dont l’assistance doit être enregistrée.`,
      },
    ];
  }
  return [];
}
