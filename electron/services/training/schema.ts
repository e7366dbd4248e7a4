// What enters the cross-training records, typed in a form or sent by the demo: one validation.
import { z } from 'zod';
import { SECTOR_CODES } from '../../shared/vocabulary';
import { TRAINING_KIND_CODES, TRAINING_STATUS_CODES } from '../../shared/training-vocabulary';
import { day, id, InputFacts, line, text } from '../common/schema';

const held = (facts: InputFacts) => (v: { status: string; startsOn: string }) => v.status !== 'held' || v.startsOn <= facts.today;

export const trainingSessionInput = (facts: InputFacts) =>
  z
    .object({
      id: id.optional(),
      kind: z.enum(TRAINING_KIND_CODES, { message: 'Choisissez atelier ou stage croisé.' }),
      theme: line(200, 'Le thème est obligatoire.'),
      startsOn: day('Indiquez la date de début.'),
      endsOn: day('Indiquez la date de fin.'),
      place: line(200),
      trainer: line(200),
      hostStructureId: id.nullable(),
      durationHours: z
        .number({ message: 'Indiquez une durée en heures.' })
        .positive({ message: 'La durée est positive.' })
        .max(400, { message: 'La durée est de 400 heures au plus.' }),
      status: z.enum(TRAINING_STATUS_CODES, { message: 'Choisissez prévu, réalisé ou annulé.' }),
    })
    .strict()
    .refine((v) => v.endsOn >= v.startsOn, { message: 'La fin ne peut pas précéder le début.', path: ['endsOn'] })
    .refine(held(facts), { message: 'Une session à venir ne peut pas être marquée réalisée.', path: ['status'] })
    .refine((v) => v.kind !== 'placement' || v.hostStructureId !== null, {
      message: 'Choisissez la structure qui accueille le stage.',
      path: ['hostStructureId'],
    });
export type TrainingSessionInput = z.output<ReturnType<typeof trainingSessionInput>>;

export const participantInput = z.discriminatedUnion(
  'source',
  [
    z
      .object({ source: z.literal('member'), sessionId: id, memberId: z.number({ message: 'Choisissez un membre.' }).int().positive() })
      .strict(),
    z
      .object({
        source: z.literal('external'),
        sessionId: id,
        name: line(150, 'Le nom du participant est obligatoire.'),
        structureName: line(200, 'La structure du participant est obligatoire.'),
        sector: z.enum(SECTOR_CODES, { message: 'Choisissez le secteur de sa structure.' }),
      })
      .strict(),
  ],
  { message: 'Choisissez un membre de l’annuaire ou une personne extérieure.' },
);
export type ParticipantInput = z.output<typeof participantInput>;

/** An anonymous answer: the respondent's sector at most, never who they are. */
export const questionnaireInput = z
  .object({
    sessionId: id,
    sector: z.enum(SECTOR_CODES).nullable(),
    satisfaction: z
      .number({ message: 'Indiquez la satisfaction, de 1 à 5.' })
      .int({ message: 'Indiquez la satisfaction, de 1 à 5.' })
      .min(1, { message: 'Indiquez la satisfaction, de 1 à 5.' })
      .max(5, { message: 'Indiquez la satisfaction, de 1 à 5.' }),
    knowledge: z.array(z.string().trim().min(1).max(60)).max(30),
    coordinationImproved: z.boolean().nullable(),
    collaborationsDeveloped: z.boolean().nullable(),
    comment: text(1000),
  })
  .strict();
export type QuestionnaireInput = z.output<typeof questionnaireInput>;

export const sessionRef = z.object({ sessionId: id }).strict();
export const participantRef = z.object({ participantId: id }).strict();
