// What enters the CLSM's own bodies: a meeting's planning and agenda, the invitations (structures,
// members, guests from outside the directory), attendance, the minutes' texts and their signature,
// the action plan; and the common tools. No individual situation is ever discussed here.
import { z } from 'zod';
import { CIVILITY_CODES } from '../../shared/french';
import { isTimeOfDay } from '../../shared/dates';
import { CLSM_ATTENDANCE_CODES, GUEST_CATEGORY_CODES, PLAN_REVIEW_ROLE_CODES, PLAN_STATUS_CODES } from '../../shared/clsm-vocabulary';
import { CLSM_MEETING_KIND_CODES, CLSM_MEETING_STATUS_CODES, TOOL_KIND_CODES } from '../../shared/training-vocabulary';
import { day, id, InputFacts, line, paging, pastDay, text, timeOfDay } from '../common/schema';

const email = z.union([z.literal(''), z.string().trim().email({ message: 'Adresse de courriel invalide.' }).max(200)], {
  message: 'Adresse de courriel invalide.',
});

export const clsmMeetingInput = (facts: InputFacts) =>
  z
    .object({
      id: id.optional(),
      kind: z.enum(CLSM_MEETING_KIND_CODES, { message: 'Choisissez le type de réunion.' }),
      heldOn: day('Indiquez la date de la réunion.'),
      startsAt: timeOfDay('Indiquez l’heure de début.'),
      endsAt: timeOfDay('Indiquez l’heure de fin.'),
      place: line(200, 'Indiquez le lieu de la réunion.'),
      status: z.enum(CLSM_MEETING_STATUS_CODES, { message: 'Choisissez prévue, tenue ou annulée.' }),
      subject: line(300),
      /** « Prochaine réunion » of the minutes' header: a date, or « date à convenir en mars ». */
      nextMeeting: line(300).default(''),
      /** The documents handed out or attached, listed in the convocation and the minutes. */
      attachedDocuments: z.array(line(200, 'Le titre du document est vide.')).max(30).default([]),
    })
    .strict()
    .refine((v) => !isTimeOfDay(v.startsAt) || !isTimeOfDay(v.endsAt) || v.endsAt > v.startsAt, {
      message: 'La réunion doit finir après son début.',
      path: ['endsAt'],
    })
    .refine((v) => v.status !== 'held' || v.heldOn <= facts.today, {
      message: 'Une réunion à venir ne peut pas être marquée tenue.',
      path: ['status'],
    });
export type ClsmMeetingInput = z.output<ReturnType<typeof clsmMeetingInput>>;

export const clsmMeetingFilters = z
  .object({
    search: z.string().max(100).optional(),
    kind: z.enum(CLSM_MEETING_KIND_CODES).optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    includeCancelled: z.boolean().optional(),
  })
  .strict();
export const clsmMeetingPageInput = clsmMeetingFilters.extend(paging).strict();
export type ClsmMeetingPageInput = z.output<typeof clsmMeetingPageInput>;

export const meetingRef = z.object({ meetingId: id }).strict();
export const byId = z.object({ id }).strict();

/** The agenda as a whole, in order: points kept by id, new ones without. */
export const pointsInput = z
  .object({
    meetingId: id,
    points: z
      .array(
        z
          .object({
            id: id.optional(),
            title: line(300, 'Le titre du point est obligatoire.'),
            presenter: line(200),
          })
          .strict(),
      )
      .max(40, { message: '40 points au plus.' }),
  })
  .strict();
export type PointsInput = z.output<typeof pointsInput>;

export const guestInput = z
  .object({
    id: id.optional(),
    civility: z.enum(CIVILITY_CODES, { message: 'Choisissez une civilité.' }).default('unspecified'),
    lastName: line(100, 'Le nom est obligatoire.'),
    firstName: line(100, 'Le prénom est obligatoire.'),
    organisation: line(200),
    role: line(150),
    category: z.enum(GUEST_CATEGORY_CODES, { message: 'Choisissez la catégorie de la personne.' }),
    email,
  })
  .strict();
export type GuestInput = z.output<typeof guestInput>;

export const guestSearchInput = z.object({ search: z.string().max(100).default('') }).strict();

export const inviteInput = z
  .object({
    meetingId: id,
    structureIds: z.array(id).max(300).default([]),
    memberIds: z.array(id).max(300).default([]),
    guestIds: z.array(id).max(300).default([]),
  })
  .strict()
  .refine((v) => v.structureIds.length + v.memberIds.length + v.guestIds.length > 0, {
    message: 'Choisissez au moins une structure ou une personne à inviter.',
    path: ['memberIds'],
  });
