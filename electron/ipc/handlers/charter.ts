import { AppError } from '../../errors';
import { charterPdf, commitmentPdf } from '../../pdf/charter';
import {
  adoptCharter,
  currentCharter,
  getCharterVersion,
  listCharterSignatures,
  listCharterVersions,
  newCharterDraft,
  recordCharterSignature,
  saveCharterDraft,
} from '../../services/charter';
import { getMember } from '../../services/partners/members';
import { readSetting } from '../../services/settings';
import type { DocumentFile } from '../contract';
import type { DomainHandlers } from '../dispatcher';
import { partnersContext } from './partners';

const pdfFile = (fileName: string, pdf: Buffer): DocumentFile => ({ fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') });

export const charterHandlers: DomainHandlers<'charter'> = {
  'charter.list': (_input, { vault }) => listCharterVersions(vault.database()),
  'charter.saveDraft': (input, ctx) => saveCharterDraft(partnersContext(ctx), input),
  'charter.newDraft': (_input, ctx) => newCharterDraft(partnersContext(ctx)),
  'charter.adopt': (input, ctx) => adoptCharter(partnersContext(ctx), input),
  'charter.recordSignature': (input, ctx) => {
    const partners = partnersContext(ctx);
    recordCharterSignature(partners, input);
    return getMember(partners.db, input.memberId);
  },
  'charter.signatures': (input, { vault }) => listCharterSignatures(vault.database(), input.versionId),
  'charter.pdf': async (input, ctx) => {
    const partners = partnersContext(ctx);
    const version = getCharterVersion(partners.db, input.versionId);
    const pdf = await charterPdf({ establishmentName: readSetting(partners.db, 'establishmentName') ?? '', ...version });
    partners.audit('charter.print', 'charterVersion', version.id);
    return pdfFile(`charte-ethique-v${version.version}.pdf`, pdf);
  },
  'charter.commitmentPdf': async (input, ctx) => {
    const partners = partnersContext(ctx);
    const version = currentCharter(partners.db);
    if (!version?.adoptedOn) throw new AppError('CHARTER_NONE');
    const member = getMember(partners.db, input.memberId);
    const pdf = await commitmentPdf({ establishmentName: readSetting(partners.db, 'establishmentName') ?? '', member, version: version.version, adoptedOn: version.adoptedOn });
    partners.audit('charter.printCommitment', 'member', member.id, `version=${version.version}`);
    // The file name carries the member's pseudonymous id, never their name.
    return pdfFile(`acte-engagement-charte-v${version.version}-membre-${member.id}.pdf`, pdf);
  },
};
