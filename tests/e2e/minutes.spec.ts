import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import {
  consentAndMeeting,
  expectAccessible,
  giveEmail,
  Host,
  initialisedDataDir,
  readDraft,
  seedEligibleSituation,
  snap,
  startHost,
} from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});

const day = today(systemClock);
const CERTIFICATE_PASSWORD = 'Quetsche-Mirabelle-57';

/** What poppler's pdftotext and pdfsig say of a downloaded file. */
const textOf = (file: string) =>
  spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
const signaturesOf = (file: string) => spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;

test('minutes: a certificate created in the app, the draft corrected and previewed, signed, downloaded with the extracts, then locked', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  // A meeting held today, run through the same API as the previous issue's end-to-end test.
  const seeded = await seedEligibleSituation(page, day);
  const meeting = await consentAndMeeting(page, day, seeded, { identitySharing: 'full', attendance: 'attend' });
  const { meetingId, itemId } = await page.evaluate(
    async ({ seeded, meeting }) => {
      const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const api = window.clsm;
      const item = must(
        await api.meetings.addItem({
          meetingId: meeting,
          situationId: seeded.situationId,
          presenterMemberId: seeded.referrerId,
          neutralQuestion: 'Maintien dans le logement',
          inviteeIds: [],
        }),
      );
      must(await api.meetings.convene({ meetingId: meeting, memberIds: [seeded.referrerId, seeded.landlordId, seeded.psychiatristId] }));
      for (const id of [seeded.referrerId, seeded.landlordId, seeded.psychiatristId])
        must(
          await api.meetings.attendance({
            meetingId: meeting,
            memberId: id,
            status: 'present',
            substituteMemberId: null,
            arrivalItemId: null,
            departureItemId: null,
          }),
        );
      must(await api.meetings.exits({ itemId: item.id, memberIds: [seeded.landlordId] }));
      must(await api.meetings.openItem({ itemId: item.id }));
      must(
        await api.meetings.deliberate({
          itemId: item.id,
          synthesis: 'Dette locative ancienne, isolement.',
          hypotheses: '',
          responseTypology: ['Coordination des intervenants'],
          proposals: 'Visite conjointe CCAS et CMP.',
          personPresence: 'attended',
        }),
      );
      must(
        await api.meetings.concludeItem({ itemId: item.id, outcome: 'follow_up', reexamineOn: null, closureReason: null, closureNote: '' }),
      );
      must(await api.meetings.markHeld({ meetingId: meeting }));
      return { meetingId: meeting, itemId: item.id };
    },
    { seeded, meeting },
  );
  const { code } = seeded;

  // — The coordinator's certificate, created by the app in an accented name —
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Certificat de signature' }).click();
  await expect(page.getByText('Aucun certificat enregistré pour vous.')).toBeVisible();
  await page.getByRole('button', { name: 'Créer un certificat…' }).click();
  await expect(page.getByLabel('Nom du titulaire')).toHaveValue(COORDINATOR.displayName);
  await expect(page.getByLabel('Établissement')).not.toHaveValue('');
  await page.getByLabel('Mot de passe du certificat').fill(CERTIFICATE_PASSWORD);
  await page.getByLabel('Confirmation du mot de passe').fill(CERTIFICATE_PASSWORD);
  await page.getByRole('button', { name: 'Créer le certificat' }).click();
  await expect(page.getByText('Certificat créé. Communiquez son empreinte à l’hôpital.')).toBeVisible();
  await expect(page.locator('code.fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  await expectAccessible(page, 'Certificat de signature');
  await snap(page, '46-certificat');

  // — The draft: corrected on its item, previewed —
  await page.goto(new URL(`/commissions/${meetingId}/compte-rendu`, host.url).href);
  await expect(page.getByRole('heading', { name: 'Compte rendu', exact: true })).toBeVisible();
  await page.getByRole('link', { name: `Point 1 — ${code}` }).click();
  await page.getByLabel('Synthèse').fill('Dette locative ancienne, isolement, refus des visites à domicile.');
  await page.getByRole('button', { name: 'Enregistrer la délibération' }).click();
  await expect(page.getByText('Délibération enregistrée.')).toBeVisible();
  await page.getByRole('link', { name: 'Compte rendu', exact: true }).click();
  const draft = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Aperçu du projet (PDF)' }).click();
  const draftFile = await (await draft).path();
  expect(textOf(draftFile)).toContain('COMPTE RENDU (PROJET)');
  expect(textOf(draftFile)).toContain('refus des visites à domicile');

  // — The animateur approved by mail: the coordination records it, and the block will say so —
  await expect(page.getByText(/En attente de l’approbation de l’animateur/)).toBeVisible();
  await page.getByRole('button', { name: 'Consigner pourquoi l’approbation manque…' }).click();
  await page.getByLabel('Motif', { exact: true }).selectOption('approved_by_mail');
  await page.getByLabel('Date', { exact: true }).fill(day);
  await page.getByRole('button', { name: 'Consigner', exact: true }).click();
  await expect(page.getByText('Motif consigné : il figurera dans le bloc des signatures.')).toBeVisible();

  // — Signed: a wrong password is refused, then the right one —
  await page.getByLabel(/Mot de passe de votre certificat/).fill('mauvais');
  await page.getByRole('button', { name: 'Signer le compte rendu…' }).click();
  await page.getByRole('dialog', { name: 'Signer le compte rendu' }).getByRole('button', { name: 'Signer' }).click();
  await expect(page.getByRole('alert')).toContainText('Mot de passe du certificat incorrect.');
  await page.getByLabel(/Mot de passe de votre certificat/).fill(CERTIFICATE_PASSWORD);
  await page.getByRole('button', { name: 'Signer le compte rendu…' }).click();
  await expectAccessible(page, 'Signature du compte rendu');
  await page.getByRole('dialog', { name: 'Signer le compte rendu' }).getByRole('button', { name: 'Signer' }).click();
  await expect(page.getByText('Compte rendu signé : il ne peut plus être modifié.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Séance du/ })).toContainText('Compte rendu signé');

  const signed = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le PDF signé' }).click();
  expect((await signed).suggestedFilename()).toBe(`compte-rendu-signe-${day}.pdf`);
  const signedFile = await (await signed).path();
  expect(signaturesOf(signedFile)).toContain('Signature is Valid.');
  expect(signaturesOf(signedFile)).toContain(`Signer Certificate Common Name: ${COORDINATOR.displayName}`);
  expect(textOf(signedFile)).not.toContain('Sylvie');
  expect(textOf(signedFile).replace(/\s+/g, ' ')).toContain('Approbation non recueillie dans l’application : approuvé par');

  // — Extracts: the person's name for the referrer (consent: full identity); nothing for Vivest —
  const own = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Extrait pour Anne Klein' }).click();
  expect((await own).suggestedFilename()).toBe(`extrait-compte-rendu-${day}-anne-klein.pdf`);
  expect(textOf(await (await own).path())).toContain('Personne : Sylvie Hœrner');
  const excluded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Extrait pour Karim Benali' }).click();
  const excludedText = textOf(await (await excluded).path());
  expect(excludedText).toContain('1 point ne vous concerne pas.');
  expect(excludedText).not.toContain(code);
  await expectAccessible(page, 'Compte rendu signé');
  await snap(page, '47-compte-rendu-signe');

  // — An extract by e-mail: the folder chosen in Documents, the PDF encrypted, the password shown once —
  const drafts = mkdtempSync(join(tmpdir(), 'clsm-courriels-'));
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Documents' }).click();
  await page.getByLabel('Dossier des brouillons de courriels').fill(join(drafts, 'absent'));
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  await expect(page.getByText('Ce dossier est introuvable : vérifiez le chemin.')).toBeVisible();
  await page.getByLabel('Dossier des brouillons de courriels').fill(drafts);
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  await expect(page.getByText('Dossier des brouillons enregistré.')).toBeVisible();
  await expectAccessible(page, 'Documents et courriels');
  await snap(page, '47a-dossier-des-courriels');
  await giveEmail(page, 'Anne Klein', 'anne.klein@ccas-woippy.example');
  await page.goto(new URL(`/commissions/${meetingId}/compte-rendu`, host.url).href);
  await page.getByRole('button', { name: 'Courriel chiffré à Anne Klein' }).click();
  const dialog = page.getByRole('dialog', { name: 'Extrait chiffré pour Anne Klein' });
  const password = (await dialog.getByLabel('Mot de passe de l’extrait').textContent())!.trim();
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
  await expectAccessible(page, 'Extrait chiffré');
  await snap(page, '47b-extrait-chiffre');
  // Closing would lose the password: the app asks first; declined, the dialog stays.
  page.once('dialog', (confirm) => void confirm.dismiss());
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeVisible();
  const mail = await readDraft(join(drafts, `extrait-compte-rendu-${day}-anne-klein.eml`));
  expect(mail.headers.get('x-unsent')).toBe('1');
  expect(mail.text).not.toContain(password);
  const attached = join(drafts, 'piece-jointe.pdf');
  writeFileSync(attached, mail.attachments[0]!.content);
  expect(spawnSync('pdftotext', [attached, '-']).status).not.toBe(0);
  const opened = spawnSync('pdftotext', ['-upw', password, '-enc', 'UTF-8', attached, '-'], { encoding: 'utf8' }).stdout;
  expect(opened.replace(/\s+/g, ' ')).toContain('Personne : Sylvie Hœrner');
  await dialog.getByRole('button', { name: 'Mot de passe communiqué par téléphone' }).click();
  await expect(page.getByText('Extrait pour Anne Klein : brouillon écrit, mot de passe communiqué.')).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // — Locked: the item's deliberation can no longer be edited —
  await page.goto(new URL(`/commissions/${meetingId}/seance/${itemId}`, host.url).href);
  await expect(page.getByText('Compte rendu signé : cette délibération ne peut plus être modifiée')).toBeVisible();
  await expect(page.getByLabel('Synthèse')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Enregistrer la délibération' })).toHaveCount(0);
  await snap(page, '48-point-verrouille');
  await page.evaluate(() => window.clsm.session.lock({}));
});
