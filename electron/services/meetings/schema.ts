// What enters a meeting: its planning, the agenda, convocations, attendance, the session (exits,
// deliberation, conclusion), actions and their review. Typologies are checked against the
// configured list by the service (the list lives in the settings).
import { z } from 'zod';
import { isTimeOfDay } from '../../shared/dates';
import {
  ACTION_AGREEMENT_CODES,
  ACTION_OUTCOME_CODES,
  ATTENDANCE_STATUS_CODES,
  ITEM_OUTCOME_CODES,
  PERSON_AGREEMENT_CODES,
  PERSON_PRESENCE_CODES,
  BOARD_SECTION_CODES,
} from '../../shared/meeting-vocabulary';
import { MANUAL_CLOSURE_CODES } from '../../shared/situation-vocabulary';
import { day, id, InputFacts, line, paging, pastDay, text, timeOfDay as time } from '../common/schema';

export const meetingInput = z
  .object({
    id: id.optional(),
    heldOn: day('Indiquez la date de la séance.'),
    startsAt: time('Indiquez l’heure de début.'),
    endsAt: time('Indiquez l’heure de fin.'),
    place: line(200, 'Indiquez le lieu de la séance.'),
    animateurMemberId: z.number({ message: 'Choisissez l’animateur de la séance.' }).int().positive(),
  })
  .strict()
  .refine((v) => !isTimeOfDay(v.startsAt) || !isTimeOfDay(v.endsAt) || v.endsAt > v.startsAt, {
    message: 'La séance doit finir après son début.',
    path: ['endsAt'],
  });
export type MeetingInput = z.infer<typeof meetingInput>;

export const meetingIdInput = z.object({ meetingId: id }).strict();
export const itemIdInput = z.object({ itemId: id }).strict();
export const convocationInput = z.object({ meetingId: id, memberId: id }).strict();
/** All the convocations, or only those the agenda's changes made stale. */
export const convocationsInput = z.object({ meetingId: id, onlyStale: z.boolean().optional() }).strict();

const itemFields = {
  presenterMemberId: id.nullable(),
  /** The question as the convocations show it: chosen by the coordinator, naming nobody (G6). */
  neutralQuestion: text(300, 'Indiquez la question posée, dans une formulation neutre.'),
  inviteeIds: z.array(id).max(10, { message: '10 invités au plus pour un point.' }),
};

export const addItemInput = z
  .object({ meetingId: id, situationId: z.number({ message: 'Choisissez la situation.' }).int().positive(), ...itemFields })
  .strict();
export const updateItemInput = z.object({ itemId: id, ...itemFields }).strict();
export const moveItemInput = z.object({ itemId: id, direction: z.enum(['up', 'down']) }).strict();

export const conveneInput = z
  .object({ meetingId: id, memberIds: z.array(id).min(1, { message: 'Choisissez au moins un membre à convoquer.' }).max(200) })
  .strict();

export const attendanceInput = z
  .object({
    meetingId: id,
    memberId: id,
    status: z.enum(ATTENDANCE_STATUS_CODES),
    substituteMemberId: id.nullable(),
    /** Late arrival: the first item the member attended (null: from the start). */
    arrivalItemId: id.nullable(),
    /** Early departure: the last item the member attended (null: until the end). */
    departureItemId: id.nullable(),
    /** While an item is open: an out-of-scope member stays outside for it (G5, recorded as an exit). */
    staysOutside: z.boolean().optional(),
  })
  .strict()
  .refine((v) => (v.status === 'represented') === (v.substituteMemberId !== null), {
    message: 'Un membre représenté l’est par un suppléant, choisi dans l’annuaire.',
    path: ['substituteMemberId'],
  });

export const exitInput = z.object({ itemId: id, memberIds: z.array(id).min(1).max(50) }).strict();

export const deliberationInput = z
  .object({
    itemId: id,
    synthesis: text(4000),
    hypotheses: text(4000),
    responseTypology: z.array(line(60)).max(10),
    proposals: text(4000),
    personPresence: z.enum(PERSON_PRESENCE_CODES).nullable(),
  })
  .strict();

export const concludeInput = (facts: InputFacts) =>
  z
    .object({
      itemId: id,
      outcome: z.enum(ITEM_OUTCOME_CODES, { message: 'Choisissez la suite donnée : suivi ou clôture.' }),
      reexamineOn: day().nullable(),
      closureReason: z.enum(MANUAL_CLOSURE_CODES).nullable(),
      closureNote: text(500),
    })
    .strict()
    .refine((v) => v.outcome !== 'closed' || v.closureReason !== null, {
      message: 'Choisissez le motif de clôture.',
      path: ['closureReason'],
    })
    .refine((v) => v.outcome !== 'closed' || v.closureReason !== 'other' || v.closureNote !== '', {
      message: 'Précisez le motif de clôture.',
      path: ['closureNote'],
    })
    .refine((v) => v.reexamineOn === null || v.reexamineOn > facts.today, {
      message: 'La date de réexamen est à venir.',
      path: ['reexamineOn'],
    });

export const actionInput = z
  .object({
    itemId: id,
    what: line(300, 'Indiquez l’action à mener.'),
    owner: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('member'), id }).strict(),
      z.object({ kind: z.literal('structure'), id }).strict(),
    ]),
    dueOn: day('Indiquez l’échéance.'),
  })
  .strict();
export type ActionInput = z.infer<typeof actionInput>;

export const reassignInput = z
  .object({
    actionId: id,
    owner: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('member'), id }).strict(),
      z.object({ kind: z.literal('structure'), id }).strict(),
    ]),
    reason: line(300, 'Indiquez le motif de la réattribution.'),
  })
  .strict();

export const returnInput = (facts: InputFacts) =>
  z
    .object({
      itemId: id,
      returnedOn: pastDay(facts, 'Indiquez la date de restitution à la personne.'),
      // One answer for every proposal of the item, or one per proposal (`actions`).
      agreement: z.enum(PERSON_AGREEMENT_CODES, { message: 'Indiquez la réponse de la personne.' }).optional(),
      actions: z
        .array(
          z
            .object({
              actionId: id,
              agreement: z.enum(ACTION_AGREEMENT_CODES, { message: 'Indiquez la réponse de la personne à chaque proposition.' }),
            })
            .strict(),
        )
        .max(50)
        .optional(),
    })
    .strict()
    .refine((v) => (v.agreement === undefined) !== (v.actions === undefined), {
      message: 'Indiquez la réponse de la personne.',
      path: ['agreement'],
    });

export const personWordingInput = z
  .object({ actionId: id, wording: line(300, 'Écrivez l’action telle que la personne la lira.') })
  .strict();

export const reviewInput = (facts: InputFacts) =>
  z
    .object({
      actionId: id,
      outcome: z.enum(ACTION_OUTCOME_CODES, { message: 'Choisissez le bilan de l’action.' }),
      reviewedOn: pastDay(facts, 'Indiquez la date du bilan.'),
      note: text(500),
    })
    .strict();

export const boardInput = z
  .object({
    structureId: id.optional(),
    situationId: id.optional(),
  })
  .strict();
/** The board page: one section at a time, paged, with every section's count. */
export const boardPageInput = boardInput
  .extend({
    section: z.enum(BOARD_SECTION_CODES),
    /** A situation's code, or its beginning or digits (« S-2026-01 », « 2026 014 »). */
    code: z.string().max(30).optional(),
    ...paging,
  })
  .strict();
