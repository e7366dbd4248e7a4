// The one place that configures pdfmake: embedded fonts, no network or file access beyond the
// fonts, A4 pages with the establishment header, page numbers and, when asked, a confidentiality
// footer. Documents build a content array; this module makes it a PDF buffer in memory.
import { dirname, join, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

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

export interface DocumentFrame {
  title: string;
  establishmentName: string;
  /** Footer line on every page of documents that carry case or security data. */
  confidential?: string;
  content: Content[];
  /** The audit chain's head when the document was made (`COUNT:HASH`), in its metadata: an anchor. */
  auditAnchor?: string;
}

export function documentDefinition(frame: DocumentFrame): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [50, 70, 50, 60],
    info: {
      title: frame.title,
      creator: 'Commission CLSM',
      producer: 'Commission CLSM',
      ...(frame.auditAnchor ? { keywords: `${AUDIT_ANCHOR_KEYWORD}${frame.auditAnchor}` } : {}),
    },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
      heading: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 6] },
      muted: { color: '#555555', fontSize: 9 },
    },
    header: () => ({
      margin: [50, 28, 50, 0],
      columns: [
        { text: frame.establishmentName, bold: true, fontSize: 9 },
        { text: frame.title, alignment: 'right', fontSize: 9, color: '#555555' },
      ],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      margin: [50, 10, 50, 0],
      columns: [
        { text: frame.confidential ?? '', fontSize: 8, color: '#555555', width: '*' },
        { text: `Page ${currentPage} / ${pageCount}`, alignment: 'right', fontSize: 8, width: 70 },
      ],
    }),
    content: frame.content,
  };
}

export async function renderPdf(frame: DocumentFrame): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(documentDefinition(frame)).getBuffer();
}
