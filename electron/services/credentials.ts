// Rules on what users type to identify themselves. Pure functions, shared by the IPC layer,
// the CLI and the services so the same rule gives the same French message everywhere.
import { z } from 'zod';
import { AppError } from '../errors';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const ROLES = ['coordinator', 'animateur', 'secretariat'] as const;
export type Role = (typeof ROLES)[number];

export const loginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, {
    message: "L'identifiant doit faire 3 à 32 caractères : lettres sans accent, chiffres, point, tiret.",
  });

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { message: 'Le nom affiché est obligatoire.' })
  .max(100, { message: 'Le nom affiché ne doit pas dépasser 100 caractères.' });

/** Length is the policy (DESIGN §5); the upper bound only protects the KDF from huge inputs. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.` })
  .max(PASSWORD_MAX_LENGTH, { message: `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.` });

export function assertPasswordPolicy(password: string): void {
  const result = passwordSchema.safeParse(password);
  if (!result.success) {
    throw new AppError('PASSWORD_POLICY', { message: result.error.issues[0]?.message ?? undefined });
  }
}

/** Secrets are handed to the KDF as Buffers so they can be overwritten after use. */
export function secretBuffer(secret: string): Buffer {
  return Buffer.from(secret.normalize('NFC'), 'utf8');
}
