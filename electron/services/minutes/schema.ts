// What enters the signing of minutes: certificates (created or imported, for the coordinator or an
// animateur), the signature itself, addenda, and the documents drawn from signed minutes.
import { z } from 'zod';
import { id, InputFacts, line, pastDay, text } from '../common/schema';
import { RECORDED_REASON_CODES } from './approval-state';

/** A certificate password: asked at every signature, never stored. */
const certificatePassword = z
  .string({ message: 'Indiquez le mot de passe du certificat.' })
  .min(1, { message: 'Indiquez le mot de passe du certificat.' })
  .max(200);

/** A .p12 is a few kilobytes; 200 000 base64 characters leave room for a long chain. */
const p12Base64 = z
  .string()
  .min(1, { message: 'Choisissez le fichier du certificat (.p12 ou .pfx).' })
  .max(200_000, { message: 'Ce fichier est trop volumineux pour un certificat.' })
  .regex(/^[A-Za-z0-9+/=\s]+$/, { message: 'Ce fichier n’est pas un certificat .p12 lisible.' });

/** Whose certificate: the coordinator signed in (null) or a member who animates meetings. */
const holder = { memberId: id.nullable() };

export const createCertificateInput = z
  .object({
    ...holder,
    commonName: line(200, 'Indiquez le nom du titulaire.'),
    organization: line(200, 'Indiquez l’établissement.'),
    password: z.string().min(10, { message: 'Choisissez un mot de passe de 10 caractères au moins.' }).max(200),
    passwordConfirmation: z.string(),
  })
  .strict()
  .refine((v) => v.password === v.passwordConfirmation, {
    message: 'Les deux mots de passe ne sont pas identiques.',
    path: ['passwordConfirmation'],
  });

export const importCertificateInput = z.object({ ...holder, base64: p12Base64, password: certificatePassword }).strict();
export const certificateIdInput = z.object({ certificateId: id }).strict();

const signing = {
  meetingId: id,
  password: certificatePassword,
  /** The animateur's certificate password, when the animateur signs too. */
  animateurPassword: z.string().max(200).nullable(),
};
export const signInput = z.object(signing).strict();
export const addendumInput = z.object({ ...signing, text: text(5000, 'Rédigez le texte de l’additif.') }).strict();

export const meetingIdInput = z.object({ meetingId: id }).strict();

/** The coordination records why the animateur's approval is not in the app, and since when. */
export const recordApprovalInput = (facts: InputFacts) =>
  z
    .object({
      meetingId: id,
      reason: z.enum(RECORDED_REASON_CODES, { message: 'Indiquez pourquoi l’approbation manque.' }),
      on: pastDay(facts, 'Indiquez la date.'),
    })
    .strict();

/** The « points discutés » of the minutes, outside the situations. */
export const otherPointsInput = z.object({ meetingId: id, text: text(4000) }).strict();
export const documentIdInput = z.object({ documentId: id }).strict();
export const recipientInput = z.object({ meetingId: id, memberId: id }).strict();
export const letterInput = z.object({ itemId: id }).strict();
