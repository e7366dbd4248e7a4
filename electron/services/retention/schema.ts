import { z } from 'zod';
import { id } from '../common/schema';
import { confirmationSchema } from '../users/schema';

export const destroyMinutesInput = z
  .object({
    meetingIds: z.array(id).min(1, { message: 'Choisissez au moins un compte rendu.' }).max(500),
    actorPassword: confirmationSchema,
  })
  .strict();

export const purgeInput = z
  .object({
    situationIds: z.array(id).min(1, { message: 'Choisissez au moins une situation.' }).max(500),
    actorPassword: confirmationSchema,
  })
  .strict();

export const accessReportInput = z.object({ situationId: id }).strict();
