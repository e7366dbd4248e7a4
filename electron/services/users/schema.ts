// What users type to identify themselves and to administer accounts: one set of schemas for the
// IPC contract, the CLI and the vault, so the same rule gives the same French message everywhere.
import { z } from 'zod';
import { CIVILITY_CODES } from '../../shared/french';
import { ROLE_CODES } from '../../shared/vocabulary';
import { id, line } from '../common/schema';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, {
    message: 'L’identifiant doit faire 3 à 32 caractères : lettres sans accent, chiffres, point, tiret.',
  });

/** Printed on letters and signature blocks: a line the documents' font can draw. */
export const displayNameSchema = line(100, 'Le nom affiché est obligatoire.');

/** Printed documents agree with it (« Je soussignée »); « unspecified » gives forms without agreement. */
export const civilitySchema = z.enum(CIVILITY_CODES, { message: 'Choisissez une civilité.' });

/** Length is the policy (DESIGN §5); the upper bound only protects the KDF from huge inputs. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.` })
  .max(PASSWORD_MAX_LENGTH, { message: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.` });

/** The user's own password typed again to confirm a sensitive action (DESIGN §5). */
export const confirmationSchema = z.string().min(1, { message: 'Confirmez avec votre mot de passe.' }).max(PASSWORD_MAX_LENGTH);

/** Refinement: two password fields must match; the message lands on the confirmation field. */
export const matching = (
  field: string,
  confirmationField: string,
): [(value: Record<string, unknown>) => boolean, { message: string; path: string[] }] => [
  (value) => value[field] === value[confirmationField],
  { message: 'Les deux mots de passe ne correspondent pas.', path: [confirmationField] },
];

export const withNewPassword = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object(shape)
    .extend({ newPassword: passwordSchema, newPasswordConfirmation: z.string() })
    .strict()
    .refine(...matching('newPassword', 'newPasswordConfirmation'));

/** The account form: checked on its own before the coordinator is asked to confirm with their password. */
const accountFields = z.object({
  login: loginSchema,
  displayName: displayNameSchema,
  civility: civilitySchema.default('unspecified'),
  role: z.enum(ROLE_CODES, { message: 'Choisissez un rôle.' }),
  password: passwordSchema,
  passwordConfirmation: z.string(),
});

export const newAccountInput = accountFields.strict().refine(...matching('password', 'passwordConfirmation'));

export const createUserInput = accountFields
  .extend({ actorPassword: confirmationSchema })
  .strict()
  .refine(...matching('password', 'passwordConfirmation'));

export const changePasswordInput = withNewPassword({ currentPassword: confirmationSchema }).refine(
  (v) => v.newPassword !== v.currentPassword,
  {
    message: 'Le nouveau mot de passe doit être différent de l’actuel.',
    path: ['newPassword'],
  },
);
export const resetPasswordInput = withNewPassword({ userId: id, actorPassword: confirmationSchema });
export const disableUserInput = z.object({ userId: id, actorPassword: confirmationSchema }).strict();
/** A user's name as printed on every letter and signature block, and their civility. */
export const profileInput = z.object({ displayName: displayNameSchema, civility: civilitySchema }).strict();
export const updateUserInput = profileInput.extend({ userId: id }).strict();
export const linkMemberInput = z.object({ userId: id, memberId: id.nullable() }).strict();
export const rotateKeyInput = z.object({ actorPassword: confirmationSchema }).strict();
