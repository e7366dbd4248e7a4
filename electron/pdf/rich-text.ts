// A text typed in the app, printed with its structure: a line « # Titre » opens a sub-section,
// « ## Titre » a sub-sub-section, numbered under their section as in the CLSM's minutes (seed 003:
// 2.1, 2.1.1); « - » starts a bullet, « 1. » a numbered line, a blank line a new paragraph,
// **gras** and *italique* as written, and a table in the usual pipe form. The text is read by
// marked's lexer (a maintained Markdown reader) rather than by hand-written rules; nothing of it is
// ever interpreted as HTML.
import { Lexer, type Token, type Tokens } from 'marked';
import type { Content, ContentText, TableCell } from 'pdfmake/interfaces';

type Run = string | ContentText;

/** Inline tokens as pdfmake text runs: bold and italics kept, links and HTML as their plain text. */
function runs(tokens: Token[] | undefined, style: { bold?: boolean; italics?: boolean } = {}): Run[] {
  if (!tokens) return [];
  return tokens.flatMap((token): Run[] => {
    switch (token.type) {
      case 'strong':
        return runs((token as Tokens.Strong).tokens, { ...style, bold: true });
      case 'em':
        return runs((token as Tokens.Em).tokens, { ...style, italics: true });
      case 'br':
        return ['\n'];
      case 'link':
        return runs((token as Tokens.Link).tokens, style);
      case 'text':
      case 'escape':
      case 'codespan':
      case 'html':
      default: {
        const nested = (token as { tokens?: Token[] }).tokens;
        if (nested && nested.length > 0 && token.type === 'text') return runs(nested, style);
        const raw = 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
        return [style.bold || style.italics ? { text: raw, ...style } : raw];
      }
    }
  });
}

export interface RichHeading {
  number: string;
  title: string;
  level: 1 | 2;
}

export interface RichText {
  content: Content[];
  headings: RichHeading[];
}

/**
 * `number` is the section's own (« 2 »): its sub-sections are « 2.1 », « 2.1.1 ». Null for a text
 * outside the numbered sections (an introduction): its titles are printed without numbers.
 */
export function richText(source: string, number: string | null): RichText {
  const headings: RichHeading[] = [];
  let sub = 0;
  let subSub = 0;
  const block = (token: Token): Content[] => {
    switch (token.type) {
      case 'heading': {
        const level = (token as Tokens.Heading).depth <= 1 ? 1 : 2;
        if (level === 1) {
          sub += 1;
          subSub = 0;
        } else subSub += 1;
        const label = number === null ? '' : level === 1 ? `${number}.${sub}` : `${number}.${Math.max(sub, 1)}.${subSub}`;
        const title = (token as Tokens.Heading).text;
        headings.push({ number: label, title, level });
        const shown = level === 1 ? title.toLocaleUpperCase('fr-FR') : title;
        return [
          {
            text: label ? `${label}. ${shown}` : shown,
            bold: true,
            italics: level === 2,
            fontSize: level === 1 ? 11 : 10.5,
            margin: [0, 8, 0, 4],
            tocItem: number !== null,
            tocMargin: [level === 1 ? 14 : 28, 0, 0, 0],
          },
        ];
      }
      case 'paragraph':
        return [{ text: runs((token as Tokens.Paragraph).tokens), margin: [0, 0, 0, 5] }];
      case 'list': {
        const list = token as Tokens.List;
        const items = list.items.map((item) => ({ text: item.tokens.flatMap((t) => ('tokens' in t ? runs(t.tokens) : [t.raw])) }));
        return [list.ordered ? { ol: items, margin: [0, 0, 0, 5] } : { ul: items, margin: [0, 0, 0, 5] }];
      }
      case 'table': {
        const table = token as Tokens.Table;
        const cell = (c: Tokens.TableCell, header: boolean): TableCell => ({
          text: runs(c.tokens),
          ...(header ? { bold: true, fillColor: '#eef2f6' } : {}),
        });
        return [
          {
            table: {
              headerRows: 1,
              keepWithHeaderRows: 1,
              widths: table.header.map(() => '*'),
              body: [table.header.map((c) => cell(c, true)), ...table.rows.map((row) => row.map((c) => cell(c, false)))],
            },
            margin: [0, 2, 0, 6],
          },
        ];
      }
      case 'blockquote':
        return [{ stack: (token as Tokens.Blockquote).tokens.flatMap(block), italics: true, margin: [12, 0, 0, 5] }];
      case 'space':
      case 'hr':
        return [];
      default:
        return [{ text: token.raw.trim(), margin: [0, 0, 0, 5] }];
    }
  };
  const content = new Lexer({ gfm: true, breaks: false }).lex(source.replace(/\r\n?/g, '\n')).flatMap(block);
  return { content, headings };
}
