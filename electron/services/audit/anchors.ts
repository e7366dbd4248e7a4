// Anchors given to `audit-verify`: a head typed as COUNT:HASH, a backup (its manifest records the
// head at the time of the copy), or a signed document (its metadata carries the head at signing).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { AppError } from '../../errors';
import { AUDIT_ANCHOR_KEYWORD } from '../../pdf/engine';
import { backupFolderOf, readManifest } from '../backup/verify';
import { ANCHOR_TEXT, AuditAnchor, parseAnchor } from './verify';

const PDF_ANCHOR = new RegExp(`${AUDIT_ANCHOR_KEYWORD}(${ANCHOR_TEXT})`);

/** The anchor in a PDF's Keywords (pdfkit writes ASCII metadata as a literal string). */
export function anchorInPdf(pdf: Buffer): AuditAnchor | null {
  const match = PDF_ANCHOR.exec(pdf.toString('latin1'));
  return match ? parseAnchor(match[1]!) : null;
}

export function readAnchor(argument: string): AuditAnchor {
  const typed = parseAnchor(argument);
  if (typed) return { ...typed, source: 'ligne de commande' };
  if (!existsSync(argument)) throw new AppError('ANCHOR_INVALID');
  if (statSync(argument).isFile() && argument.toLowerCase().endsWith('.pdf')) {
    const anchor = anchorInPdf(readFileSync(argument));
    if (!anchor) throw new AppError('ANCHOR_INVALID');
    return { ...anchor, source: 'document signé' };
  }
  const manifest = readManifest(backupFolderOf(argument));
  return {
    count: manifest.auditHead.lastId,
    hash: manifest.auditHead.hash,
    checkpoint: manifest.auditHead.checkpoint ?? null,
    source: `sauvegarde du ${manifest.createdAt}`,
  };
}
