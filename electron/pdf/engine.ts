// The one place that configures pdfmake: embedded fonts, no network or file access beyond the
// fonts, A4 pages opening on the establishment's letterhead, a running header from page 2, page
// numbers « page n / N », the title and the language in the metadata and, when asked, a
// confidentiality footer. Documents build a content array; this module makes it a PDF buffer.
import { dirname, join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { Letterhead, letterheadBlock } from './letterhead';

export const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

let configured = false;
function configure(): void {
  if (configured) return;
  pdfmake.addFonts({
    Roboto: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  // Documents carry case data: nothing may be fetched, and only the font files may be read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(FONT_DIR));
  configured = true;
}

/** Prefix of the anchor in a document's Keywords: `clsm-audit-head:COUNT:HASH`. */
export const AUDIT_ANCHOR_KEYWORD = 'clsm-audit-head:';

/** Every document is in French: screen readers and PDF/UA checkers read it from the catalog. */
export const DOCUMENT_LANGUAGE = 'fr-FR';

export interface DocumentFrame {
  title: string;
  letterhead: Letterhead;
  /** Footer line on every page of documents that carry case or security data. */
  confidential?: string;
  /** One document, under one letterhead. */
  content: Content[];
  /**
   * Several letters in one file for printing (convocations, attestations): each starts on a new
   * page under its own letterhead, and `content` is then ignored.
   */
  parts?: Content[][];
  /** The audit chain's head when the document was made (`COUNT:HASH`), in its metadata: an anchor. */
  auditAnchor?: string;
  /** Omit the letterhead block (the document draws it itself, e.g. beside an address window). */
  ownLetterhead?: boolean;
  /** Encrypt the file (AES-256): opening it asks for this password. */
  userPassword?: string;
}

function body(frame: DocumentFrame): Content[] {
  const head = (): Content[] => (frame.ownLetterhead ? [] : [letterheadBlock(frame.letterhead)]);
  if (!frame.parts) return [...head(), ...frame.content];
  return frame.parts.flatMap((part, index): Content[] => [
    ...(index === 0 ? [] : [{ text: '', pageBreak: 'before' } as Content]),
    ...head(),
    ...part,
  ]);
}

export function documentDefinition(frame: DocumentFrame): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    language: DOCUMENT_LANGUAGE,
    info: {
      title: frame.title,
      author: frame.letterhead.establishmentName || 'Commission CLSM',
      creator: 'Commission CLSM',
      producer: 'Commission CLSM',
      ...(frame.auditAnchor ? { keywords: `${AUDIT_ANCHOR_KEYWORD}${frame.auditAnchor}` } : {}),
    },
    // AES-256 (PDF 2.0 / ISO 32000-2 security handler): pdfkit writes it when the version says so.
    // The recipient may print it (a member files it); copying and changes stay closed.
    ...(frame.userPassword
      ? {
          userPassword: frame.userPassword,
          version: '1.7ext3' as const,
          permissions: { printing: 'highResolution' as const, copying: false, modifying: false, annotating: false },
        }
      : {}),
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
      heading: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 6] },
      muted: { color: '#555555', fontSize: 9 },
    },
    // The first page opens on the letterhead; the following ones recall whose document it is.
    header: (currentPage: number) =>
      currentPage === 1
        ? null
        : {
            margin: [50, 22, 50, 0],
            columns: [
              { text: frame.letterhead.establishmentName, bold: true, fontSize: 8.5 },
              { text: frame.title, alignment: 'right', fontSize: 8.5, color: '#555555' },
            ],
          },
    footer: (currentPage: number, pageCount: number) => ({
      margin: [50, 14, 50, 0],
      columns: [
        { text: frame.confidential ?? '', fontSize: 8, color: '#555555', width: '*' },
        { text: `page ${currentPage} / ${pageCount}`, alignment: 'right', fontSize: 8, width: 70 },
      ],
    }),
    content: body(frame),
  };
}

export async function renderPdf(frame: DocumentFrame): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(documentDefinition(frame)).getBuffer();
}
