// What enters a consent: the record with its legal content, the scanned form, the withdrawal.
import { z } from 'zod';
import { CATEGORY_CODES } from '../../shared/vocabulary';
import {
  ATTENDANCE_WISH_CODES,
  CONSENT_MODE_CODES,
  IDENTITY_SHARING_CODES,
  LEGAL_PROTECTION_CODES,
  SCAN_MAX_BYTES,
} from '../../shared/situation-vocabulary';
import { id, InputFacts, line, pastDay, text } from '../common/schema';

/** The scan limit as base64 (4 characters for 3 bytes), plus a little. */
export const SCAN_MAX_BASE64 = Math.ceil(SCAN_MAX_BYTES / 3) * 4 + 4;

export const scanInput = z
  .string()
  .min(1, { message: 'Le fichier est vide.' })
  .max(SCAN_MAX_BASE64, { message: 'Le formulaire numérisé dépasse 10 Mo.' });

export const consentInput = (facts: InputFacts) =>
  z
    .object({
      situationId: id,
      collectedOn: pastDay(facts, 'Indiquez la date de recueil du consentement.'),
      collectedByMemberId: z.number({ message: 'Choisissez le professionnel qui a recueilli le consentement.' }).int().positive(),
      mode: z.enum(CONSENT_MODE_CODES, { message: 'Choisissez la forme du consentement.' }),
      witness: line(200),
      information: z
        .object({ dataCategories: z.boolean(), professionals: z.boolean(), supports: z.boolean(), security: z.boolean() })
        .strict(),
      allowedCategories: z
        .array(z.enum(CATEGORY_CODES))
        .min(1, { message: 'Cochez au moins une catégorie de professionnels autorisée.' })
        .max(CATEGORY_CODES.length),
      excludedStructureIds: z.array(id).max(500),
      identitySharing: z.enum(IDENTITY_SHARING_CODES, { message: 'Indiquez ce que la personne accepte de voir partagé de son identité.' }),
      legalProtection: z.enum(LEGAL_PROTECTION_CODES, { message: 'Indiquez la mesure de protection (ou aucune).' }),
      representative: line(200),
      /** Where the representative's copy of the letter is sent (window envelope). */
      representativeAddress: text(300).default(''),
      representativeAgreement: z.boolean(),
      attendance: z.enum(ATTENDANCE_WISH_CODES, { message: 'Indiquez le souhait de la personne pour la séance.' }),
      attendanceRepresentative: line(200),
      scan: scanInput.optional(),
    })
    .strict()
    .refine((v) => v.mode !== 'oral_witnessed' || v.witness !== '', {
      message: 'Un consentement oral est recueilli devant un témoin : indiquez son nom et sa fonction.',
      path: ['witness'],
    })
    .refine((v) => v.attendance !== 'represented' || v.attendanceRepresentative !== '', {
      message: 'Indiquez qui représentera la personne.',
      path: ['attendanceRepresentative'],
    });

export const attachScanInput = z.object({ consentId: id, base64: scanInput }).strict();
export const scanByConsentInput = z.object({ consentId: id }).strict();

export const withdrawInput = (facts: InputFacts) =>
  z
    .object({
      situationId: id,
      withdrawnOn: pastDay(facts, 'Indiquez la date du retrait.'),
      note: text(500),
    })
    .strict();

export type ConsentInput = z.output<ReturnType<typeof consentInput>>;
