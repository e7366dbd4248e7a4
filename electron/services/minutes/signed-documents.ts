// Signed minutes and addenda as stored: immutable rows holding the PDF exactly as signed.
import type { Db } from '../../../db/connection';
import { AppError } from '../../errors';
import { today } from '../../shared/dates';
import { DocumentFile, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';

export interface SignerRecord {
  role: 'coordinator' | 'animateur';
  name: string;
  commonName: string | null;
  fingerprint: string | null;
  /** Without a certificate: the animateur's approval in the app, or why it is missing (printed). */
  statement?: string;
}

export interface SignedDocumentView {
  id: number;
  kind: 'minutes' | 'addendum';
  sequence: number;
  body: string | null;
  sha256: string;
  signers: SignerRecord[];
  signedAt: string;
}

interface DocumentRow {
  id: number;
  meeting_id: number;
  sequence: number;
  kind: 'minutes' | 'addendum';
  body: string | null;
  pdf: Buffer;
  sha256: string;
  signers: string;
  signed_at: string;
}

const toView = (row: DocumentRow): SignedDocumentView => ({
  id: row.id,
  kind: row.kind,
  sequence: row.sequence,
  body: row.body,
  sha256: row.sha256,
  signers: JSON.parse(row.signers) as SignerRecord[],
  signedAt: row.signed_at,
});

export function signedDocuments(db: Db, meetingId: number): SignedDocumentView[] {
  const rows = db.prepare('SELECT * FROM minutes_documents WHERE meeting_id = ? ORDER BY sequence').all(meetingId) as DocumentRow[];
  return rows.map(toView);
}

/** A signed document exactly as signed (G8: every print is audited). */
export function printSignedDocument(ctx: ServiceContext, input: { documentId: number }): DocumentFile {
  const row = ctx.db
    .prepare('SELECT d.*, m.held_on FROM minutes_documents d JOIN meetings m ON m.id = d.meeting_id WHERE d.id = ?')
    .get(input.documentId) as (DocumentRow & { held_on: string }) | undefined;
  if (!row) throw new AppError('MINUTES_DOCUMENT_NOT_FOUND');
  assertNotDestroyed(ctx.db, row.meeting_id);
  ctx.audit('minutes.document', { type: 'meeting', id: row.meeting_id }, `sequence=${row.sequence}`);
  const name = row.kind === 'minutes' ? `compte-rendu-signe-${row.held_on}.pdf` : `additif-${row.sequence}-compte-rendu-${row.held_on}.pdf`;
  return pdfFile(name, row.pdf);
}

/** Minutes past their retention are destroyed (G9): nothing is drawn from them any more. */
export function assertNotDestroyed(db: Db, meetingId: number): void {
  if (db.prepare('SELECT 1 FROM minutes_destructions WHERE meeting_id = ?').get(meetingId)) throw new AppError('MINUTES_DESTROYED');
}

/** The signed minutes' date (Europe/Paris) and digest, which extracts cite. */
export function signedMinutesOf(db: Db, meetingId: number): { signedOn: string; sha256: string } {
  const minutes = signedDocuments(db, meetingId)[0];
  if (!minutes) throw new AppError('MINUTES_NOT_SIGNED');
  return { signedOn: today(() => new Date(minutes.signedAt)), sha256: minutes.sha256 };
}
