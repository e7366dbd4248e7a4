// Directory import and export in one CSV layout: one line per member, with its structure's columns
// (a structure without members has a line with empty member columns). Import is all or nothing:
// every line is checked first, and a single wrong line means nothing is written.
import { CATEGORIES, Category, Membership, MEMBERSHIPS, Sector, SECTORS } from '../../ipc/vocabulary';
import { AppError } from '../../errors';
import type { PartnersContext } from './context';
import { decodeCsvBytes, formatCsv, parseCsv, restoreFormula, TextEncodingName } from './csv';
import { listMembers, MemberInput, saveMember } from './members';
import { listStructures, saveStructure, StructureInput } from './structures';
import { normalizeText } from './text';

export const DIRECTORY_COLUMNS = [
  'Structure', 'Secteur', 'Adresse', 'Convention signée le', 'Signataire de la convention',
  'Nom', 'Prénom', 'Fonction', 'Catégorie', 'Courriel', 'Téléphone', 'Type de membre',
] as const;
type Column = (typeof DIRECTORY_COLUMNS)[number];
const REQUIRED: Column[] = ['Structure', 'Secteur'];

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

const sectorOf = lookup<Sector>(SECTORS, { CMP: 'cmp', 'centre medico psychologique': 'cmp', 'bailleur': 'bailleur_social', CMS: 'centre_moselle_solidarite', 'medecin': 'medecin_generaliste', 'association': 'association_usagers_aidants', UNAFAM: 'association_usagers_aidants', GEM: 'association_usagers_aidants', mandataire: 'mandataire_judiciaire' });
const categoryOf = lookup<Category>(CATEGORIES, { 'professionnel de sante': 'professionnel_sante', 'personnel bailleur': 'personnel_bailleur', mandataire: 'mandataire_judiciaire', 'representant des usagers': 'representant_usagers_aidants' });
const membershipOf = lookup<Membership>(MEMBERSHIPS, { permanent: 'permanent', invite: 'invited', 'invitee': 'invited', 'membre invitee': 'invited' });

/** `dd/mm/yyyy` (or ISO) to ISO, refusing impossible and future dates. */
export function parseFrenchDate(value: string, today: Date): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [day, month, year] = value.includes('/') ? [match[1], match[2], match[3]] : [match[3], match[2], match[1]];
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return null;
  return iso <= today.toISOString().slice(0, 10) ? iso : null;
}

export function formatFrenchDate(iso: string | null): string {
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
}

interface ParsedLine {
  line: number;
  structure: StructureInput;
  member: Omit<MemberInput, 'structureId'> | null;
  errors: string[];
}

const EMAIL = /^[^\s@;]+@[^\s@;]+\.[^\s@;]+$/;

