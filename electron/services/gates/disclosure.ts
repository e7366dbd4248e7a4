// The disclosure gate (DESIGN §3): may this situation's content go to this recipient, for this use,
// on this day? Every door that hands case content to someone — agenda, convocation, sign-in sheet,
// extract, letter, referral form, information note, consent form, access report, minutes — asks
// here and nowhere else. The answer is every failing reason at once:
// - G9 the person's data erased (nothing may be disclosed any more);
// - G4, G1 (re-confirmation and withdrawal — G7 — included) and G2 on that day, for every use but
//   the ones that ask for consent or answer the person's right of access;
// - G3 for a member recipient (active, current charter signed);
// - G5 for a member recipient: their structure not excluded, their category allowed, and not a
//   member who left the room for that item; for a structure recipient (an action's owner), the
//   structure not excluded.
// Pure; `loadDisclosureFacts` gathers the facts.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import type { Day } from '../../shared/dates';
import type { Category } from '../../shared/vocabulary';
import { CURRENT_CONSENT, loadSituationGateFacts, SituationGateFacts, situationReasons } from '../situations/gates';
import { CharterGateFacts, charterGate, loadCharterFacts } from './g3-charter';
import { PresentMember, scopeGate } from './g5-scope';
import type { GateReason } from './reason';

/** What the content is handed over for. */
export type DisclosureUse =
  | 'agenda'
  | 'convocation'
  | 'sign_in_sheet'
  | 'extract'
  | 'letter'
  | 'referral_form'
  | 'information_note'
  | 'consent_form'
  | 'access_report'
  | 'minutes'
  /** An action handed to its owner (member or structure). */
  | 'action';

/** Uses that ask the person for consent or answer their right of access: only G9 holds there. */
const WITHOUT_CONSENT: readonly DisclosureUse[] = ['information_note', 'consent_form', 'access_report'];

export type DisclosureRecipient =
  /** A member of the Commission (extract, own convocation). */
  | { kind: 'member'; memberId: number }
  /** A structure as such (an action's owner). */
  | { kind: 'structure'; structureId: number }
  /** The person, or their representative (letter, information note, consent form, access report). */
  | { kind: 'person' }
  /** The coordination itself, or the meeting as a whole (agenda, sign-in sheet, signed minutes). */
  | { kind: 'coordination' };

export interface DisclosureRequest {
  /** Null: may this recipient receive anything at all (G3 only)? */
  situationId: number | null;
  recipient: DisclosureRecipient;
  use: DisclosureUse;
  day: Day;
  /** The agenda item the content comes from, for a member who may have left the room for it. */
  itemId?: number | null;
}

export interface DisclosureFacts {
  use: DisclosureUse;
  situation: SituationGateFacts | null;
  /** G3 facts of a member recipient. */
  charter: CharterGateFacts | null;
  /** G5 facts of a member recipient for this situation (null without a consent in force). */
  scope: {
    member: PresentMember;
    consent: { allowedCategories: readonly Category[]; excludedStructureIds: readonly number[] } | null;
    leftRoom: boolean;
  } | null;
  /** G5 facts of a structure recipient for this situation. */
  structure: { id: number; name: string; excluded: boolean } | null;
}

export function disclosureGate(facts: DisclosureFacts): GateReason[] {
  const reasons: GateReason[] = [];
  if (facts.charter) reasons.push(...charterGate(facts.charter));
  if (!facts.situation) return reasons;
  const situation = situationReasons(facts.situation);
  if (facts.situation.erased) return [...reasons, ...situation];
  if (!WITHOUT_CONSENT.includes(facts.use)) reasons.push(...situation);
  if (facts.scope) {
    const { member, consent, leftRoom } = facts.scope;
    const code = facts.situation.consent.situation.code;
    reasons.push(...scopeGate({ situation: { id: facts.situation.consent.situation.id, code }, consent, present: [member] }));
    if (leftRoom) {
      reasons.push({
        gate: 'G5',
        code: 'MEMBER_LEFT_ROOM',
        subject: { type: 'member', id: member.memberId },
        message: `${member.displayName} a quitté la salle pendant l’examen du point ${code} : ce point ne lui est pas communiqué.`,
      });
    }
  }
  if (facts.structure?.excluded) {
    reasons.push({
      gate: 'G5',
      code: 'STRUCTURE_EXCLUDED',
      subject: { type: 'structure', id: facts.structure.id },
      message: `La personne a exclu la structure « ${facts.structure.name} » : rien de la situation ${facts.situation.consent.situation.code} ne lui est confié.`,
    });
  }
  return reasons;
}

interface ScopeRow {
  allowed_categories: string;
  excluded_structures: string;
}

function memberOf(db: Db, memberId: number): PresentMember {
  const row = db
    .prepare(
      `SELECT m.id AS memberId, m.first_name || ' ' || m.last_name AS displayName, m.category, m.structure_id AS structureId, s.name AS structureName
       FROM members m JOIN structures s ON s.id = m.structure_id WHERE m.id = ?`,
    )
    .get(memberId) as PresentMember | undefined;
  if (!row) throw new AppError('MEMBER_NOT_FOUND');
  return row;
}

export function loadDisclosureFacts(db: Db, request: DisclosureRequest): DisclosureFacts {
  const member = request.recipient.kind === 'member' ? request.recipient.memberId : null;
  const charter = member === null ? null : loadCharterFacts(db, member);
  const situation = request.situationId === null ? null : loadSituationGateFacts(db, request.situationId, request.day);
  let scope: DisclosureFacts['scope'] = null;
  let structure: DisclosureFacts['structure'] = null;
  // The consent in force: a later one (CONSENT_AFTER_DAY) is refused by G1 anyway.
  const consent = request.situationId === null ? undefined : (db.prepare(CURRENT_CONSENT).get(request.situationId) as ScopeRow | undefined);
  if (request.recipient.kind === 'structure' && request.situationId !== null) {
    const { structureId } = request.recipient;
    const row = db.prepare('SELECT id, name FROM structures WHERE id = ?').get(structureId) as { id: number; name: string } | undefined;
    if (!row) throw new AppError('STRUCTURE_NOT_FOUND');
    structure = { ...row, excluded: consent ? (JSON.parse(consent.excluded_structures) as number[]).includes(structureId) : false };
  }
  if (member !== null && request.situationId !== null) {
    const leftRoom =
      request.itemId != null &&
      db.prepare('SELECT 1 FROM item_exits WHERE item_id = ? AND member_id = ?').get(request.itemId, member) !== undefined;
    scope = {
      member: memberOf(db, member),
      consent: consent
        ? {
            allowedCategories: JSON.parse(consent.allowed_categories) as Category[],
            excludedStructureIds: JSON.parse(consent.excluded_structures) as number[],
          }
        : null,
      leftRoom,
    };
  }
  return { use: request.use, situation, charter, scope, structure };
}