export type InviteInput = z.output<typeof inviteInput>;

export const invitationRef = z.object({ invitationId: id }).strict();

export const attendanceInput = z
  .object({
    invitationId: id,
    attendance: z.enum(CLSM_ATTENDANCE_CODES, { message: 'Choisissez la présence.' }),
    representedBy: line(200).default(''),
  })
  .strict()
  .refine((v) => v.attendance !== 'represented' || v.representedBy !== '', {
    message: 'Indiquez qui représentait la structure ou la personne.',
    path: ['representedBy'],
  })
  .transform((v) => ({ ...v, representedBy: v.attendance === 'represented' ? v.representedBy : '' }));
export type AttendanceInput = z.output<typeof attendanceInput>;

/** Every invitee present at once: those still « invité ». */
export const allPresentInput = meetingRef;

/** One part of the minutes: the introduction, the opening, a point, the points discussed, the closing. */
export const MINUTES_PARTS = ['intro', 'opening', 'point', 'discussed', 'closing'] as const;
export const minutesPartInput = z
  .object({
    meetingId: id,
    part: z.enum(MINUTES_PARTS),
    pointId: id.optional(),
    text: text(30_000),
  })
  .strict()
  .refine((v) => (v.part === 'point') === (v.pointId !== undefined), { message: 'Précisez le point.', path: ['pointId'] });
export type MinutesPartInput = z.output<typeof minutesPartInput>;

export const signInput = z
  .object({ meetingId: id, password: z.string().min(1, { message: 'Indiquez le mot de passe du certificat.' }) })
  .strict();
export const addendumInput = z
  .object({
    meetingId: id,
    text: text(5000, 'Écrivez le texte de l’additif.'),
    password: z.string().min(1, { message: 'Indiquez le mot de passe du certificat.' }),
  })
  .strict();
export const documentRef = z.object({ documentId: id }).strict();

export const axisInput = z
  .object({ id: id.optional(), title: line(150, 'Le titre de l’axe est obligatoire.'), archived: z.boolean().default(false) })
  .strict();
export type AxisInput = z.output<typeof axisInput>;

export const planActionInput = (facts: InputFacts) =>
  z
    .object({
      id: id.optional(),
      axisId: z.number({ message: 'Choisissez l’axe du plan.' }).int().positive(),
      title: line(300, 'Le titre de l’action est obligatoire.'),
      description: text(2000),
      pilotStructureId: id.nullable(),
      startsOn: day('Indiquez le début prévu.'),
      dueOn: day('Indiquez l’échéance prévue.'),
      status: z.enum(PLAN_STATUS_CODES, { message: 'Choisissez l’état de l’action.' }),
      finishedOn: pastDay(facts, 'Indiquez la date de réalisation ou d’abandon.').nullable().default(null),
    })
    .strict()
    .refine((v) => v.dueOn >= v.startsOn, { message: 'L’échéance précède le début.', path: ['dueOn'] })
    .refine((v) => !['done', 'abandoned'].includes(v.status) || v.finishedOn !== null, {
      message: 'Indiquez la date de réalisation ou d’abandon.',
      path: ['finishedOn'],
    })
    .transform((v) => ({ ...v, finishedOn: ['done', 'abandoned'].includes(v.status) ? v.finishedOn : null }));
export type PlanActionInput = z.output<ReturnType<typeof planActionInput>>;

export const planFilters = z
  .object({
    axisId: id.optional(),
    status: z.enum(PLAN_STATUS_CODES).optional(),
    search: z.string().max(100).optional(),
  })
  .strict();
export type PlanFilters = z.output<typeof planFilters>;

/** The actions a meeting decided or reviewed, as a whole. */
export const reviewsInput = z
  .object({
    meetingId: id,
    reviews: z.array(z.object({ actionId: id, role: z.enum(PLAN_REVIEW_ROLE_CODES) }).strict()).max(100),
  })
  .strict();
export type ReviewsInput = z.output<typeof reviewsInput>;

export const toolInput = (facts: InputFacts) =>
  z
    .object({
      id: id.optional(),
      kind: z.enum(TOOL_KIND_CODES, { message: 'Choisissez le type d’outil.' }),
      title: line(200, 'Le titre de l’outil est obligatoire.'),
      producedOn: pastDay(facts, 'Indiquez la date de l’outil.'),
    })
    .strict();
export type ToolInput = z.output<ReturnType<typeof toolInput>>;