function readLine(cells: Record<Column, string>, line: number, today: Date): ParsedLine {
  const errors: string[] = [];
  const sector = sectorOf(cells.Secteur);
  if (!cells.Structure) errors.push('le nom de la structure est vide');
  if (cells.Structure.length > 200) errors.push('le nom de la structure dépasse 200 caractères');
  if (!sector) errors.push(`secteur « ${cells.Secteur} » inconnu (attendu : ${Object.values(SECTORS).join(', ')})`);
  const signedOn = cells['Convention signée le'] ? parseFrenchDate(cells['Convention signée le'], today) : null;
  if (cells['Convention signée le'] && !signedOn) errors.push(`date de convention « ${cells['Convention signée le']} » invalide (attendu : jj/mm/aaaa, pas dans le futur)`);
  if (Boolean(cells['Convention signée le']) !== Boolean(cells['Signataire de la convention'])) {
    errors.push('la date de signature de la convention et son signataire vont ensemble');
  }
  const structure: StructureInput = {
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
  if (!cells.Nom || !cells.Prénom) errors.push('le nom et le prénom du membre sont obligatoires');
  if (!category) errors.push(`catégorie « ${cells.Catégorie} » inconnue (attendu : ${Object.values(CATEGORIES).join(', ')})`);
  if (!membership) errors.push(`type de membre « ${cells['Type de membre']} » inconnu (attendu : permanent ou invité)`);
  if (cells.Courriel && !EMAIL.test(cells.Courriel)) errors.push(`courriel « ${cells.Courriel} » invalide`);
  return {
    line,
    structure,
    member: {
      lastName: cells.Nom,
      firstName: cells.Prénom,
      function: cells.Fonction,
      category: category ?? 'autre',
      email: cells.Courriel,
      phone: cells.Téléphone,
      membership: membership ?? 'permanent',
    },
    errors,
  };
}

const sameStructure = (a: StructureInput, b: StructureInput) =>
  a.sector === b.sector && a.address === b.address && a.conventionSignedOn === b.conventionSignedOn && a.conventionSignatory === b.conventionSignatory;
const memberKey = (structure: string, m: { lastName: string; firstName: string }) => normalizeText(`${structure}|${m.lastName}|${m.firstName}`);

/** Validates the whole file against itself and the directory; writes only if `commit` and all is valid. */
export function importDirectory(ctx: PartnersContext, bytes: Uint8Array, commit: boolean): ImportReport {
  const { text, encoding } = decodeCsvBytes(bytes);
  const rows = parseCsv(text).filter((row) => row.some((cell) => cell.trim() !== ''));
  const report: ImportReport = { encoding, valid: false, committed: false, lines: [], structuresCreated: 0, membersCreated: 0, unchanged: 0, fileErrors: [] };
  const header = (rows[0] ?? []).map((h) => h.trim());
  const columns = header.map((h) => DIRECTORY_COLUMNS.find((c) => normalizeText(c) === normalizeText(h)) ?? null);
  if (header.length === 1 && header[0]!.includes(',')) report.fileErrors.push('le séparateur doit être le point-virgule (;)');
  header.forEach((h, i) => columns[i] === null && h !== '' && report.fileErrors.push(`colonne « ${h} » inconnue`));
  for (const required of REQUIRED) if (!columns.includes(required)) report.fileErrors.push(`colonne « ${required} » manquante`);
  if (rows.length < 2) report.fileErrors.push('aucune ligne à importer');
  if (report.fileErrors.length > 0) return report;

  const existingStructures = new Map(listStructures(ctx.db, { includeInactive: true }).map((s) => [normalizeText(s.name), s]));
  const existingMembers = new Map(listMembers(ctx.db, { includeInactive: true }).map((m) => [memberKey(m.structureName, m), m]));
  const seenStructures = new Map<string, { line: number; structure: StructureInput }>();
  const seenMembers = new Map<string, number>();
  const parsed = rows.slice(1).map((row, index) => {
    const cells = Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
    columns.forEach((column, i) => column && (cells[column] = restoreFormula((row[i] ?? '').trim())));
    const line = readLine(cells, index + 2, ctx.now());
    const key = normalizeText(line.structure.name);
    const known = existingStructures.get(key);
    const earlier = seenStructures.get(key);
    if (line.errors.length === 0 && known && !sameStructure(known, line.structure)) {
      line.errors.push(`la structure « ${known.name} » existe déjà avec d’autres informations : corrigez sa fiche dans l’application ou le fichier`);
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

  report.lines = parsed.map((p) => {
    const known = p.member ? existingMembers.has(memberKey(p.structure.name, p.member)) : existingStructures.has(normalizeText(p.structure.name));
    return { line: p.line, status: p.errors.length > 0 ? 'error' : known ? 'existing' : 'new', errors: p.errors };
  });
  report.valid = report.lines.every((l) => l.status !== 'error');
  report.unchanged = report.lines.filter((l) => l.status === 'existing').length;
  if (!commit) return report;
  if (!report.valid) throw new AppError('IMPORT_INVALID');

  ctx.db.transaction(() => {
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
    ctx.audit('partners.importDirectory', 'directory', null, `structures=${report.structuresCreated},members=${report.membersCreated}`);
  })();
  report.committed = true;
  return report;
}

/** Active structures and members, in the import layout. */
export function exportDirectory(ctx: PartnersContext): Buffer {
  const rows: string[][] = [[...DIRECTORY_COLUMNS]];
  const members = listMembers(ctx.db);
  for (const s of listStructures(ctx.db)) {
    const structureCells = [s.name, SECTORS[s.sector], s.address, formatFrenchDate(s.conventionSignedOn), s.conventionSignatory ?? ''];
    const own = members.filter((m) => m.structureId === s.id);
    if (own.length === 0) rows.push([...structureCells, '', '', '', '', '', '', '']);
    for (const m of own) {
      rows.push([...structureCells, m.lastName, m.firstName, m.function, CATEGORIES[m.category], m.email, m.phone, m.membership === 'permanent' ? 'Permanent' : 'Invité']);
    }
  }
  ctx.audit('partners.exportDirectory', 'directory', null, `rows=${rows.length - 1}`);
  return formatCsv(rows);
}
