// The CLSM's other meetings and its common tools: what the process indicators count.
import { z } from 'zod';
import { CLSM_MEETING_KIND_CODES, CLSM_MEETING_STATUS_CODES, TOOL_KIND_CODES } from '../../shared/training-vocabulary';
import { day, id, InputFacts, line, pastDay } from '../common/schema';

export const clsmMeetingInput = (facts: InputFacts) =>
  z
    .object({
      id: id.optional(),
      kind: z.enum(CLSM_MEETING_KIND_CODES, { message: 'Choisissez le type de réunion.' }),
      heldOn: day('Indiquez la date de la réunion.'),
      status: z.enum(CLSM_MEETING_STATUS_CODES, { message: 'Choisissez prévue, tenue ou annulée.' }),
      subject: line(300),
      structureIds: z.array(id).max(300).default([]),
    })
    .strict()
    .refine((v) => v.status !== 'held' || v.heldOn <= facts.today, {
      message: 'Une réunion à venir ne peut pas être marquée tenue.',
      path: ['status'],
    });
export type ClsmMeetingInput = z.output<ReturnType<typeof clsmMeetingInput>>;

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
