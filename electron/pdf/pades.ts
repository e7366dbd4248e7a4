// PAdES baseline B-B signatures (ETSI EN 319 142-1): a CAdES detached CMS whose signed attributes
// are the content type, the message digest and the ESS signing-certificate-v2 — no claimed signing
// time (the signature dictionary's /M holds it) and no timestamp (the machine is offline).
// @signpdf places the signature and computes the byte range; each signature after the first is an
// incremental update, so earlier ones stay valid. node-forge's pkcs7 cannot carry the
// signing-certificate-v2 attribute, so the CMS is assembled here with forge's ASN.1 and signed with
// Node's crypto.
import { createHash, sign as rsaSign } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { certificateDer, SigningIdentity } from './certificate';

const { asn1 } = forge;
const { Class, Type } = asn1;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

const oid = (id: string) => asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(Class.UNIVERSAL, Type.SET, true, items);
const octets = (bytes: Buffer) => asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));
const integer = (n: number) => asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = () => asn1.create(Class.UNIVERSAL, Type.NULL, false, '');
const algorithm = (id: string) => seq([oid(id), nul()]);
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/**
 * The issuer and serial number exactly as the certificate encodes them: rebuilt from forge's fields,
 * an accented issuer would be encoded anew and no longer match.
 */
function issuerAndSerialOf(certificate: forge.pki.Certificate): forge.asn1.Asn1[] {
  const tbs = (asn1.fromDer(forge.util.createBuffer(certificateDer(certificate).toString('binary'))).value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  // TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, … }
  const offset = fields[0]!.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
  return [fields[offset + 2]!, fields[offset]!];
}

/** Signs one PDF once (a new signer is made for every signature). */
class PadesSigner extends Signer {
  private used = false;

  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  // The Signer interface is asynchronous; this signature is computed at once.
  override sign(content: Buffer): Promise<Buffer> {
    if (this.used) throw new Error('a PAdES signer signs once');
    this.used = true;
    const { certificate, chain, privateKeyPem } = this.identity;
    const certDer = certificateDer(certificate);
    const signedAttributes = [
      attribute(OID.contentType, oid(OID.data)),
      attribute(OID.messageDigest, octets(createHash('sha256').update(content).digest())),
      // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, the hash algorithm
      // being SHA-256 (the default, so omitted).
      attribute(OID.signingCertificateV2, seq([seq([seq([octets(createHash('sha256').update(certDer).digest())])])])),
    ];
    // The signature covers the attributes DER-encoded as a SET; they travel as [0] IMPLICIT.
    const signature = rsaSign('sha256', der(set(signedAttributes)), privateKeyPem);
    const issuerAndSerial = seq(issuerAndSerialOf(certificate));
    const signerInfo = seq([
      integer(1),
      issuerAndSerial,
      algorithm(OID.sha256),
      asn1.create(Class.CONTEXT_SPECIFIC, 0, true, signedAttributes),
      algorithm(OID.rsaEncryption),
      octets(signature),
    ]);
    const signedData = seq([
      integer(1),
      set([algorithm(OID.sha256)]),
      seq([oid(OID.data)]),
      asn1.create(
        Class.CONTEXT_SPECIFIC,
        0,
        true,
        [certificate, ...chain].map((c) => forge.pki.certificateToAsn1(c)),
      ),
      set([signerInfo]),
    ]);
    return Promise.resolve(der(seq([oid(OID.signedData), asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [signedData])])));
  }
}

export interface SignatureDetails {
  /** Shown by readers as the signer's name (the certificate's name is authoritative). */
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

/**
 * The signature dictionary's informational strings in ASCII: @signpdf/placeholder-plain writes a
 * non-ASCII string as UTF-16 passed through UTF-8, which readers show mangled. The signer's exact,
 * accented name is in the certificate, which is what readers and pdfsig display.
 */
export const asciiText = (text: string) =>
  text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/[^\x20-\x7e]/g, '?');

/** Adds one PAdES B-B signature to a PDF (as an incremental update when it is already signed). */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, details: SignatureDetails): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: asciiText(details.reason),
    contactInfo: asciiText(details.contactInfo),
    name: asciiText(details.name),
    location: asciiText(details.location),
    signingTime: details.signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 16_384,
    // A PDF name: no space.
    appName: 'Commission-CLSM',
  });
  return new SignPdf().sign(withPlaceholder, new PadesSigner(identity), details.signingTime);
}
