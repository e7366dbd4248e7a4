// Directory import and export in one CSV layout: one line per member, with its structure's columns
// (a structure without members has a line with empty member columns). Import is all or nothing:
// every line is checked first — with the same schemas as the forms — and a single wrong line means
// nothing is written.
import type { z } from 'zod';
import { AppError } from '../../errors';
import { Day, fileStamp, formatDay, parseDay } from '../../shared/dates';
import type { DocumentFile } from '../common/documents';
import { CATEGORIES, Category, Membership, MEMBERSHIPS, Sector, SECTORS } from '../../shared/vocabulary';
import type { ServiceContext } from '../context';
import { decodeCsvBytes, formatCsv, parseCsv, restoreFormula, TextEncodingName } from './csv';
import { listMembers, saveMember } from './members';
import { importedStructure, MemberFields, memberFields, StructureInput } from './schema';
import { listStructures, saveStructure } from './structures';
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
type Column = (typeof DIRECTORY_COLUMNS)[number];
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

export interface ImportLine {
  line: number;
  status: 'new' | 'existing' | 'error';
  errors: string[];
}

export interface ImportReport {
  encoding: TextEncodingName;
  valid: boolean;
  committed: boolean;
  lines: ImportLine[];
  structuresCreated: number;
  membersCreated: number;
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

interface ParsedLine {
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

function readLine(cells: Record<Column, string>, line: number, today: Day): ParsedLine {
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

const sameStructure = (a: StructureInput, b: StructureInput) =>
  a.sector === b.sector &&
  a.address === b.address &&
  a.conventionSignedOn === b.conventionSignedOn &&
  a.conventionSignatory === b.conventionSignatory;
const memberKey = (structure: string, m: { lastName: string; firstName: string }) =>
  normalizeText(`${structure}|${m.lastName}|${m.firstName}`);

function readHeader(header: string[], report: ImportReport): (Column | null)[] {
  const columns = header.map((h) => DIRECTORY_COLUMNS.find((c) => normalizeText(c) === normalizeText(h)) ?? null);
  if (header.length === 1 && header[0]!.includes(',')) report.fileErrors.push('le séparateur doit être le point-virgule (;)');
  header.forEach((h, i) => columns[i] === null && h !== '' && report.fileErrors.push(`colonne « ${h} » inconnue`));
  for (const required of REQUIRED) if (!columns.includes(required)) report.fileErrors.push(`colonne « ${required} » manquante`);
  return columns;
}

/** Validates the whole file against itself and the directory; writes only if `commit` and all is valid. */
export function importDirectory(ctx: ServiceContext, input: { base64: string; commit: boolean }): ImportReport {
  const { text, encoding } = decodeCsvBytes(Buffer.from(input.base64, 'base64'));
  const { records, errors: unreadable } = parseCsv(text);
  const rows = records.filter((r) => r.fields.some((cell) => cell.trim() !== ''));
  const report: ImportReport = {
    encoding,
    valid: false,
    committed: false,
    lines: [],
    structuresCreated: 0,
    membersCreated: 0,
    unchanged: 0,
    fileErrors: [],
  };
  const columns = readHeader(
    (rows[0]?.fields ?? []).map((h) => h.trim()),
    report,
  );
  if (rows.length < 2 && unreadable.length === 0) report.fileErrors.push('aucune ligne à importer');
  if (report.fileErrors.length > 0) return report;

  const existingStructures = new Map(listStructures(ctx, { includeInactive: true }).map((s) => [normalizeText(s.name), s]));
  const existingMembers = new Map(listMembers(ctx, { includeInactive: true }).map((m) => [memberKey(m.structureName, m), m]));
  const seenStructures = new Map<string, { line: number; structure: StructureInput }>();
  const seenMembers = new Map<string, number>();
  const parsed = rows.slice(1).map((row) => {
    const cells = Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
    columns.forEach((column, i) => column && (cells[column] = restoreFormula((row.fields[i] ?? '').trim())));
    const line = readLine(cells, row.line, ctx.today);
    const key = normalizeText(line.structure.name);
    const known = existingStructures.get(key);
    const earlier = seenStructures.get(key);
    if (line.errors.length === 0 && known && !sameStructure(known, line.structure)) {
      line.errors.push(
        `la structure « ${known.name} » existe déjà avec d’autres informations : corrigez sa fiche dans l’application ou le fichier`,
      );
    } else if (line.errors.length === 0 && earlier && !sameStructure(earlier.structure, line.structure)) {
      line.errors.push(`la structure « ${line.structure.name} » est décrite différemment à la ligne ${earlier.line}`);
    }
    if (line.errors.length === 0 && known && !known.active && line.member && !existingMembers.has(memberKey(known.name, line.member))) {
      line.errors.push(`la structure « ${known.name} » est désactivée : réactivez-la avant d’y ajouter des membres`);
    }
    if (!earlier) seenStructures.set(key, { line: line.line, structure: line.structure });
    if (line.member) {
      const mKey = memberKey(line.structure.name, line.member);
      if (seenMembers.has(mKey)) line.errors.push(`ce membre figure déjà à la ligne ${seenMembers.get(mKey)}`);
      else seenMembers.set(mKey, line.line);
    }
    return line;
  });

  report.lines = [
    ...parsed.map((p): ImportLine => {
      const known = p.member
        ? existingMembers.has(memberKey(p.structure.name, p.member))
        : existingStructures.has(normalizeText(p.structure.name));
      return { line: p.line, status: p.errors.length > 0 ? 'error' : known ? 'existing' : 'new', errors: p.errors };
    }),
    ...unreadable.map((u): ImportLine => ({ line: u.line, status: 'error', errors: [u.message] })),
  ].sort((a, b) => a.line - b.line);
  report.valid = report.lines.every((l) => l.status !== 'error');
  report.unchanged = report.lines.filter((l) => l.status === 'existing').length;
  if (!input.commit) return report;
  if (!report.valid) throw new AppError('IMPORT_INVALID');

  const ids = new Map([...existingStructures].map(([k, s]) => [k, s.id]));
  for (const p of parsed) {
    const key = normalizeText(p.structure.name);
    if (!ids.has(key)) {
      ids.set(key, saveStructure(ctx, p.structure).id);
      report.structuresCreated += 1;
    }
    if (p.member && !existingMembers.has(memberKey(p.structure.name, p.member))) {
      saveMember(ctx, { ...p.member, structureId: ids.get(key)! });
      report.membersCreated += 1;
    }
  }
  ctx.audit('partners.importDirectory', { type: 'directory' }, `structures=${report.structuresCreated},members=${report.membersCreated}`);
  report.committed = true;
  return report;
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
