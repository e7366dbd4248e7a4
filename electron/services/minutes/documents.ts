// Documents drawn from a meeting once its minutes are signed, each audited when printed (G8):
// - the extract for one recipient, refused to a member outside the charter (G3), holding only the
//   items the disclosure gate lets through for that member on the day it is printed (G1 with its
//   re-confirmation, G2, G5 with the exits, G7, G9), with the person's identity only as far as the
//   consent allows; the items left out are given by count only;
// - the letter back to the person (G10), which asks the disclosure gate like any door;
// - the attestations of participation, from the attendance of the held meeting.
import type { Db } from '../../../db/connection';
import { signatoryOf } from '../users/users';
import { letterheadOf } from '../settings/letterhead';
import { AppError } from '../../errors';
import { minutesPdf, MinutesItem } from '../../pdf/minutes';
import { attestationsPdf, AttestationInput } from '../../pdf/people-letters';
import { personLetterPdf } from '../../pdf/person-letter';
import type { Civility } from '../../shared/french';
import type { IdentitySharing } from '../../shared/situation-vocabulary';
import type { Category } from '../../shared/vocabulary';
import type { Day } from '../../shared/dates';
import { DocumentFile, fileSlug, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { assertGates, checks, disclosureReasons } from '../gates';
import { actionsOfItem } from '../meetings/actions';
import { itemRow } from '../meetings/agenda';
import { meetingFacts } from '../meetings/documents';
import { meetingDetail, MeetingDetail, meetingRow } from '../meetings/meetings';
import { minutesInput } from '../meetings/minutes';
import { getMember } from '../partners/members';
import { CURRENT_CONSENT } from '../situations/gates';
import { assertNotDestroyed, signedMinutesOf } from './signed-documents';

export interface Recipient {
  memberId: number;
  displayName: string;
  function: string;
  structureId: number;
  structureName: string;
  category: Category;
  /** Present in person, or as the substitute of a represented member. */
  participated: boolean;
}

/** Who receives an extract: every convened member, and the substitutes who stood in. */
export function recipientsOf(meeting: MeetingDetail, db: Db): Recipient[] {
  const byId = new Map<number, Recipient>();
  for (const a of meeting.attendance) {
    byId.set(a.memberId, {
      memberId: a.memberId,
      displayName: a.displayName,
      function: a.function,
      structureId: a.structureId,
      structureName: a.structureName,
      category: a.category,
      participated: a.status === 'present',
    });
  }
  for (const a of meeting.attendance) {
    if (!a.substitute) continue;
    const m = getMember(db, a.substitute.id);
    byId.set(m.id, {
      memberId: m.id,
      displayName: m.displayName,
      function: m.function,
      structureId: m.structureId,
      structureName: m.structureName,
      category: m.category,
      participated: true,
    });
  }
  return [...byId.values()].sort((x, y) => x.displayName.localeCompare(y.displayName, 'fr'));
}

/**
 * What a recipient may know of one item on a day: nothing (null) when the disclosure gate refuses,
 * else the item by code, with the person's name as far as the consent allows.
 */
export function extractItem(db: Db, recipient: Recipient, item: MinutesItem, day: Day): MinutesItem | null {
  const request = {
    situationId: item.situationId,
    itemId: item.itemId,
    recipient: { kind: 'member', memberId: recipient.memberId },
    use: 'extract',
    day,
  } as const;
  if (disclosureReasons({ db }, request).length > 0) return null;
  const consent = db.prepare(CURRENT_CONSENT).get(item.situationId) as { identity_sharing: IdentitySharing };
  const identity = db.prepare('SELECT first_name, last_name FROM situation_identities WHERE situation_id = ?').get(item.situationId) as
    { first_name: string; last_name: string } | undefined;
  const person =
    !identity || consent.identity_sharing === 'code'
      ? null
      : consent.identity_sharing === 'first_name'
        ? identity.first_name
        : `${identity.first_name} ${identity.last_name}`;
  return { ...item, person };
}

function signedMeeting(ctx: ServiceContext, meetingId: number): MeetingDetail {
  if (meetingRow(ctx.db, meetingId).state !== 'minutes_signed') throw new AppError('MINUTES_NOT_SIGNED');
  assertNotDestroyed(ctx.db, meetingId);
  return meetingDetail(ctx, meetingId);
}

export interface Extract {
  pdf: Buffer;
  fileName: string;
  recipient: Recipient;
  /** For the audit: the recipient and the counts, no content. */
  detail: string;
}

/** The extract for one recipient under the gates; encrypted (AES-256) when a password is given. */
export async function extractFor(
  ctx: ServiceContext,
  input: { meetingId: number; memberId: number },
  userPassword?: string,
): Promise<Extract> {
  const meeting = signedMeeting(ctx, input.meetingId);
  const recipient = recipientsOf(meeting, ctx.db).find((r) => r.memberId === input.memberId);
  if (!recipient) throw new AppError('MEMBER_NOT_RECIPIENT');
  // G3: a member outside the charter (inactive, new version not signed) receives no extract at all.
  const anyone = {
    situationId: null,
    recipient: { kind: 'member', memberId: recipient.memberId },
    use: 'extract',
    day: ctx.today,
  } as const;
  assertGates(ctx, checks.disclosure(anyone));
  const signed = signedMinutesOf(ctx.db, input.meetingId);
  const content = minutesInput(ctx, input.meetingId, false);
  const items = content.items.map((i) => extractItem(ctx.db, recipient, i, ctx.today)).filter((i): i is MinutesItem => i !== null);
  const omitted = content.items.length - items.length;
  const pdf = await minutesPdf({
    ...content,
    items,
    // A re-examination date belongs to an item: the extract gives only a planned meeting, and no
    // points discussed (the signed minutes carry them, not the per-recipient extract).
    nextMeeting: content.nextMeeting && 'reexamineOn' in content.nextMeeting ? null : content.nextMeeting,
    otherPoints: '',
    extract: {
      recipient: `${recipient.displayName} (${recipient.structureName})`,
      omitted,
      minutesSignedOn: signed.signedOn,
      minutesDigest: signed.sha256,
    },
    ...(userPassword ? { userPassword } : {}),
  });
  return {
    pdf,
    fileName: `extrait-compte-rendu-${meeting.heldOn}-${fileSlug(recipient.displayName)}.pdf`,
    recipient,
    detail: `member=${recipient.memberId},items=${items.length},omitted=${omitted}`,
  };
}

export async function printExtract(ctx: ServiceContext, input: { meetingId: number; memberId: number }): Promise<DocumentFile> {
  const extract = await extractFor(ctx, input);
  ctx.audit('minutes.extract', { type: 'meeting', id: input.meetingId }, extract.detail);
  return pdfFile(extract.fileName, extract.pdf);
}

interface LetterRow {
  civility: Civility;
  first_name: string;
  last_name: string;
  address: string;
  representative: string | null;
  representative_address: string | null;
  legal_protection: string | null;
  referrer_first: string;
  referrer_last: string;
  referrer_phone: string;
  referrer_structure: string;
}

export async function printPersonLetter(ctx: ServiceContext, input: { itemId: number }): Promise<DocumentFile> {
  const item = itemRow(ctx.db, input.itemId);
  if (item.meeting_state !== 'minutes_signed') throw new AppError('MINUTES_NOT_SIGNED');
  if (item.status !== 'deliberated') throw new AppError('LETTER_NOT_DELIBERATED');
  // A letter carries the person's name and the proposals: the disclosure gate, to the person.
  assertGates(ctx, checks.disclosure({ situationId: item.situation_id, recipient: { kind: 'person' }, use: 'letter', day: ctx.today }));
  const letterhead = letterheadOf(ctx.db);
  // « Qui appeler » without a number is no help to the person: the letter waits for the setting.
  if (!letterhead.phone.trim()) throw new AppError('LETTER_NO_COORDINATION_PHONE');
  const row = ctx.db
    .prepare(
      `SELECT i.civility, i.first_name, i.last_name, i.address, c.representative, c.representative_address, c.legal_protection,
              m.first_name AS referrer_first, m.last_name AS referrer_last, m.phone AS referrer_phone, st.name AS referrer_structure
       FROM situations s
       JOIN situation_identities i ON i.situation_id = s.id
       JOIN members m ON m.id = s.referring_member_id
       JOIN structures st ON st.id = s.referring_structure_id
       LEFT JOIN consents c ON c.id = (SELECT id FROM consents WHERE situation_id = s.id ORDER BY collected_on DESC, id DESC LIMIT 1)
       WHERE s.id = ?`,
    )
    .get(item.situation_id) as LetterRow | undefined;
  if (!row) throw new AppError('SITUATION_ERASED');
  const proposalsText = ctx.db.prepare('SELECT proposals FROM deliberations WHERE item_id = ?').pluck().get(item.id) as string;
  const phones = ctx.db.prepare('SELECT id, phone FROM members WHERE id IN (SELECT owner_member_id FROM actions WHERE item_id = ?)');
  const phoneOf = new Map((phones.all(item.id) as { id: number; phone: string }[]).map((m) => [m.id, m.phone]));
  const pdf = await personLetterPdf({
    letterhead,
    code: item.code,
    person: { civility: row.civility, firstName: row.first_name, lastName: row.last_name, address: row.address },
    representative:
      row.legal_protection && row.legal_protection !== 'none' && row.representative
        ? { name: row.representative, address: row.representative_address ?? '' }
        : null,
    meeting: { heldOn: item.held_on },
    proposals: actionsOfItem(ctx, item.id)
      .filter((a) => a.outcome === null || a.outcome === 'done')
      .map((a) => ({
        wording: a.personWording || a.what,
        who: a.owner.kind === 'member' ? `${a.owner.name} (${a.owner.structureName})` : a.owner.name,
        phone: a.owner.kind === 'member' ? (phoneOf.get(a.owner.id) ?? '') : '',
        dueOn: a.dueOn,
      })),
    proposalsText,
    referrer: { name: `${row.referrer_first} ${row.referrer_last}`, structureName: row.referrer_structure, phone: row.referrer_phone },
    signatory: signatoryOf(ctx.db, ctx.actor.userId),
    writtenOn: ctx.today,
  });
  ctx.audit('minutes.letter', { type: 'situation', id: item.situation_id }, `situation=${item.code}`);
  return pdfFile(`courrier-personne-${item.code}-${item.held_on}.pdf`, pdf);
}

function attestationInput(
  ctx: ServiceContext,
  meetingId: number,
): { meeting: MeetingDetail; input: AttestationInput; participants: Recipient[] } {
  const meeting = meetingDetail(ctx, meetingId);
  if (meeting.state !== 'held' && meeting.state !== 'minutes_signed') throw new AppError('MEETING_NOT_HELD');
  const participants = recipientsOf(meeting, ctx.db).filter((r) => r.participated);
  return {
    meeting,
    participants,
    input: {
      letterhead: letterheadOf(ctx.db),
      signatory: signatoryOf(ctx.db, ctx.actor.userId),
      meeting: meetingFacts(meeting),
      participants: [],
      issuedOn: ctx.today,
    },
  };
}

const asParticipant = (r: Recipient) => ({ name: r.displayName, function: r.function, structureName: r.structureName });

export async function printAttestation(ctx: ServiceContext, input: { meetingId: number; memberId: number }): Promise<DocumentFile> {
  const { meeting, input: doc, participants } = attestationInput(ctx, input.meetingId);
  const participant = participants.find((p) => p.memberId === input.memberId);
  if (!participant) throw new AppError('MEMBER_NOT_PARTICIPANT');
  const pdf = await attestationsPdf({ ...doc, participants: [asParticipant(participant)] });
  ctx.audit('minutes.attestation', { type: 'meeting', id: input.meetingId }, `member=${participant.memberId}`);
  return pdfFile(`attestation-participation-${meeting.heldOn}-${fileSlug(participant.displayName)}.pdf`, pdf);
}

export async function printAttestations(ctx: ServiceContext, input: { meetingId: number }): Promise<DocumentFile> {
  const { meeting, input: doc, participants } = attestationInput(ctx, input.meetingId);
  if (participants.length === 0) throw new AppError('MEMBER_NOT_PARTICIPANT');
  const pdf = await attestationsPdf({ ...doc, participants: participants.map(asParticipant) });
  ctx.audit('minutes.attestations', { type: 'meeting', id: input.meetingId }, `count=${participants.length}`);
  return pdfFile(`attestations-participation-${meeting.heldOn}.pdf`, pdf);
}
