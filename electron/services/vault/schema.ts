// What is typed to create, open and recover the vault.
import { z } from 'zod';
import { line } from '../common/schema';
import { displayNameSchema, loginSchema, matching, passwordSchema, PASSWORD_MAX_LENGTH, withNewPassword } from '../users/schema';

export const establishmentNameSchema = line(200, 'Le nom de l’établissement est obligatoire.');

/** The first account and the establishment: the one rule for the set-up screen, the CLI and the vault. */
export const setupFields = z.object({
  establishmentName: establishmentNameSchema,
  displayName: displayNameSchema,
  login: loginSchema,
  password: passwordSchema,
});
export type SetupFields = z.infer<typeof setupFields>;

export const initializeInput = setupFields
  .extend({ passwordConfirmation: z.string() })
  .strict()
  .refine(...matching('password', 'passwordConfirmation'));

export const unlockInput = z
  .object({
    login: z.string().trim().toLowerCase().min(1, { message: 'Indiquez votre identifiant.' }).max(64),
    password: z.string().min(1, { message: 'Indiquez votre mot de passe.' }).max(PASSWORD_MAX_LENGTH),
  })
  .strict();

export const recoverInput = withNewPassword({
  recoveryKey: z.string().min(1, { message: 'Indiquez la clé de récupération.' }).max(100),
  login: loginSchema,
});
