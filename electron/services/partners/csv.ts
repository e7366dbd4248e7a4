// CSV as French offices produce it: `;` separator, quotes doubled inside quoted fields, CRLF or LF,
// UTF-8 with or without BOM, or Windows-1252 (Excel's "CSV (séparateur : point-virgule)").

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

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, œ, guillemets…). Node's TextDecoder
// treats that range as Latin-1 control codes, so the table is explicit (0 = unassigned).
const CP1252_80_9F = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    const mapped = byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] || 0xfffd : byte;
    text += String.fromCharCode(mapped);
  }
  return text;
}

/** Rows of fields. Quoted fields may hold `;`, quotes (doubled) and line breaks. */
export function parseCsv(text: string, delimiter = ';'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// A cell starting like a formula would run in a spreadsheet: neutralised on export, restored on import.
const FORMULA_START = /^(?:[=@\t\r]|[+-](?=[^\d\s]))/;

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
