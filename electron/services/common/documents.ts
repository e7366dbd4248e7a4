// A generated document handed to the UI, which offers to save or print it. File names carry no
// personal data of a person in care.
export interface DocumentFile {
  fileName: string;
  mimeType:
    | 'application/pdf'
    | 'text/csv'
    | 'text/calendar'
    | 'image/jpeg'
    | 'image/png'
    | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  base64: string;
}

export const pdfFile = (fileName: string, pdf: Buffer): DocumentFile => ({
  fileName,
  mimeType: 'application/pdf',
  base64: pdf.toString('base64'),
});

/** A name as it may appear in a file name: « Stéphane Hœrner » → `stephane-hoerner`. */
export function fileSlug(name: string): string {
  return name
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
