// What enters the directory, whether typed in a form or read from a CSV import: one validation.
import { z } from 'zod';
import { CIVILITY_CODES } from '../../shared/french';
import { CATEGORY_CODES, MEMBERSHIP_CODES, SECTOR_CODES } from '../../shared/vocabulary';
import { id, InputFacts, line, paging, pastDay, text } from '../common/schema';

export const structureFields = (facts: InputFacts) =>
  z
    .object({
      name: line(200, 'Le nom de la structure est obligatoire.'),
      sector: z.enum(SECTOR_CODES, { message: 'Choisissez un secteur.' }),
      address: text(300),
      conventionSignedOn: pastDay(facts, 'Indiquez la date de signature de la convention.').nullable(),
      conventionSignatory: line(200).nullable(),
    })
    .strict();

const conventionTogether = <T extends { conventionSignedOn: string | null; conventionSignatory: string | null }>(v: T) =>
  (v.conventionSignedOn === null) === (v.conventionSignatory === null || v.conventionSignatory === '');

const conventionMessage = {
  message: 'Indiquez la date de signature de la convention et son signataire, ou aucun des deux.',
  path: ['conventionSignatory'],
};

export const structureInput = (facts: InputFacts) =>
  structureFields(facts)
    .extend({ id: id.optional() })
    .refine(conventionTogether, conventionMessage)
    .transform((v) => ({ ...v, conventionSignatory: v.conventionSignatory || null }));

/** A structure read from the import (no id). */
export const importedStructure = (facts: InputFacts) =>
  structureFields(facts)
    .refine(conventionTogether, conventionMessage)
    .transform((v) => ({ ...v, conventionSignatory: v.conventionSignatory || null }));

export const memberFields = z
  .object({
    lastName: line(100, 'Le nom est obligatoire.'),
    firstName: line(100, 'Le prénom est obligatoire.'),
    // Convocations and attestations agree with it; an import without the column leaves it unspecified.
    civility: z.enum(CIVILITY_CODES, { message: 'Choisissez une civilité.' }).default('unspecified'),
    function: line(150),
    category: z.enum(CATEGORY_CODES, { message: 'Choisissez une catégorie professionnelle.' }),
    email: z.union([z.literal(''), z.string().trim().email({ message: 'Adresse de courriel invalide.' }).max(200)], {
      message: 'Adresse de courriel invalide.',
    }),
    phone: text(40).refine((v) => /^[0-9 +().-]*$/.test(v), { message: 'Numéro de téléphone invalide.' }),
    membership: z.enum(MEMBERSHIP_CODES, { message: 'Choisissez le type de membre.' }),
  })
  .strict();

export const memberInput = memberFields
  .extend({ id: id.optional(), structureId: z.number({ message: 'Choisissez la structure du membre.' }).int().positive() })
  .strict();

export const activationInput = z.object({ id, active: z.boolean() }).strict();
export const byIdInput = z.object({ id }).strict();

export const structureFilters = z
  .object({
    search: z.string().max(100).optional(),
    sector: z.enum(SECTOR_CODES).optional(),
    convention: z.enum(['signed', 'unsigned']).optional(),
    includeInactive: z.boolean().optional(),
  })
  .strict();

export const memberFilters = z
  .object({
    search: z.string().max(100).optional(),
    structureId: id.optional(),
    category: z.enum(CATEGORY_CODES).optional(),
    charter: z.enum(['signed', 'unsigned']).optional(),
    includeInactive: z.boolean().optional(),
  })
  .strict();

/** The import's limit, and the dev host's body limit derives from it (base64 of 6 MB). */
export const IMPORT_MAX_BASE64 = 8_000_000;

export const importInput = z
  .object({
    base64: z.string().min(1, { message: 'Le fichier est vide.' }).max(IMPORT_MAX_BASE64, { message: 'Le fichier dépasse 6 Mo.' }),
    commit: z.boolean(),
  })
  .strict();

export type StructureInput = z.output<ReturnType<typeof importedStructure>>;
export type MemberInput = z.output<typeof memberInput>;
export type MemberFields = z.output<typeof memberFields>;

export const structurePageInput = structureFilters.extend(paging).strict();
export const memberPageInput = memberFilters.extend(paging).strict();
/**
 * A picker: what is typed so far, or the members already chosen (to name them), a few at a time;
 * `membership` + `charter` serve the convocation's default choice (the permanent members who may sit),
 * `excludeIds` the members a form already holds (convened, invited, the one being replaced).
 */
export const memberChoicesInput = z
  .object({
    search: z.string().max(100).optional(),
    ids: z.array(id).max(50).optional(),
    excludeIds: z.array(id).max(1000).optional(),
    membership: z.enum(MEMBERSHIP_CODES).optional(),
    charter: z.enum(['signed', 'unsigned']).optional(),
    includeInactive: z.boolean().optional(),
    limit: z.number().int().min(1).max(200).default(20),
  })
  .strict();
export type MemberChoicesInput = z.output<typeof memberChoicesInput>;
