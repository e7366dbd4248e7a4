// Contract channels of the partner directory and the ethics charter (merged into `contract`).
// Reading is open to every role; the directory is kept by the coordinator and the secretariat;
// the charter's text and adoption belong to the coordinator.
import { z } from 'zod';
import type { CharterSignature, CharterVersionSummary } from '../services/charter';
import type { ImportReport } from '../services/partners/directory-csv';
import type { MemberSummary } from '../services/partners/members';
import type { StructureSummary } from '../services/partners/structures';
import { channel, id, noInput, pastDay, returns, text } from './channel';
import type { DocumentFile } from './contract';
import { CATEGORY_CODES, MEMBERSHIP_CODES, SECTOR_CODES } from './vocabulary';

const EDITORS = ['coordinator', 'secretariat'] as const;
const EVERYONE = 'authenticated' as const;

const structureInput = z
  .object({
    id: id.optional(),
    name: text(200, 'Le nom de la structure est obligatoire.'),
    sector: z.enum(SECTOR_CODES, { message: 'Choisissez un secteur.' }),
    address: text(300),
    conventionSignedOn: pastDay.nullable(),
    conventionSignatory: text(200).nullable(),
  })
  .strict()
  .refine((v) => (v.conventionSignedOn === null) === (v.conventionSignatory === null || v.conventionSignatory === ''), {
    message: 'Indiquez la date de signature de la convention et son signataire, ou aucun des deux.',
    path: ['conventionSignatory'],
  })
  .transform((v) => ({ ...v, conventionSignatory: v.conventionSignatory || null }));

const memberInput = z
  .object({
    id: id.optional(),
    structureId: id,
    lastName: text(100, 'Le nom est obligatoire.'),
    firstName: text(100, 'Le prénom est obligatoire.'),
    function: text(150),
    category: z.enum(CATEGORY_CODES, { message: 'Choisissez une catégorie professionnelle.' }),
    email: z.union([z.literal(''), z.string().trim().email({ message: 'Adresse de courriel invalide.' }).max(200)]),
    phone: text(40).refine((v) => /^[0-9 +().-]*$/.test(v), { message: 'Numéro de téléphone invalide.' }),
    membership: z.enum(MEMBERSHIP_CODES),
  })
  .strict();

const activation = z.object({ id, active: z.boolean() }).strict();
const byId = z.object({ id }).strict();

export const partnerChannels = {
  'partners.listStructures': channel({
    input: z
      .object({
        search: z.string().max(100).optional(),
        sector: z.enum(SECTOR_CODES).optional(),
        convention: z.enum(['signed', 'unsigned']).optional(),
        includeInactive: z.boolean().optional(),
      })
      .strict(),
    access: EVERYONE,
    output: returns<StructureSummary[]>(),
  }),
  'partners.saveStructure': channel({ input: structureInput, access: EDITORS, output: returns<StructureSummary>() }),
  'partners.setStructureActive': channel({ input: activation, access: EDITORS, output: returns<StructureSummary>() }),
  'partners.removeStructure': channel({ input: byId, access: EDITORS, output: returns<{ outcome: 'deleted' | 'deactivated' }>() }),

  'partners.listMembers': channel({
    input: z
      .object({
        search: z.string().max(100).optional(),
        structureId: id.optional(),
        category: z.enum(CATEGORY_CODES).optional(),
        charter: z.enum(['signed', 'unsigned']).optional(),
        includeInactive: z.boolean().optional(),
      })
      .strict(),
    access: EVERYONE,
    output: returns<MemberSummary[]>(),
  }),
  'partners.saveMember': channel({ input: memberInput, access: EDITORS, output: returns<MemberSummary>() }),
  'partners.setMemberActive': channel({ input: activation, access: EDITORS, output: returns<MemberSummary>() }),
  'partners.removeMember': channel({ input: byId, access: EDITORS, output: returns<{ outcome: 'deleted' | 'deactivated' }>() }),

  'partners.importDirectory': channel({
    input: z
      .object({
        base64: z.string().min(1, { message: 'Le fichier est vide.' }).max(8_000_000, { message: 'Le fichier dépasse 6 Mo.' }),
        commit: z.boolean(),
      })
      .strict(),
    access: EDITORS,
    output: returns<ImportReport>(),
  }),
  'partners.exportDirectory': channel({ input: noInput, access: EDITORS, output: returns<DocumentFile>() }),

  'charter.list': channel({ input: noInput, access: EVERYONE, output: returns<CharterVersionSummary[]>() }),
  'charter.saveDraft': channel({
    input: z.object({ text: text(100_000, 'Le texte de la charte ne peut pas être vide.') }).strict(),
    access: ['coordinator'],
    output: returns<CharterVersionSummary>(),
  }),
  'charter.newDraft': channel({ input: noInput, access: ['coordinator'], output: returns<CharterVersionSummary>() }),
  'charter.adopt': channel({
    input: z.object({ versionId: id, adoptedOn: pastDay }).strict(),
    access: ['coordinator'],
    output: returns<CharterVersionSummary>(),
  }),
  'charter.recordSignature': channel({
    input: z.object({ memberId: id, versionId: id, signedOn: pastDay }).strict(),
    access: EDITORS,
    output: returns<MemberSummary>(),
  }),
  'charter.signatures': channel({ input: z.object({ versionId: id }).strict(), access: EVERYONE, output: returns<CharterSignature[]>() }),
  'charter.pdf': channel({ input: z.object({ versionId: id }).strict(), access: EVERYONE, output: returns<DocumentFile>() }),
  'charter.commitmentPdf': channel({ input: z.object({ memberId: id }).strict(), access: EDITORS, output: returns<DocumentFile>() }),
} as const;

export type { CharterSignature, CharterVersionSummary, ImportReport, MemberSummary, StructureSummary };
