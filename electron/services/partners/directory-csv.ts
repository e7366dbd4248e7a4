// The directory's CSV layout: one line per member, with its structure's columns (a structure
// without members has a line with empty member columns). Here: reading a line with the same
// schemas as the forms, the template and the export; the import's plan is directory-import.ts.
import type { z } from 'zod';
import { Day, fileStamp, formatDay, parseDay } from '../../shared/dates';
import type { DocumentFile } from '../common/documents';
import { CATEGORIES, Category, Membership, MEMBERSHIPS, Sector, SECTORS } from '../../shared/vocabulary';
import type { ServiceContext } from '../context';
import { formatCsv, TextEncodingName } from './csv';
import { listMembers } from './members';
import { importedStructure, MemberFields, memberFields, StructureInput } from './schema';
import { listStructures } from './structures';
import { normalizeText } from './text';

export const DIRECTORY_COLUMNS = [
  'Structure',
  'Secteur',
  'Adresse',
  'Convention signée le',
  'Signataire de la convention',
  'Nom',
  'Prénom',
  'Fonction',
  'Catégorie',
  'Courriel',
  'Téléphone',
  'Type de membre',
] as const;
export type Column = (typeof DIRECTORY_COLUMNS)[number];
const REQUIRED: Column[] = ['Structure', 'Secteur'];

/** The column each schema field comes from, for the report. */
const FIELD_COLUMNS: Record<string, Column> = {
  name: 'Structure',
  sector: 'Secteur',
  address: 'Adresse',
  conventionSignedOn: 'Convention signée le',
  conventionSignatory: 'Signataire de la convention',
  lastName: 'Nom',
  firstName: 'Prénom',
  function: 'Fonction',
  category: 'Catégorie',
  email: 'Courriel',
  phone: 'Téléphone',
  membership: 'Type de membre',
};

export interface ImportChange {
  /** The column, as in the file. */
  field: string;
  from: string;
  to: string;
}

export interface ImportLine {
  line: number;
  /** `update`: the line names a known structure or member whose details the file changes. */
  status: 'new' | 'update' | 'existing' | 'error';
  errors: string[];
  /** What an update changes (old → new); empty otherwise. */
  changes: ImportChange[];
  /** What the line is, as the preview names it: « Anne Klein — CCAS de Metz », or the structure alone. */
  label: string;
  /** Cells that began like a spreadsheet formula, as they will be stored (a leading apostrophe). */
  neutralized: { field: Column; stored: string }[];
}

export interface ImportReport {
  encoding: TextEncodingName;
  valid: boolean;
  committed: boolean;
  lines: ImportLine[];
  structuresCreated: number;
  membersCreated: number;
  structuresUpdated: number;
  membersUpdated: number;
  unchanged: number;
  /** Problems with the file as a whole (header, emptiness). */
  fileErrors: string[];
}

function lookup<T extends string>(labels: Record<T, string>, synonyms: Record<string, T> = {}): (value: string) => T | null {
  const table = new Map<string, T>();
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    table.set(normalizeText(code.replace(/_/g, ' ')), code);
    table.set(normalizeText(label), code);
  }
  for (const [word, code] of Object.entries(synonyms)) table.set(normalizeText(word), code);
  return (value) => table.get(normalizeText(value)) ?? null;
}

const sectorOf = lookup<Sector>(SECTORS, {
  CMP: 'cmp',
  'centre medico psychologique': 'cmp',
  bailleur: 'bailleur_social',
  CMS: 'centre_moselle_solidarite',
  medecin: 'medecin_generaliste',
  association: 'association_usagers_aidants',
  UNAFAM: 'association_usagers_aidants',
  GEM: 'association_usagers_aidants',
  mandataire: 'mandataire_judiciaire',
  DDCS: 'ddcs',
  DDETS: 'ddcs',
});
const categoryOf = lookup<Category>(CATEGORIES, {
  'professionnel de sante': 'professionnel_sante',
  'personnel bailleur': 'personnel_bailleur',
  mandataire: 'mandataire_judiciaire',
  'representant des usagers': 'representant_usagers_aidants',
});
const membershipOf = lookup<Membership>(MEMBERSHIPS, {
  permanent: 'permanent',
  invite: 'invited',
  invitee: 'invited',
  'membre invitee': 'invited',
});

