// Signing identities: a .p12 imported with its password, or a self-signed certificate the app
// creates in the signer's name. Names carry accents (« Françoise Hœrner »), which node-forge
// mangles two ways: it writes subject attributes as PrintableString unless told UTF8String, and it
// reads UTF8String values back as raw bytes that it would encode a second time. So names are
// written as UTF8String, parsed certificates have their UTF8String values decoded once (`fromP12`),
// and a parsed certificate is never re-serialized from its fields (forge keeps its original TBS).
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface SigningIdentity {
  /** PKCS#8 PEM of the private key; kept in memory only for the time of one signature. */
  privateKeyPem: string;
  certificate: forge.pki.Certificate;
  /** Other certificates of the .p12 (issuers), added to the signature. */
  chain: forge.pki.Certificate[];
}

export interface CertificateSummary {
  commonName: string;
  organization: string | null;
  issuerCommonName: string;
  /** SHA-256 of the DER certificate, `AB:CD:…`, to register with the hospital. */
  fingerprint: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
}

const UTF8 = forge.asn1.Type.UTF8;
const OIDS = {
  shroudedKeyBag: forge.pki.oids.pkcs8ShroudedKeyBag!,
  keyBag: forge.pki.oids.keyBag!,
  certBag: forge.pki.oids.certBag!,
};

function attribute(name: forge.pki.Certificate['subject'], shortName: string): string | null {
  const field = name.getField(shortName) as { value: string } | null;
  return field ? field.value : null;
}

/** A parsed certificate's UTF8String values as JavaScript strings (forge leaves them as bytes). */
function decodeNames(cert: forge.pki.Certificate): forge.pki.Certificate {
  for (const attr of [...cert.subject.attributes, ...cert.issuer.attributes] as { value: string; valueTagClass?: number }[]) {
    if (attr.valueTagClass === UTF8) attr.value = forge.util.decodeUtf8(attr.value);
  }
  return cert;
}

export function certificateDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

export function summarize(cert: forge.pki.Certificate): CertificateSummary {
  const hex = createHash('sha256').update(certificateDer(cert)).digest('hex').toUpperCase();
  return {
    commonName: attribute(cert.subject, 'CN') ?? '',
    organization: attribute(cert.subject, 'O'),
    issuerCommonName: attribute(cert.issuer, 'CN') ?? '',
    fingerprint: hex.match(/../g)!.join(':'),
    validFrom: cert.validity.notBefore.toISOString(),
    validTo: cert.validity.notAfter.toISOString(),
    selfSigned: cert.isIssuer(cert),
  };
}

/**
 * A self-signed certificate in the signer's name, valid three years from `now`, for document
 * signing (digitalSignature, nonRepudiation). The key comes from Node's crypto (fast); forge
 * builds and signs the certificate.
 */
export function createSelfSigned(input: { commonName: string; organization: string; now: Date }): SigningIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive serial: the first byte's high bit cleared.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(input.now.getTime() - 60_000);
  cert.validity.notAfter = new Date(input.now.getTime());
  cert.validity.notAfter.setUTCFullYear(cert.validity.notAfter.getUTCFullYear() + 3);
  const subject = [
    { shortName: 'CN', value: input.commonName, valueTagClass: UTF8 },
    { shortName: 'O', value: input.organization, valueTagClass: UTF8 },
    { shortName: 'C', value: 'FR' },
  ] as forge.pki.CertificateField[];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return { privateKeyPem, certificate: cert, chain: [] };
}

/** The identity as a password-protected .p12 (AES-256, SHA-256), the form in which it is stored and exported. */
export function toP12(identity: SigningIdentity, password: string): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(identity.privateKeyPem),
    [identity.certificate, ...identity.chain],
    password,
    { algorithm: 'aes256', generateLocalKeyId: true, friendlyName: summarize(identity.certificate).commonName },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

export class CertificateError extends Error {
  constructor(readonly reason: 'password' | 'content' | 'no_key' | 'no_match') {
    super(`certificate: ${reason}`);
    this.name = 'CertificateError';
  }
}

/** Opens a .p12: its key and the certificate that matches it, or a reason (wrong password, no key…). */
export function fromP12(p12: Buffer, password: string): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, password);
  } catch (error) {
    // forge says « Invalid password? » when the MAC does not verify; anything else is not a .p12.
    throw new CertificateError(/password/i.test(String((error as Error).message)) ? 'password' : 'content');
  }
  const bags = (type: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBag = [...bags(OIDS.shroudedKeyBag), ...bags(OIDS.keyBag)][0];
  if (!keyBag?.key) throw new CertificateError('no_key');
  const key = keyBag.key;
  const certs = bags(OIDS.certBag)
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => Boolean(cert))
    .map(decodeNames);
  const own = certs.find((cert) => {
    const pub = cert.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!own) throw new CertificateError('no_match');
  return { privateKeyPem: forge.pki.privateKeyToPem(key), certificate: own, chain: certs.filter((c) => c !== own) };
}
