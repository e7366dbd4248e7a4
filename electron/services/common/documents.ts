// A generated document handed to the UI, which offers to save or print it. File names carry no
// personal data of a person in care.
export interface DocumentFile {
  fileName: string;
  mimeType: 'application/pdf' | 'text/csv';
  base64: string;
}

export const pdfFile = (fileName: string, pdf: Buffer): DocumentFile => ({
  fileName,
  mimeType: 'application/pdf',
  base64: pdf.toString('base64'),
});
