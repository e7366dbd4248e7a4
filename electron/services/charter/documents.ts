// The charter's printed documents. Rendering is slow and asynchronous: these are read channels,
// run outside any transaction; the print is audited once the document exists.
import { AppError } from '../../errors';
import { letterheadOf } from '../settings/letterhead';
import { charterPdf, commitmentPdf } from '../../pdf/charter';
import { DocumentFile, fileSlug, pdfFile } from '../common/documents';
import type { ServiceContext } from '../context';
import { getMember } from '../partners/members';
import { currentCharter, getCharterVersion } from './charter';

export async function printCharter(ctx: ServiceContext, input: { versionId: number }): Promise<DocumentFile> {
  const version = getCharterVersion(ctx.db, input.versionId);
  const pdf = await charterPdf({ letterhead: letterheadOf(ctx.db), ...version });
  ctx.audit('charter.print', { type: 'charterVersion', id: version.id });
  return pdfFile(`charte-ethique-v${version.version}.pdf`, pdf);
}

export async function printCommitment(ctx: ServiceContext, input: { memberId: number }): Promise<DocumentFile> {
  const version = currentCharter(ctx.db);
  if (!version?.adoptedOn) throw new AppError('CHARTER_NONE');
  const member = getMember(ctx.db, input.memberId);
  const pdf = await commitmentPdf({
    letterhead: letterheadOf(ctx.db),
    member,
    version: version.version,
    adoptedOn: version.adoptedOn,
  });
  ctx.audit('charter.printCommitment', { type: 'member', id: member.id }, `version=${version.version}`);
  // A member is a professional, not a person in care: the file is named after them, so the
  // coordinator finds it among the others.
  return pdfFile(`acte-engagement-charte-v${version.version}-${fileSlug(member.displayName)}.pdf`, pdf);
}
