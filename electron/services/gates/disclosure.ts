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
import { CharterGateFacts, charterGate, loadCharterFactsForEach } from './g3-charter';
import { PresentMember, scopeGate } from './g5-scope';
import type { GateReason } from '../../shared/gate-reason';

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

/** A member recipient's own facts: G3's, who they are for G5, and whether they left the room for the item. */
interface MemberFacts {
  charter: CharterGateFacts;
  member: PresentMember;
  leftRoom: boolean;
}

function loadMemberFacts(db: Db, memberIds: readonly number[], itemId: number | null | undefined): Map<number, MemberFacts> {
  const charters = loadCharterFactsForEach(db, memberIds);
  const present = db
    .prepare(
      `SELECT m.id AS memberId, m.first_name || ' ' || m.last_name AS displayName, m.category, m.structure_id AS structureId, s.name AS structureName
       FROM members m JOIN structures s ON s.id = m.structure_id WHERE m.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(memberIds)) as PresentMember[];
  // No item (null): no exit row matches.
  const exits = new Set(
    db
      .prepare('SELECT member_id FROM item_exits WHERE item_id = ?')
      .pluck()
      .all(itemId ?? null) as number[],
  );
  const facts = new Map<number, MemberFacts>();
  for (const member of present) {
    const charter = charters.get(member.memberId);
    if (charter) facts.set(member.memberId, { charter, member, leftRoom: exits.has(member.memberId) });
  }
  return facts;
}

/** What a request's facts share whoever the recipient: the situation's gate facts and its consent in force. */
interface SituationShared {
  situation: SituationGateFacts | null;
  consent: ScopeRow | undefined;
  members: Map<number, MemberFacts>;
}

function loadShared(db: Db, request: Omit<DisclosureRequest, 'recipient'>, recipients: readonly DisclosureRecipient[]): SituationShared {
  const memberIds = recipients.flatMap((r) => (r.kind === 'member' ? [r.memberId] : []));
  const members = loadMemberFacts(db, memberIds, request.itemId);
  if (request.situationId === null) return { situation: null, consent: undefined, members };
  return {
    situation: loadSituationGateFacts(db, request.situationId, request.day),
    // The consent in force: a later one (CONSENT_AFTER_DAY) is refused by G1 anyway.
    consent: db.prepare(CURRENT_CONSENT).get(request.situationId) as ScopeRow | undefined,
    members,
  };
}

function recipientFacts(db: Db, request: DisclosureRequest, { situation, consent, members }: SituationShared): DisclosureFacts {
  const member = request.recipient.kind === 'member' ? request.recipient.memberId : null;
  const own = member === null ? null : members.get(member);
  if (member !== null && !own) throw new AppError('MEMBER_NOT_FOUND');
  const charter = own?.charter ?? null;
  let scope: DisclosureFacts['scope'] = null;
  let structure: DisclosureFacts['structure'] = null;
  if (request.recipient.kind === 'structure' && request.situationId !== null) {
    const { structureId } = request.recipient;
    const row = db.prepare('SELECT id, name FROM structures WHERE id = ?').get(structureId) as { id: number; name: string } | undefined;
    if (!row) throw new AppError('STRUCTURE_NOT_FOUND');
    structure = { ...row, excluded: consent ? (JSON.parse(consent.excluded_structures) as number[]).includes(structureId) : false };
  }
  if (own && request.situationId !== null) {
    const { leftRoom } = own;
    scope = {
      member: own.member,
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

export function loadDisclosureFacts(db: Db, request: DisclosureRequest): DisclosureFacts {
  return recipientFacts(db, request, loadShared(db, request, [request.recipient]));
}

/**
 * The facts of one situation's content for each of many recipients (a picker of action owners):
 * the same facts as `loadDisclosureFacts` for each, the situation's and the consent's read once.
 */
export function loadDisclosureFactsForEach(
  db: Db,
  request: Omit<DisclosureRequest, 'recipient'>,
  recipients: readonly DisclosureRecipient[],
): DisclosureFacts[] {
  const shared = loadShared(db, request, recipients);
  return recipients.map((recipient) => recipientFacts(db, { ...request, recipient }, shared));
}
