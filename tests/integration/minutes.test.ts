// Signed minutes through the typed client: certificates (created, imported, kept encrypted), the
// PAdES signatures checked by poppler's pdfsig, the lock and the addendum, then the documents drawn
// from the signed record — extracts filtered by each person's consent (G5), the letter back to the
// person (G10), attestations of participation — each audited, none naming the person where it may not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSelfSigned, toP12 } from '../../electron/pdf/certificate';
import { anchorInPdf } from '../../electron/services/audit/anchors';
import { verifyAudit } from '../../electron/services/audit/verify';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { accountFor, ANIMATEUR, LETTERHEAD_FIELDS, SECRETARY } from '../fixtures/people';
import { SYLVIE } from '../fixtures/situations';
import { callChannel, firstUnlock, ok } from '../helpers/ipc';
import { heldMeeting, refusal } from '../helpers/meetings';
import { approvedByMail } from '../helpers/signing';
import { pdfInfo, pdfSignatures, pdfText } from '../helpers/pdf';

const PASSWORD = 'Quetsche-Mirabelle-57';
const ANIMATEUR_PASSWORD = 'Graoully-Cathedrale-12';
const verdicts = (report: string) => [...report.matchAll(/Signature Validation: (.+)/g)].map((m) => m[1]!.trim());
const bytesOf = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

/** The held meeting, with the coordinator's certificate created by the app and the animateur's imported. */
async function readyToSign() {
  const session = await heldMeeting();
  return { ...session, ...(await readyToSignOn(session)) };
}

