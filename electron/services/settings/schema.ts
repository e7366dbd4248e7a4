import { z } from 'zod';
import { line, text } from '../common/schema';

const establishmentName = line(200, 'Le nom de l’établissement est obligatoire.');
const autoLockMinutes = z
  .number({ message: 'Indiquez un nombre de minutes.' })
  .int({ message: 'Indiquez un nombre entier de minutes.' })
  .min(1, { message: 'Le délai de verrouillage automatique est d’une minute au moins.' })
  .max(240, { message: 'Le délai de verrouillage automatique est de 240 minutes au plus.' });

/** Months after which a consent must be confirmed again; null: never (it lasts until withdrawn). */
const consentReconfirmMonths = z
  .number({ message: 'Indiquez un nombre de mois.' })
  .int({ message: 'Indiquez un nombre entier de mois.' })
  .min(1, { message: 'Le délai de confirmation est d’un mois au moins.' })
  .max(60, { message: 'Le délai de confirmation est de 60 mois au plus.' })
  .nullable();
/** A configurable list of tags: the referral's typology, the commission's response typology. */
const typologyList = z
  .array(z.string().trim().min(1).max(60, { message: 'Une typologie tient en 60 caractères.' }))
  .min(1, { message: 'Gardez au moins une typologie.' })
  .max(30, { message: '30 typologies au plus.' })
  .refine((list) => new Set(list.map((t) => t.toLowerCase())).size === list.length, { message: 'Une typologie figure deux fois.' });
/** The typology tags offered on the referral form. */
const situationTypologies = typologyList;
/** The response typology offered when an item is deliberated. */
const responseTypologies = typologyList;
/** The questionnaire's « typologie des connaissances acquises ». */
const knowledgeTypologies = typologyList;
/** Months without a review after which a situation in follow-up is flagged on the dashboard. */
const followUpReviewMonths = z
  .number({ message: 'Indiquez un nombre de mois.' })
  .int({ message: 'Indiquez un nombre entier de mois.' })
  .min(1, { message: 'Le délai de relance est d’un mois au moins.' })
  .max(36, { message: 'Le délai de relance est de 36 mois au plus.' });

/** Whom a person calls about the commission: printed on the letters sent to them. */
const coordinationContact = z.string().trim().max(300, { message: 'Le contact de la coordination tient en 300 caractères.' });

/** The hospital share where backups go (a UNC path on Windows); empty: not configured yet. */
const backupShare = z.string().trim().max(500, { message: 'Le chemin du dossier de sauvegarde tient en 500 caractères.' });
/** The folder where e-mail drafts (`.eml`) are written for the mail client; empty: not chosen yet. */
export const mailFolder = z.string().trim().max(500, { message: 'Le chemin du dossier des brouillons tient en 500 caractères.' });
const backupKeep = z
  .number({ message: 'Indiquez un nombre de sauvegardes.' })
  .int({ message: 'Indiquez un nombre entier de sauvegardes.' })
  .min(1, { message: 'Gardez au moins une sauvegarde.' })
  .max(50, { message: '50 sauvegardes au plus.' });
/** Days after which the last verified backup is too old: a reminder on the dashboard and at unlock. */
const backupReminderDays = z
  .number({ message: 'Indiquez un nombre de jours.' })
  .int({ message: 'Indiquez un nombre entier de jours.' })
  .min(1, { message: 'Le rappel est d’un jour au moins.' })
  .max(365, { message: 'Une sauvegarde par an au moins : 365 jours au plus.' });
/** G9: months after the last contact before a closed situation's personal data is erased. */
const retentionMonths = z
  .number({ message: 'Indiquez un nombre de mois.' })
  .int({ message: 'Indiquez un nombre entier de mois.' })
  .min(6, { message: 'La durée de conservation est de 6 mois au moins.' })
  .max(120, { message: 'La durée de conservation est de 120 mois au plus.' });
/** G9: months after which a referral that never got a consent is proposed for erasure. */
const unconsentedReferralMonths = z
  .number({ message: 'Indiquez un nombre de mois.' })
  .int({ message: 'Indiquez un nombre entier de mois.' })
  .min(1, { message: 'Une saisine sans consentement est gardée un mois au moins.' })
  .max(24, { message: 'Une saisine sans consentement est gardée 24 mois au plus.' });
