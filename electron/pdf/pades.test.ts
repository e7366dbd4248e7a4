import { describe, expect, it } from 'vitest';
import { LETTERHEAD } from '../../tests/fixtures/people';
import { pdfSignatures } from '../../tests/helpers/pdf';
import { CertificateError, createSelfSigned, fromP12, summarize, toP12 } from './certificate';
import { renderPdf } from './engine';
import { signPdf } from './pades';

const now = new Date('2026-04-02T15:40:00Z');
const details = (name: string) => ({ name, reason: 'Compte rendu de la séance', location: 'Metz', contactInfo: '', signingTime: now });
const minutes = () => renderPdf({ title: 'Compte rendu', letterhead: LETTERHEAD, content: [{ text: 'Séance du 2 avril 2026' }] });
const verdicts = (report: string) => [...report.matchAll(/Signature Validation: (.+)/g)].map((m) => m[1]!.trim());

describe('signing identities', () => {
  it('creates a self-signed certificate in an accented name, kept as a .p12 behind a password', () => {
    const identity = createSelfSigned({ commonName: 'Françoise Hœrner', organization: 'Centre hospitalier de Jury', now });
    const p12 = toP12(identity, 'Quetsche-Mirabelle-57');
    const back = summarize(fromP12(p12, 'Quetsche-Mirabelle-57').certificate);
    expect(back).toMatchObject({
      commonName: 'Françoise Hœrner',
      organization: 'Centre hospitalier de Jury',
      issuerCommonName: 'Françoise Hœrner',
      selfSigned: true,
      validFrom: '2026-04-02T15:39:00.000Z',
      validTo: '2029-04-02T15:40:00.000Z',
    });
    expect(back.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(back.fingerprint).toBe(summarize(identity.certificate).fingerprint);
    expect(() => fromP12(p12, 'mauvais')).toThrow(new CertificateError('password'));
    expect(() => fromP12(Buffer.from('pas un certificat'), '')).toThrow(new CertificateError('content'));
  });
});

describe('PAdES B-B signatures', () => {
  it('signs so that pdfsig says valid, with the accented name, a CAdES signature and its signing-certificate-v2', async () => {
    const coordinator = fromP12(toP12(createSelfSigned({ commonName: 'Françoise Hœrner', organization: 'CH de Jury', now }), 'x'), 'x');
    const signed = await signPdf(await minutes(), coordinator, details('Françoise Hœrner'));
    const report = pdfSignatures(signed);
    expect(verdicts(report)).toEqual(['Signature is Valid.']);
    expect(report).toContain('Signer Certificate Common Name: Françoise Hœrner');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).not.toContain('Syntax Error');
    // id-aa-signingCertificateV2 (1.2.840.113549.1.9.16.2.47) among the signed attributes.
    expect(signed.toString('latin1').toLowerCase()).toContain('060b2a864886f70d010910022f');
  });

  it('adds a second signature in an incremental update; both stay valid; one changed byte breaks them', async () => {
    const coordinator = createSelfSigned({ commonName: 'Françoise Hœrner', organization: 'CH de Jury', now });
    const animateur = createSelfSigned({ commonName: 'Stéphane Kessler-Lentz', organization: 'CMP de Metz-Queuleu', now });
    const once = await signPdf(await minutes(), coordinator, details('Françoise Hœrner'));
    const twice = await signPdf(once, animateur, details('Stéphane Kessler-Lentz'));
    expect(twice.subarray(0, once.length).equals(once)).toBe(true); // appended, nothing rewritten
    const report = pdfSignatures(twice);
    expect(verdicts(report)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(report).toContain('Signer Certificate Common Name: Stéphane Kessler-Lentz');

    // One byte of the document's title, inside the range both signatures cover.
    const tampered = Buffer.from(twice);
    const at = tampered.indexOf('/Title');
    expect(at).toBeGreaterThan(0);
    tampered[at + 10] = tampered[at + 10]! ^ 0x01;
    const broken = verdicts(pdfSignatures(tampered));
    expect(broken).toHaveLength(2);
    expect(broken).not.toContain('Signature is Valid.');
  });
});