describe('signing certificates', () => {
  it('creates the coordinator’s, imports an animateur’s .p12, shows fingerprints and keeps them encrypted', async () => {
    const { api, overview, psychiatrist, vault } = await readyToSign();
    expect(overview.mine).toMatchObject({ commonName: 'Françoise Marchal', origin: 'created', selfSigned: true, holder: { kind: 'user' } });
    expect(overview.mine!.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(overview.animateurs).toEqual([
      expect.objectContaining({
        commonName: 'Stéphane Kessler-Lentz',
        origin: 'imported',
        holder: expect.objectContaining({ id: psychiatrist.id }),
      }),
    ]);
    const garbage = Buffer.from('pas un certificat').toString('base64');
    expect(await refusal(api.signing.import({ memberId: null, base64: garbage, password: 'x' }))).toMatchObject({
      code: 'CERTIFICATE_INVALID',
    });
    const other = toP12(
      createSelfSigned({ commonName: 'Autre', organization: 'CH', now: new Date('2026-03-01T10:00:00Z') }),
      'bon-mot-de-passe',
    );
    expect(await refusal(api.signing.import({ memberId: null, base64: other.toString('base64'), password: 'mauvais' }))).toMatchObject({
      code: 'CERTIFICATE_PASSWORD',
    });
    expect(
      await refusal(
        api.signing.create({ memberId: null, commonName: 'F H', organization: 'CH', password: 'court', passwordConfirmation: 'court' }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    // Replacing a certificate retires the previous one; the database file never shows the names.
    const again = await ok(api.signing.import({ memberId: null, base64: other.toString('base64'), password: 'bon-mot-de-passe' }));
    expect(again.mine).toMatchObject({ commonName: 'Autre', origin: 'imported' });
    expect(vault.database().prepare('SELECT count(*) FROM signing_certificates WHERE retired_at IS NOT NULL').pluck().get()).toBe(1);
    const retired = await ok(api.signing.retire({ certificateId: again.animateurs[0]!.id }));
    expect(retired.animateurs).toEqual([]);
    expect((await ok(api.signing.certificates({}))).mine).toMatchObject({ commonName: 'Autre' });
    vault.database().pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(vault.dbPath);
    expect(file.includes(Buffer.from('Kessler-Lentz', 'utf8'))).toBe(false);
    expect(file.includes(Buffer.from('Françoise Marchal', 'utf8'))).toBe(false);
  });
});

const SIGNING_CHANNELS = CHANNEL_NAMES.filter((c) => c.startsWith('signing.') || c.startsWith('minutes.'));

describe('who may sign and print', () => {
  it('the animateur reads the signed record; the secretariat nothing; certificates and prints are the coordinator’s', async () => {
    const session = await readyToSign();
    const { api, meeting } = session;
    const signed = await ok(api.minutes.sign({ meetingId: meeting.id, password: PASSWORD, animateurPassword: null }));
    await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    await firstUnlock(api, ANIMATEUR);
    const reads: Record<string, unknown> = {
      'minutes.status': { meetingId: meeting.id },
      'minutes.document': { documentId: signed.documents[0]!.id },
    };
    for (const channel of SIGNING_CHANNELS) {
      const result = await callChannel(api, channel, reads[channel] ?? {});
      if (channel in reads) expect(result, channel).toMatchObject({ ok: true });
      // The approval is the animateur's own act: their channel, refused here only for its empty payload.
      else if (channel === 'minutes.approve') expect(result, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      else expect(result, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // The animateur has no certificate of their own as a user: the coordinator's is not shown to them.
    expect(await ok(api.minutes.status({ meetingId: meeting.id }))).toMatchObject({ coordinatorCertificate: null });
    await firstUnlock(api, SECRETARY);
    for (const channel of SIGNING_CHANNELS) {
      expect(await callChannel(api, channel, reads[channel] ?? {}), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('signing the minutes', () => {
  it('asks for the certificate and its password, then signs twice (PAdES), valid in pdfsig with accented names', async () => {
    const session = await heldMeeting();
    const { api, meeting } = session;
    const sign = (password: string, animateurPassword: string | null = null) =>
      api.minutes.sign({ meetingId: meeting.id, password, animateurPassword });
    expect(await refusal(sign(PASSWORD))).toMatchObject({ code: 'CERTIFICATE_MISSING' });
    const { overview } = await readyToSignOn(session);
    expect(await refusal(sign('mauvais'))).toMatchObject({ code: 'CERTIFICATE_PASSWORD' });
    expect(await refusal(sign(PASSWORD, 'mauvais'))).toMatchObject({ code: 'ANIMATEUR_CERTIFICATE_PASSWORD' });

    const status = await ok(sign(PASSWORD, ANIMATEUR_PASSWORD));
    expect(status.state).toBe('minutes_signed');
    expect(status.documents).toEqual([
      expect.objectContaining({
        kind: 'minutes',
        sequence: 0,
        signers: [
          { role: 'coordinator', name: 'Françoise Marchal', commonName: 'Françoise Marchal', fingerprint: overview.mine!.fingerprint },
          expect.objectContaining({ role: 'animateur', name: 'Stéphane Kessler-Lentz', commonName: 'Stéphane Kessler-Lentz' }),
        ],
      }),
    ]);
    const file = await ok(api.minutes.document({ documentId: status.documents[0]!.id }));
    expect(file.fileName).toBe('compte-rendu-signe-2026-04-02.pdf');
    const pdf = bytesOf(file);
    const report = pdfSignatures(pdf);
    expect(verdicts(report)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(report).toContain('Signer Certificate Common Name: Françoise Marchal');
    expect(report).toContain('Signer Certificate Common Name: Stéphane Kessler-Lentz');
    const text = pdfText(pdf);
    expect(text).toContain('COMPTE RENDU');
    expect(text).not.toContain('PROJET');
    expect(text).toContain('SIGNATURES');
    expect(text).toContain('Signé électroniquement le 02/04/2026');
    expect(text).toContain('S-2026-001');
    for (const identity of [SYLVIE.lastName, SYLVIE.firstName, 'Hoerner']) expect(text).not.toContain(identity);

    // The audit chain's head at signing travels in the metadata: an anchor the trail must extend.
    const keywords = pdfInfo(pdf).Keywords ?? '';
    expect(keywords).toMatch(/^clsm-audit-head:\d+:[0-9a-f]{64}$/);
    const anchor = anchorInPdf(pdf)!;
    expect(`clsm-audit-head:${anchor.count}:${anchor.hash}`).toBe(keywords);
    const db = session.vault.database();
    expect(db.prepare('SELECT hash FROM audit_events WHERE id = ?').pluck().get(anchor.count)).toBe(anchor.hash);
    expect(verifyAudit(db, { databaseId: session.vault.databaseId(), anchors: [anchor] })).toMatchObject({
      ok: true,
      anchors: [{ status: 'extended' }],
    });

    // One byte changed in the signed range: both signatures break.
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('Compte rendu');
    tampered[at] = 'K'.charCodeAt(0);
    expect(verdicts(pdfSignatures(tampered))).not.toContain('Signature is Valid.');
  });

  it('locks the signed minutes: no second signature, no change to the deliberation; an addendum is signed the same way', async () => {
    const session = await heldMeeting();
    const { api, meeting, item } = session;
    await readyToSignOn(session);
    await ok(api.minutes.sign({ meetingId: meeting.id, password: PASSWORD, animateurPassword: null }));
    expect(await refusal(api.minutes.sign({ meetingId: meeting.id, password: PASSWORD, animateurPassword: null }))).toMatchObject({
      code: 'MINUTES_SIGNED',
    });
    const change = { itemId: item.id, synthesis: 'Autre', hypotheses: '', responseTypology: [], proposals: 'Autre', personPresence: null };
    expect(await refusal(api.meetings.deliberate(change))).toMatchObject({ code: 'MINUTES_SIGNED' });
    expect(
      await refusal(
        api.actions.add({ itemId: item.id, what: 'Autre', owner: { kind: 'member', id: session.referrer.id }, dueOn: '2026-05-01' }),
      ),
    ).toMatchObject({
      code: 'MINUTES_SIGNED',
    });

    const status = await ok(
      api.minutes.addendum({
        meetingId: meeting.id,
        text: 'Point 1 (S-2026-001) : l’échéance de la visite conjointe est le 16/04/2026.',
        password: PASSWORD,
        animateurPassword: ANIMATEUR_PASSWORD,
      }),
    );
    expect(status.documents.map((d) => [d.kind, d.sequence])).toEqual([
      ['minutes', 0],
      ['addendum', 1],
    ]);
    const addendum = await ok(api.minutes.document({ documentId: status.documents[1]!.id }));
    expect(addendum.fileName).toBe('additif-1-compte-rendu-2026-04-02.pdf');
    expect(verdicts(pdfSignatures(bytesOf(addendum)))).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    const text = pdfText(bytesOf(addendum));
    expect(text).toContain('ADDITIF N° 1 AU COMPTE RENDU');
    expect(text).toContain(status.documents[0]!.sha256.slice(0, 16));
    // The minutes as first signed are unchanged.
    const minutes = await ok(api.minutes.document({ documentId: status.documents[0]!.id }));
    expect(verdicts(pdfSignatures(bytesOf(minutes)))).toEqual(['Signature is Valid.']);
    // The signature's place is the city of « Fait à … », as on paper.
    expect(bytesOf(minutes).toString('latin1')).toContain('/Location (Metz)');
  });
});

describe('documents drawn from the signed minutes', () => {
  it('gives each recipient only the items their person’s consent allows, with the name only where allowed', async () => {
    const session = await heldMeeting();
    const { api, meeting, referrer, landlord, mandataire, substitute, outsider } = session;
    expect(await refusal(api.minutes.extract({ meetingId: meeting.id, memberId: referrer.id }))).toMatchObject({
      code: 'MINUTES_NOT_SIGNED',
    });
    await readyToSignOn(session);
    const status = await ok(api.minutes.sign({ meetingId: meeting.id, password: PASSWORD, animateurPassword: null }));
    expect(status.recipients.map((r) => [r.displayName, r.participated])).toEqual([
      ['Anne Klein', true],
      ['Françoise Weber', false],
      ['Julie Muller', true],
      ['Karim Benali', true],
      ['Stéphane Kessler-Lentz', false],
    ]);

    const extractFor = async (memberId: number) => {
      const file = await ok(api.minutes.extract({ meetingId: meeting.id, memberId }));
      return { fileName: file.fileName, text: pdfText(bytesOf(file)).replace(/\s+/g, ' ') };
    };
    const own = await extractFor(referrer.id);
    expect(own.fileName).toBe('extrait-compte-rendu-2026-04-02-anne-klein.pdf');
    expect(own.text).toContain('EXTRAIT DU COMPTE RENDU');
    expect(own.text).toContain('Destinataire : Anne Klein (CCAS de Woippy)');
    expect(own.text).toContain('S-2026-001');
    expect(own.text).toContain(`Personne : ${SYLVIE.firstName} ${SYLVIE.lastName}`);
    expect(own.text).toContain('Tous les points examinés vous concernent.');
    // Vivest was excluded by the person (and its member left the room); the mandataire's category was not allowed.
    for (const memberId of [landlord.id, mandataire.id]) {
      const other = await extractFor(memberId);
      expect(other.text).toContain('1 point ne vous concerne pas.');
      expect(other.text).not.toContain('S-2026-001');
      expect(other.text).not.toContain('Visite conjointe');
      for (const identity of [SYLVIE.lastName, SYLVIE.firstName]) expect(other.text).not.toContain(identity);
    }
    expect((await extractFor(substitute.id)).text).toContain('S-2026-001');
    expect(await refusal(api.minutes.extract({ meetingId: meeting.id, memberId: outsider.id }))).toMatchObject({
      code: 'MEMBER_NOT_RECIPIENT',
    });
  });

  it('writes the letter back to the person in plain French, and the attestations of participation', async () => {
    const session = await heldMeeting();
    const { api, meeting, item, referrer, mandataire, vault } = session;
    await readyToSignOn(session);
    expect(await refusal(api.minutes.letter({ itemId: item.id }))).toMatchObject({ code: 'MINUTES_NOT_SIGNED' });
    expect((await ok(api.minutes.attestations({ meetingId: meeting.id }))).fileName).toBe('attestations-participation-2026-04-02.pdf');
    await ok(api.minutes.sign({ meetingId: meeting.id, password: PASSWORD, animateurPassword: null }));

    // « Qui appeler » without a number helps no one: the letter waits for the coordination's telephone.
    await ok(api.settings.updateLetterhead({ ...LETTERHEAD_FIELDS, phone: '' }));
    expect(await refusal(api.minutes.letter({ itemId: item.id }))).toMatchObject({ code: 'LETTER_NO_COORDINATION_PHONE' });
    await ok(api.settings.updateLetterhead(LETTERHEAD_FIELDS));
    // Each action in words for the person, printed instead of the professional wording.
    const [action] = await ok(api.actions.board({ situationId: session.situation.id }));
    await ok(api.actions.personWording({ actionId: action!.id, wording: 'Une visite chez vous, avec le CCAS et le CMP' }));

    const letter = await ok(api.minutes.letter({ itemId: item.id }));
    expect(letter.fileName).toBe('courrier-personne-S-2026-001-2026-04-02.pdf');
    const pdf = bytesOf(letter);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(pdfInfo(pdf)).toMatchObject({ Pages: '1', Title: 'Courrier à la personne' });
    expect(text).toContain('Madame, Monsieur,');
    expect(text).not.toContain('Bonjour');
    expect(text).toContain(`${SYLVIE.firstName} ${SYLVIE.lastName}`);
    expect(text).toContain(SYLVIE.address);
    expect(text).toContain('Nos réf. : S-2026-001');
    expect(text).toContain('Une visite chez vous, avec le CCAS et le CMP — Anne Klein (CCAS de Woippy)');
    expect(text).not.toContain('Visite conjointe au domicile');
    expect(text).toContain('libre de les accepter ou de les refuser');
    expect(text).toContain('La coordination du Conseil local de santé mentale : 03 87 56 00 00');
    expect(text).toMatch(/Fait à Metz, le \d\d\/\d\d\/2026\./);
    expect(text).toContain('en charge de la coordination du Conseil local de santé mentale');
    expect(text).not.toContain('(e)');

    const one = await ok(api.minutes.attestation({ meetingId: meeting.id, memberId: referrer.id }));
    expect(one.fileName).toBe('attestation-participation-2026-04-02-anne-klein.pdf');
    expect(pdfText(bytesOf(one)).replace(/\s+/g, ' ')).toContain('atteste qu’Anne Klein');
    expect(await refusal(api.minutes.attestation({ meetingId: meeting.id, memberId: mandataire.id }))).toMatchObject({
      code: 'MEMBER_NOT_PARTICIPANT',
    });
    const all = pdfText(bytesOf(await ok(api.minutes.attestations({ meetingId: meeting.id }))));
    for (const name of ['Anne Klein', 'Julie Muller', 'Karim Benali']) expect(all).toContain(name);
    expect(all).not.toContain('Françoise Weber');
    expect(all).not.toContain('S-2026-001');

    // Every print is in the trail, by code and member id — never the person's name.
    const events = vault.database().prepare(`SELECT action, detail FROM audit_events WHERE action LIKE 'minutes.%'`).all();
    expect(events.map((e) => (e as { action: string }).action)).toEqual(
      expect.arrayContaining(['minutes.sign', 'minutes.letter', 'minutes.attestation', 'minutes.attestations']),
    );
    expect(JSON.stringify(events)).not.toContain(SYLVIE.lastName);
  });
});

/** Certificates for a session that already exists (the coordinator's created, the animateur's imported). */
async function readyToSignOn(session: Awaited<ReturnType<typeof heldMeeting>>) {
  const { api, psychiatrist } = session;
  await ok(
    api.signing.create({
      memberId: null,
      commonName: 'Françoise Marchal',
      organization: 'Centre hospitalier de Jury',
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    }),
  );
  const p12 = toP12(
    createSelfSigned({ commonName: 'Stéphane Kessler-Lentz', organization: 'CMP de Metz-Queuleu', now: new Date('2026-01-05T10:00:00Z') }),
    ANIMATEUR_PASSWORD,
  );
  const overview = await ok(
    api.signing.import({ memberId: psychiatrist.id, base64: p12.toString('base64'), password: ANIMATEUR_PASSWORD }),
  );
  await approvedByMail(api, session.meeting.id);
  return { overview };
}
