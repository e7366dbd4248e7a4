// CSV as French offices produce it: `;` separator, quotes doubled inside quoted fields, CRLF or LF,
// UTF-8 with or without BOM, or Windows-1252 (Excel's "CSV (séparateur : point-virgule)").
// Parsing is csv-parse's; decoding and writing are small enough to stay here.
import { parse } from 'csv-parse/sync';

export type TextEncodingName = 'utf-8' | 'windows-1252';

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), Windows-1252 otherwise. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the other encoding French offices produce is Windows-1252.
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, œ, guillemets…). Node's TextDecoder is
// not used for it: without full ICU (Electron's and Node's small-icu builds) 'windows-1252' decodes
// that range as Latin-1 control codes and loses œ and €, so the table is explicit (0 = unassigned).
const CP1252_80_9F = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    const mapped = byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] || 0xfffd : byte;
    text += String.fromCharCode(mapped);
  }
  return text;
}

export interface CsvRecord {
  /** Physical line of the file where the record starts (1 = header), blank lines and line breaks inside fields counted. */
  line: number;
  fields: string[];
}

export interface CsvParse {
  records: CsvRecord[];
  /** Lines that could not be read (misplaced quotes), in French. */
  errors: { line: number; message: string }[];
}

const QUOTE_ERRORS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: 'guillemet mal placé : un champ entre guillemets doit se terminer par un guillemet suivi du point-virgule',
  INVALID_OPENING_QUOTE: 'guillemet au milieu d’un champ : entourez le champ de guillemets et doublez ceux qu’il contient',
  CSV_QUOTE_NOT_CLOSED: 'guillemet ouvert et jamais refermé',
};

const lineBreaks = (fields: string[]) => fields.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/**
 * Records with their physical line numbers, on csv-parse with strict quotes (`"ab"c` is an error,
 * not `abc`). A misplaced quote makes csv-parse read on past the line (a quote never closed takes
 * the rest of the file), and its own line count is off inside quoted line breaks: so the first
 * error is reported once, at the line where the bad record starts, and the lines after it are read
 * again on their own.
 */
export function parseCsv(source: string, delimiter = ';', offset = 0): CsvParse {
  // One line ending: csv-parse counts a CRLF inside a quoted field as two lines, and every line after it shifts.
  const text = source.replace(/\r\n?/g, '\n');
  let failure: { code: string; before: number } | null = null;
  let count = 0;
  const parsed = parse(text, {
    delimiter,
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    skip_records_with_error: true,
    on_record: (record) => {
      count += 1;
      return record;
    },
    on_skip: (error) => {
      failure ??= { code: error?.code ?? '', before: count };
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const all = parsed.map(({ record, info }) => ({ line: info.lines - lineBreaks(record) + offset, fields: record }));
  if (!failure) return { records: all, errors: [] };
  const { code, before } = failure as { code: string; before: number };
  const records = all.slice(0, before);
  // The bad record starts on the first non-blank line after the last record read well.
  const lines = text.split('\n');
  const last = records[records.length - 1];
  let bad = last ? last.line - offset + lineBreaks(last.fields) + 1 : 1;
  while (bad <= lines.length && lines[bad - 1]!.trim() === '') bad += 1;
  const errors = [{ line: bad + offset, message: QUOTE_ERRORS[code] ?? 'ligne illisible' }];
  const rest = lines.slice(bad).join('\n');
  if (rest.trim() === '') return { records, errors };
  const tail = parseCsv(rest, delimiter, offset + bad);
  return { records: [...records, ...tail.records], errors: [...errors, ...tail.errors] };
}

// A cell starting like a formula would run in a spreadsheet (OWASP "CSV injection"): every cell
// starting with =, +, -, @, a tab or a carriage return is prefixed with a quote on export — a
// member named `-2+3` must not become 1 in Excel — and the quote is removed again on import.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function restoreFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function formatField(value: string, delimiter: string): string {
  const safe = neutralizeFormula(value);
  return /[";\r\n]|^\s|\s$/.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM (so Excel reads the accents), `;`, CRLF. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter = ';'): Buffer {
  const text = rows.map((row) => row.map((v) => formatField(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
