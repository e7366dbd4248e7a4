import { mailExtract, recordPasswordGiven } from '../../services/minutes/extract-mail';
import { createCertificate, importCertificate, listCertificates, retireCertificate } from '../../services/minutes/certificates';
import { printAttestation, printAttestations, printExtract, printPersonLetter } from '../../services/minutes/documents';
import { printSignedDocument } from '../../services/minutes/signed-documents';
import { approveMinutes, recordApproval, saveOtherPoints } from '../../services/minutes/approval';
import { signAddendum, signMinutes } from '../../services/minutes/signing';
import { viewMinutesStatus } from '../../services/minutes/status';
import type { DomainHandlers } from '../dispatcher';

export const signingHandlers: DomainHandlers<'signing'> = {
  'signing.certificates': (ctx) => listCertificates(ctx),
  'signing.create': createCertificate,
  'signing.import': importCertificate,
  'signing.retire': retireCertificate,
};

export const minutesHandlers: DomainHandlers<'minutes'> = {
  'minutes.status': viewMinutesStatus,
  'minutes.sign': signMinutes,
  'minutes.addendum': signAddendum,
  'minutes.approve': approveMinutes,
  'minutes.recordApproval': recordApproval,
  'minutes.otherPoints': saveOtherPoints,
  'minutes.document': printSignedDocument,
  'minutes.extract': printExtract,
  'minutes.mailExtract': mailExtract,
  'minutes.extractPasswordGiven': recordPasswordGiven,
  'minutes.letter': printPersonLetter,
  'minutes.attestation': printAttestation,
  'minutes.attestations': printAttestations,
};
