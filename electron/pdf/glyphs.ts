// What the documents' font can draw. Names and free texts end up in PDFs drawn with the embedded
// Roboto; a character it has no glyph for (an emoji, a pictogram) prints as an empty box. Inputs
// are checked against the font's own character map (read with fontkit, pdfkit's font engine), so
// the refusal names the character before anything is saved (decision 020).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { FONT_DIR } from './engine';

const FACES = ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf', 'Roboto-MediumItalic.ttf'];

let faces: fontkit.Font[] | null = null;
function loaded(): fontkit.Font[] {
  faces ??= FACES.map((file) => fontkit.create(readFileSync(join(FONT_DIR, file))) as fontkit.Font);
  return faces;
}

/** Characters that never reach a glyph: line breaks and tabs are layout, not drawing. */
const LAYOUT = new Set(['\n', '\r', '\t']);

/** The distinct characters of `text` that one of the faces cannot draw, in order of appearance. */
export function undrawable(text: string): string[] {
  const missing: string[] = [];
  for (const char of new Set(text)) {
    if (LAYOUT.has(char)) continue;
    const code = char.codePointAt(0)!;
    if (!loaded().every((face) => face.hasGlyphForCodePoint(code))) missing.push(char);
  }
  return missing;
}

/** The field message: « Le caractère « 😀 » ne peut pas être imprimé… ». */
export function undrawableMessage(chars: string[]): string {
  const shown = chars
    .slice(0, 5)
    .map((c) => `« ${c} »`)
    .join(', ');
  return chars.length > 1
    ? `Les caractères ${shown} ne peuvent pas être imprimés dans les documents : retirez-les.`
    : `Le caractère ${shown} ne peut pas être imprimé dans les documents : retirez-le.`;
}
