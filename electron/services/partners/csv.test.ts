import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, formatCsv, parseCsv, restoreFormula } from './csv';

describe('CSV', () => {
  it('parses quoted fields with separators, doubled quotes and line breaks, CRLF or LF', () => {
    const text = 'Nom;Adresse\r\n"CCAS de Metz";"22 rue du Wad Billy; 57000 Metz"\n"Dit ""le Graoully""";"ligne 1\nligne 2"\r\n';
    expect(parseCsv(text).records.map((r) => r.fields)).toEqual([
      ['Nom', 'Adresse'],
      ['CCAS de Metz', '22 rue du Wad Billy; 57000 Metz'],
      ['Dit "le Graoully"', 'ligne 1\nligne 2'],
    ]);
  });

  it('numbers records by the physical line where they start, counting blank lines and line breaks in fields', () => {
    const text = 'A;B\r\n\r\n"sur\ndeux lignes";1\n\n\nZ;2\r\n';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'A'],
      [3, 'sur\ndeux lignes'],
      [7, 'Z'],
    ]);
  });

  it('refuses misplaced quotes instead of guessing, and says on which line', () => {
    expect(parseCsv('A;B\n"ab"c;1\n').errors).toEqual([{ line: 2, message: expect.stringMatching(/^guillemet mal placé/) }]);
    const middle = parseCsv('A;B\n\nz;ab"c\nq;2\n');
    expect(middle.errors).toEqual([{ line: 3, message: expect.stringMatching(/^guillemet au milieu d’un champ/) }]);
    expect(middle.records.map((r) => r.line)).toEqual([1, 4]);
  });

  it('reports a quote never closed once, at the line where it opens, and reads the lines after it', () => {
    const { records, errors } = parseCsv('Structure;Secteur;Nom\r\n"CCAS de Metz;ccas;Klein\r\nCMP;cmp;Roth\r\nUDAF;mandataire;Weber\r\n');
    expect(errors).toEqual([{ line: 2, message: 'guillemet ouvert et jamais refermé' }]);
    expect(records.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'Structure'],
      [3, 'CMP'],
      [4, 'UDAF'],
    ]);
    // Two bad lines: each at its own line, the good ones between and after them read.
    const two = parseCsv('A;B;C\r\nx;"y;z\r\nCMP;cmp;Roth\r\n\r\nUDAF;m;"W\r\nX;y;z\r\n');
    expect(two.errors.map((e) => e.line)).toEqual([2, 5]);
    expect(two.records.map((r) => r.line)).toEqual([1, 3, 6]);
  });

  it('numbers lines right after a line break inside a quoted field of a CRLF file', () => {
    const { records } = parseCsv('A;B\r\nCCAS;"Klein\r\nsur deux lignes"\r\nCMP;Roth\r\n');
    expect(records.map((r) => [r.line, r.fields[1]])).toEqual([
      [1, 'B'],
      [2, 'Klein\nsur deux lignes'],
      [4, 'Roth'],
    ]);
  });

  it('reads UTF-8 with or without BOM, and Windows-1252, keeping the accents', () => {
    const phrase = 'Montigny-lès-Metz ; Françoise ; Élodie ; œuvre « 12 € »';
    const utf8 = Buffer.from(phrase, 'utf8');
    expect(decodeCsvBytes(utf8)).toEqual({ text: phrase, encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toEqual({ text: phrase, encoding: 'utf-8' });
    // Windows-1252 bytes, as Excel writes them: è=E8, ç=E7, É=C9, œ=9C, «=AB, €=80, »=BB.
    const cp1252 = Buffer.from(
      [
        ...'Montigny-l',
        0xe8,
        ...'s-Metz ; Fran',
        0xe7,
        ...'oise ; ',
        0xc9,
        ...'lodie ; ',
        0x9c,
        ...'uvre ',
        0xab,
        ...' 12 ',
        0x80,
        ' ',
        0xbb,
      ].map((c) => (typeof c === 'string' ? c.charCodeAt(0) : c)),
    );
    expect(decodeCsvBytes(cp1252)).toEqual({ text: phrase, encoding: 'windows-1252' });
  });

  it('writes UTF-8 with BOM and CRLF, quotes what needs it and neutralises every formula start (OWASP)', () => {
    const bytes = formatCsv([
      ['Nom', 'Note'],
      ['Metz; Nord', '=HYPERLINK("x")'],
      ['+33 3 87 00 00 00', '-'],
      ['-2+3', '@SUM(A1)'],
      ['\tcmd', 'Klein'],
    ]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe(
      'Nom;Note\r\n"Metz; Nord";"\'=HYPERLINK(""x"")"\r\n\'+33 3 87 00 00 00;\'-\r\n\'-2+3;\'@SUM(A1)\r\n\'\tcmd;Klein\r\n',
    );
    const parsed = parseCsv(text).records.map((r) => r.fields);
    expect(parsed.map((r) => r.map(restoreFormula))).toEqual([
      ['Nom', 'Note'],
      ['Metz; Nord', '=HYPERLINK("x")'],
      ['+33 3 87 00 00 00', '-'],
      ['-2+3', '@SUM(A1)'],
      ['\tcmd', 'Klein'],
    ]);
  });
});
