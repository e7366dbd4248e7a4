// The directory import: the whole file is checked against itself and the directory, then a plan
// says line by line what will be created, what will change (old → new) and what stays. Nothing is
// written before the coordinator confirms (`commit`), and then all of it or nothing.
import { AppError } from '../../errors';
import { formatDay } from '../../shared/dates';
import { CATEGORIES, MEMBERSHIPS, SECTORS } from '../../shared/vocabulary';
import type { ServiceContext } from '../context';
import { decodeCsvBytes, neutralizeFormula, parseCsv, restoreFormula } from './csv';
import { Column, DIRECTORY_COLUMNS, ImportChange, ImportLine, ImportReport, ParsedLine, readHeader, readLine } from './directory-csv';
import { listMembers, MemberSummary, saveMember } from './members';
import type { MemberFields, StructureInput } from './schema';
import { listStructures, nameIndex, saveStructure, StructureSummary } from './structures';
import { normalizeText } from './text';

/** Columns of free text: where a formula could hide (the others are checked against a list or a format). */
const FREE_TEXT_COLUMNS: Column[] = ['Structure', 'Adresse', 'Signataire de la convention', 'Nom', 'Prénom', 'Fonction'];

const memberKey = (structure: string, m: { lastName: string; firstName: string }) =>
  normalizeText(`${structure}|${m.lastName}|${m.firstName}`);

type Compared = [field: Column, from: string, to: string];

function changes(pairs: Compared[]): ImportChange[] {
  return pairs.filter(([, from, to]) => from !== to).map(([field, from, to]) => ({ field, from, to }));
}

const day = (value: string | null) => (value ? formatDay(value) : '');

export function structureChanges(known: StructureInput, next: StructureInput): ImportChange[] {
  return changes([
    ['Secteur', SECTORS[known.sector], SECTORS[next.sector]],
    ['Adresse', known.address, next.address],
    ['Convention signée le', day(known.conventionSignedOn), day(next.conventionSignedOn)],
    ['Signataire de la convention', known.conventionSignatory ?? '', next.conventionSignatory ?? ''],
  ]);
}

export function memberChanges(known: MemberSummary, next: MemberFields): ImportChange[] {
  return changes([
    ['Fonction', known.function, next.function],
    ['Catégorie', CATEGORIES[known.category], CATEGORIES[next.category]],
    ['Courriel', known.email, next.email],
    ['Téléphone', known.phone, next.phone],
    ['Type de membre', MEMBERSHIPS[known.membership], MEMBERSHIPS[next.membership]],
  ]);
}

interface Plan {
  lines: ImportLine[];
  parsed: ParsedLine[];
  structureUpdates: Map<string, { known: StructureSummary; next: StructureInput }>;
  memberUpdates: { known: MemberSummary; next: MemberFields }[];
}

