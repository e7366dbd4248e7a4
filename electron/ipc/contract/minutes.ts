// Signing certificates (the coordinator's own and the animateurs'), the signature of the minutes and
// their addenda, and the documents drawn from a held meeting: extracts per recipient, the letter to
// the person, attestations of participation. Certificates and signatures are the coordinator's;
// reading the signed record is open to the case readers, like the meeting itself.
import { noInput } from '../../services/common/schema';
import type { CertificatesOverview } from '../../services/minutes/certificates';
import {
  addendumInput,
  certificateIdInput,
  createCertificateInput,
  documentIdInput,
  importCertificateInput,
  letterInput,
  meetingIdInput,
  otherPointsInput,
  recordApprovalInput,
  recipientInput,
  signInput,
} from '../../services/minutes/schema';
import type { ExtractDraft } from '../../services/minutes/extract-mail';
import type { MinutesStatus } from '../../services/minutes/status';
import { channel, DocumentFile, InputSpec, returns } from './shared';
import { CASE_KEEPER, CASE_READERS } from './situations';

const read = <I extends InputSpec, O>(input: I, output: O) => channel({ input, access: CASE_READERS, effect: 'read', output });
const keeperRead = <I extends InputSpec, O>(input: I, output: O) => channel({ input, access: CASE_KEEPER, effect: 'read', output });
const write = <I extends InputSpec, O>(input: I, output: O) => channel({ input, access: CASE_KEEPER, effect: 'write', output });

export const signingChannels = {
  'signing.certificates': keeperRead(noInput, returns<CertificatesOverview>()),
  'signing.create': write(createCertificateInput, returns<CertificatesOverview>()),
  'signing.import': write(importCertificateInput, returns<CertificatesOverview>()),
  'signing.retire': write(certificateIdInput, returns<CertificatesOverview>()),
};

export const minutesChannels = {
  'minutes.status': read(meetingIdInput, returns<MinutesStatus>()),
  'minutes.sign': write(signInput, returns<MinutesStatus>()),
  'minutes.addendum': write(addendumInput, returns<MinutesStatus>()),
  // The animateur's own act: only the animation user linked to the meeting's animateur (checked by the service).
  'minutes.approve': channel({ input: meetingIdInput, access: ['animateur'], effect: 'write', output: returns<MinutesStatus>() }),
  'minutes.recordApproval': write(recordApprovalInput, returns<MinutesStatus>()),
  'minutes.otherPoints': write(otherPointsInput, returns<MinutesStatus>()),
  'minutes.document': read(documentIdInput, returns<DocumentFile>()),
  'minutes.extract': keeperRead(recipientInput, returns<DocumentFile>()),
  'minutes.mailExtract': keeperRead(recipientInput, returns<ExtractDraft>()),
  'minutes.extractPasswordGiven': keeperRead(recipientInput, returns<{ recorded: true }>()),
  'minutes.letter': keeperRead(letterInput, returns<DocumentFile>()),
  'minutes.attestation': keeperRead(recipientInput, returns<DocumentFile>()),
  'minutes.attestations': keeperRead(meetingIdInput, returns<DocumentFile>()),
};

export type { CertificatesOverview, ExtractDraft, MinutesStatus };
export type { CertificateView } from '../../services/minutes/certificates';
export type { Recipient } from '../../services/minutes/documents';
export type { SignedDocumentView, SignerRecord } from '../../services/minutes/signed-documents';
