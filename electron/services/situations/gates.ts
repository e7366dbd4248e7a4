// The gate API of a situation, which the agenda, the session, the documents and the exports call:
// may this situation be scheduled for a meeting on day D, opened in session, printed, exported?
// G4 (the referring structure's convention), G1 (consent) and G2 (legal representative), each
// answer with every failing reason. Withdrawal (G7) makes G1 refuse for good.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import type { Day } from '../../shared/dates';
import type { InformationItem, LegalProtection } from '../../shared/situation-vocabulary';
import type { ServiceContext } from '../context';
import { ConsentGateFacts, consentGate, reconfirmationDay, representativeGate } from '../gates/g1-consent';
import { readSetting } from '../settings/settings';
import { ConventionGateFacts, conventionGate, loadConventionFacts } from '../gates/g4-convention';
import type { GateReason } from '../../shared/gate-reason';

export type SituationUse = 'schedule' | 'open' | 'print' | 'export';

export interface SituationGateFacts {
  consent: ConsentGateFacts;
  convention: ConventionGateFacts;
  /** G9: the person's data was erased; nothing may use the situation any more. */
  erased?: boolean;
}

interface ConsentFactsRow {
  id: number;
  collected_on: string;
  info_data_categories: number;
  info_professionals: number;
  info_supports: number;
  info_security: number;
  withdrawn_on: string | null;
  reconfirm_by: string | null;
  legal_protection: LegalProtection;
  representative: string | null;
  representative_agreement: number;
}

/** The consent in force: the latest recorded (a new record supersedes the previous one). */
export const CURRENT_CONSENT = 'SELECT * FROM consents WHERE situation_id = ? ORDER BY collected_on DESC, id DESC LIMIT 1';

export function loadSituationGateFacts(db: Db, situationId: number, day: Day): SituationGateFacts {
  const situation = db.prepare('SELECT id, code, referring_structure_id AS structureId FROM situations WHERE id = ?').get(situationId) as
    { id: number; code: string; structureId: number } | undefined;
  if (!situation) throw new AppError('SITUATION_NOT_FOUND');
  const row = db.prepare(CURRENT_CONSENT).get(situationId) as ConsentFactsRow | undefined;
  const information: Record<InformationItem, boolean> | null = row
    ? {
        dataCategories: row.info_data_categories === 1,
        professionals: row.info_professionals === 1,
        supports: row.info_supports === 1,
        security: row.info_security === 1,
      }
    : null;
  return {
    consent: {
      situation: { id: situation.id, code: situation.code },
      day,
      consent:
        row && information
          ? {
              id: row.id,
              collectedOn: row.collected_on,
              information,
              withdrawnOn: row.withdrawn_on,
              reconfirmBy: reconfirmationDay(row.collected_on, row.reconfirm_by, readSetting(db, 'consentReconfirmMonths')),
              legalProtection: row.legal_protection,
              representative: row.representative,
              representativeAgreement: row.representative_agreement === 1,
            }
          : null,
    },
    convention: loadConventionFacts(db, situation.structureId),
    erased: db.prepare('SELECT 1 FROM situation_purges WHERE situation_id = ?').get(situationId) !== undefined,
  };
}

const ERASED: GateReason = {
  gate: 'G9',
  code: 'DATA_ERASED',
  message: 'Les données de la personne ont été effacées (durée de conservation ou retrait du consentement).',
  subject: null,
};

/** Every failing reason, in the checklist's order: convention, consent, representative. */
export function situationReasons(facts: SituationGateFacts): GateReason[] {
  if (facts.erased) return [{ ...ERASED, subject: { type: 'situation', id: facts.consent.situation.id } }];
  return [...conventionGate(facts.convention), ...consentGate(facts.consent), ...representativeGate(facts.consent)];
}

export interface GateAnswer {
  allowed: boolean;
  reasons: GateReason[];
}

/** The answer for one use on one day (today when none is given). */
export function mayUseSituation(
  ctx: Pick<ServiceContext, 'db' | 'today'>,
  input: { id: number; use: SituationUse; day?: Day | undefined },
): GateAnswer {
  const reasons = situationReasons(loadSituationGateFacts(ctx.db, input.id, input.day ?? ctx.today));
  return { allowed: reasons.length === 0, reasons };
}