function plan(ctx: ServiceContext, rows: { line: number; fields: string[] }[], columns: (Column | null)[]): Plan {
  const structures = new Map(listStructures(ctx, { includeInactive: true }).map((s) => [normalizeText(s.name), s]));
  const members = new Map(listMembers(ctx, { includeInactive: true }).map((m) => [memberKey(m.structureName, m), m]));
  const seenStructures = new Map<string, { line: number; structure: StructureInput }>();
  const seenMembers = new Map<string, number>();
  const structureUpdates: Plan['structureUpdates'] = new Map();
  const memberUpdates: Plan['memberUpdates'] = [];
  const parsed: ParsedLine[] = [];
  const lines = rows.map((row): ImportLine => {
    const cells = Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
    columns.forEach((column, i) => column && (cells[column] = restoreFormula((row.fields[i] ?? '').trim())));
    // A text cell that begins like a formula (=cmd|…, +, -, @) is stored neutralised, and the preview says so.
    const neutralized: ImportLine['neutralized'] = [];
    for (const column of FREE_TEXT_COLUMNS) {
      const stored = neutralizeFormula(cells[column]);
      if (stored !== cells[column]) {
        cells[column] = stored;
        neutralized.push({ field: column, stored });
      }
    }
    const label = [`${cells['Prénom']} ${cells['Nom']}`.trim(), cells.Structure].filter(Boolean).join(' — ');
    const line = readLine(cells, row.line, ctx.today);
    parsed.push(line);
    const key = normalizeText(line.structure.name);
    const known = structures.get(key);
    const earlier = seenStructures.get(key);
    const sameAsEarlier = !earlier || structureChanges(earlier.structure, line.structure).length === 0;
    if (line.errors.length === 0 && !sameAsEarlier) {
      line.errors.push(`la structure « ${line.structure.name} » est décrite différemment à la ligne ${earlier.line}`);
    }
    const knownMember = known && line.member ? members.get(memberKey(known.name, line.member)) : undefined;
    if (line.errors.length === 0 && known && !known.active && line.member && !knownMember) {
      line.errors.push(`la structure « ${known.name} » est désactivée : réactivez-la avant d’y ajouter des membres`);
    }
    if (line.member) {
      const mKey = memberKey(line.structure.name, line.member);
      if (seenMembers.has(mKey)) line.errors.push(`ce membre figure déjà à la ligne ${seenMembers.get(mKey)}`);
      else seenMembers.set(mKey, line.line);
    }
    if (line.errors.length > 0) return { line: line.line, status: 'error', errors: line.errors, changes: [], label, neutralized };

    // The structure's changes are shown once, on its first line.
    const found: ImportChange[] = [];
    if (!earlier) {
      seenStructures.set(key, { line: line.line, structure: line.structure });
      if (known) {
        const changed = structureChanges(known, line.structure);
        if (changed.length > 0) structureUpdates.set(key, { known, next: line.structure });
        found.push(...changed);
      }
    }
    if (knownMember && line.member) {
      const changed = memberChanges(knownMember, line.member);
      if (changed.length > 0) memberUpdates.push({ known: knownMember, next: line.member });
      found.push(...changed);
    }
    const isNew = line.member ? !knownMember : !known;
    return {
      line: line.line,
      status: isNew ? 'new' : found.length > 0 ? 'update' : 'existing',
      errors: [],
      changes: found,
      label,
      neutralized,
    };
  });
  return { lines, parsed, structureUpdates, memberUpdates };
}

function write(ctx: ServiceContext, { parsed, structureUpdates, memberUpdates }: Plan, report: ImportReport): void {
  const index = nameIndex(ctx);
  for (const { known, next } of structureUpdates.values()) {
    // The name stays as the directory spells it; the file may differ only by case or accents.
    saveStructure(ctx, { ...next, name: known.name, id: known.id }, index);
    report.structuresUpdated += 1;
  }
  for (const { known, next } of memberUpdates) {
    saveMember(ctx, { ...next, lastName: known.lastName, firstName: known.firstName, id: known.id, structureId: known.structureId });
    report.membersUpdated += 1;
  }
  const ids = new Map(listStructures(ctx, { includeInactive: true }).map((s) => [normalizeText(s.name), s]));
  const existing = new Set(listMembers(ctx, { includeInactive: true }).map((m) => memberKey(m.structureName, m)));
  for (const p of parsed) {
    const key = normalizeText(p.structure.name);
    if (!ids.has(key)) {
      ids.set(key, saveStructure(ctx, p.structure, index));
      report.structuresCreated += 1;
    }
    const structure = ids.get(key)!;
    if (p.member && !existing.has(memberKey(structure.name, p.member))) {
      saveMember(ctx, { ...p.member, structureId: structure.id });
      existing.add(memberKey(structure.name, p.member));
      report.membersCreated += 1;
    }
  }
}

/** Checks the whole file and says what it would do; writes only if `commit` and every line is valid. */
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
    structuresUpdated: 0,
    membersUpdated: 0,
    unchanged: 0,
    fileErrors: [],
  };
  const columns = readHeader(
    (rows[0]?.fields ?? []).map((h) => h.trim()),
    report,
  );
  if (rows.length < 2 && unreadable.length === 0) report.fileErrors.push('aucune ligne à importer');
  if (report.fileErrors.length > 0) return report;

  const planned = plan(ctx, rows.slice(1), columns);
  report.lines = [
    ...planned.lines,
    ...unreadable.map((u): ImportLine => ({ line: u.line, status: 'error', errors: [u.message], changes: [], label: '', neutralized: [] })),
  ].sort((a, b) => a.line - b.line);
  report.valid = report.lines.every((l) => l.status !== 'error');
  report.unchanged = report.lines.filter((l) => l.status === 'existing').length;
  if (!input.commit) return report;
  if (!report.valid) throw new AppError('IMPORT_INVALID');
  write(ctx, planned, report);
  ctx.audit(
    'partners.importDirectory',
    { type: 'directory' },
    `structures=${report.structuresCreated},members=${report.membersCreated},updated=${report.structuresUpdated + report.membersUpdated}`,
  );
  report.committed = true;
  return report;
}
