import { z } from 'zod';
import { noInput } from '../common/schema';
import { confirmationSchema } from '../users/schema';

export { noInput };

const backupName = z
  .string()
  .regex(/^clsm-sauvegarde-(\d{4}-\d{2}-\d{2}T\d{6}Z|\d{4}-\d{2}-\d{2}_\d{2}h\d{2}m\d{2}_[+-]\d{4})$/, { message: 'Sauvegarde inconnue.' });

/** What opens a backup: a password valid when it was made, or its recovery key. */
export const backupSecretSchema = z.union([
  z.object({ password: confirmationSchema }).strict(),
  z.object({ recoveryKey: z.string().trim().min(1, { message: 'Saisissez la clé de récupération.' }).max(80) }).strict(),
]);

export const runBackupInput = z.object({ actorPassword: confirmationSchema }).strict();
export const verifyBackupInput = z.object({ name: backupName, secret: backupSecretSchema }).strict();
export const restoreBackupInput = z
  .object({
    name: backupName,
    actorPassword: confirmationSchema,
    /** Absent: the actor's own password opens the backup too. */
    secret: backupSecretSchema.nullable().default(null),
  })
  .strict();