export interface ParsedLine {
  line: number;
  structure: StructureInput;
  member: MemberFields | null;
  errors: string[];
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');

/** The schema's verdict as report lines: `courriel « anne@ » invalide`, `nom : trop long…`. */
function schemaErrors(error: z.ZodError, cells: Record<Column, string>): string[] {
  return error.issues.map((issue) => {
    const column = FIELD_COLUMNS[String(issue.path[0])];
    if (!column) return lowerFirst(issue.message);
    const value = cells[column];
    return value &&
      (issue.code === 'invalid_format' || issue.code === 'invalid_union' || issue.code === 'custom') &&
      !/futur/.test(issue.message)
      ? `${column.toLowerCase()} « ${value} » invalide`
      : `${column.toLowerCase()} : ${lowerFirst(issue.message)}`;
  });
}

export function readLine(cells: Record<Column, string>, line: number, today: Day): ParsedLine {
  const errors: string[] = [];
  const sector = sectorOf(cells.Secteur);
  if (!sector) errors.push(`secteur « ${cells.Secteur} » inconnu (attendu : ${Object.values(SECTORS).join(', ')})`);
  const signedText = cells['Convention signée le'];
  const signedOn = signedText ? parseDay(signedText) : null;
  const dateRefused = Boolean(signedText) && (!signedOn || signedOn > today);
  if (dateRefused) errors.push(`date de convention « ${signedText} » invalide (attendu : jj/mm/aaaa, pas dans le futur)`);
  const structureResult = importedStructure({ today }).safeParse({
    name: cells.Structure,
    sector: sector ?? 'autre',
    address: cells.Adresse,
    // A refused date is reported once, above; the schema checks the rest of the line.
    conventionSignedOn: signedText ? (dateRefused ? today : signedOn) : null,
    conventionSignatory: cells['Signataire de la convention'] || null,
  });
  if (!structureResult.success) errors.push(...schemaErrors(structureResult.error, cells));
  const structure: StructureInput = structureResult.success
    ? structureResult.data
    : {
        name: cells.Structure,
        sector: sector ?? 'autre',
        address: cells.Adresse,
        conventionSignedOn: signedOn,
        conventionSignatory: cells['Signataire de la convention'] || null,
      };

  const memberCells = [cells.Nom, cells.Prénom, cells.Fonction, cells.Catégorie, cells.Courriel, cells.Téléphone, cells['Type de membre']];
  if (memberCells.every((v) => v === '')) return { line, structure, member: null, errors };
  const category = categoryOf(cells.Catégorie);
  const membership = membershipOf(cells['Type de membre'] || 'permanent');
  if (!category) errors.push(`catégorie « ${cells.Catégorie} » inconnue (attendu : ${Object.values(CATEGORIES).join(', ')})`);
  if (!membership) errors.push(`type de membre « ${cells['Type de membre']} » inconnu (attendu : permanent ou invité)`);
  const memberResult = memberFields.safeParse({
    lastName: cells.Nom,
    firstName: cells.Prénom,
    function: cells.Fonction,
    category: category ?? 'autre',
    email: cells.Courriel,
    phone: cells.Téléphone,
    membership: membership ?? 'permanent',
  });
  if (!memberResult.success) errors.push(...schemaErrors(memberResult.error, cells));
  return { line, structure, member: memberResult.success ? memberResult.data : null, errors };
}

export function readHeader(header: string[], report: ImportReport): (Column | null)[] {
  const columns = header.map((h) => DIRECTORY_COLUMNS.find((c) => normalizeText(c) === normalizeText(h)) ?? null);
  if (header.length === 1 && header[0]!.includes(',')) report.fileErrors.push('le séparateur doit être le point-virgule (;)');
  header.forEach((h, i) => columns[i] === null && h !== '' && report.fileErrors.push(`colonne « ${h} » inconnue`));
  for (const required of REQUIRED) if (!columns.includes(required)) report.fileErrors.push(`colonne « ${required} » manquante`);
  return columns;
}

/** Active structures and members, in the import layout. */
export function exportDirectory(ctx: ServiceContext): Buffer {
  const rows: string[][] = [[...DIRECTORY_COLUMNS]];
  const members = listMembers(ctx);
  for (const s of listStructures(ctx)) {
    const structureCells = [
      s.name,
      SECTORS[s.sector],
      s.address,
      s.conventionSignedOn ? formatDay(s.conventionSignedOn) : '',
      s.conventionSignatory ?? '',
    ];
    const own = members.filter((m) => m.structureId === s.id);
    if (own.length === 0) rows.push([...structureCells, '', '', '', '', '', '', '']);
    for (const m of own) {
      rows.push([
        ...structureCells,
        m.lastName,
        m.firstName,
        m.function,
        CATEGORIES[m.category],
        m.email,
        m.phone,
        MEMBERSHIPS[m.membership],
      ]);
    }
  }
  ctx.audit('partners.exportDirectory', { type: 'directory' }, `rows=${rows.length - 1}`);
  return formatCsv(rows);
}

/** A file to fill in: the header, the labels the screens use, and one fictitious example line. */
export function importTemplate(): DocumentFile {
  const example = [
    'CCAS de Montigny-lès-Metz',
    SECTORS.ccas,
    '1 place Jean Jaurès, 57950 Montigny-lès-Metz',
    '15/01/2026',
    'Marie Lang',
    'Hoffmann',
    'Françoise',
    'Assistante sociale',
    CATEGORIES.travailleur_social,
    'f.hoffmann@ccas-montigny.example',
    '03 87 00 00 00',
    MEMBERSHIPS.permanent,
  ];
  return {
    fileName: 'modele-annuaire-commission-clsm.csv',
    mimeType: 'text/csv',
    base64: formatCsv([[...DIRECTORY_COLUMNS], example]).toString('base64'),
  };
}

/** The export as a file to save, named after the Paris day. */
export function exportDirectoryFile(ctx: ServiceContext): DocumentFile {
  return {
    fileName: `annuaire-commission-clsm-${fileStamp(ctx.clock)}.csv`,
    mimeType: 'text/csv',
    base64: exportDirectory(ctx).toString('base64'),
  };
}