/** G9: months after the last situation they carry is closed or erased before signed minutes are destroyed. */
const minutesRetentionMonths = z
  .number({ message: 'Indiquez un nombre de mois.' })
  .int({ message: 'Indiquez un nombre entier de mois.' })
  .min(6, { message: 'Les comptes rendus sont gardés 6 mois au moins.' })
  .max(120, { message: 'Les comptes rendus sont gardés 120 mois au plus.' });
/** How the person reaches the establishment's data protection officer (GDPR art. 13). */
const dpoContact = z.string().trim().max(300, { message: 'Le contact du délégué à la protection des données tient en 300 caractères.' });
/** Months after which audit events may be archived to the share and removed from the database. */
const auditRetentionMonths = z
  .number({ message: 'Indiquez un nombre de mois.' })
  .int({ message: 'Indiquez un nombre entier de mois.' })
  .min(12, { message: 'Le journal est gardé 12 mois au moins.' })
  .max(240, { message: 'Le journal est gardé 240 mois au plus avant archivage.' });
/** When the last backup that passed its verification was made (ISO moment), written by the backup. */
const lastVerifiedBackupAt = z.string().nullable();

/** The letterhead under the establishment's name (Paramètres › Documents). */
export const letterheadInput = z
  .object({
    service: line(150),
    address: text(300).refine((v) => v.split(/\r?\n/).length <= 4, { message: 'L’adresse tient en 4 lignes au plus.' }),
    phone: z
      .string()
      .trim()
      .max(40)
      .refine((v) => v === '' || /^[+0-9 ().-]{6,}$/.test(v), {
        message: 'Écrivez le numéro avec des chiffres, par exemple 03 87 00 00 00.',
      }),
    email: z.union([z.literal(''), z.string().trim().email({ message: 'Cette adresse électronique est mal écrite.' }).max(200)]),
    city: line(80),
  })
  .strict();
export type LetterheadFields = z.infer<typeof letterheadInput>;

/** The logo, as its bytes (base64) and the type read from them. */
const letterheadLogo = z
  .object({ type: z.enum(['image/png', 'image/jpeg', 'image/svg+xml']), base64: z.string() })
  .strict()
  .nullable();

/** How each setting is stored and checked when read back. */
/** True from the moment a recovery key is shown until the coordinator confirms it is stored. */
const recoveryKeyPending = z.boolean();
/** The unlock throttle's `total` seen at the last unlock: a lower one later means the file was reset. */
const lockoutWatermark = z.number().int().min(0);

/** Set by a restore that brought back an older key or revoked users; cleared by the next key rotation. */
const keyRotationRequired = z
  .object({ since: z.string(), revokedUserIds: z.array(z.number().int().positive()) })
  .strict()
  .nullable();

export const settingSchemas = {
  establishmentName,
  autoLockMinutes,
  recoveryKeyPending,
  lockoutWatermark,
  keyRotationRequired,
  consentReconfirmMonths,
  situationTypologies,
  responseTypologies,
  knowledgeTypologies,
  followUpReviewMonths,
  coordinationContact,
  backupShare,
  backupKeep,
  backupReminderDays,
  retentionMonths,
  unconsentedReferralMonths,
  minutesRetentionMonths,
  dpoContact,
  auditRetentionMonths,
  lastVerifiedBackupAt,
  mailFolder,
  recoveryKeyUsedAt: z.iso.datetime().nullable(),
  letterhead: letterheadInput,
  letterheadLogo,
} as const;

export const settingsInput = z
  .object({
    establishmentName,
    autoLockMinutes,
    consentReconfirmMonths,
    situationTypologies,
    responseTypologies,
    knowledgeTypologies,
    followUpReviewMonths,
    coordinationContact: coordinationContact.default(''),
    // Required, never defaulted: a form that forgot one would otherwise reset it silently.
    backupShare,
    backupKeep,
    backupReminderDays,
    retentionMonths,
    unconsentedReferralMonths,
    minutesRetentionMonths,
    dpoContact,
    auditRetentionMonths,
  })
  .strict();
