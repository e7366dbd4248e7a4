import { expect, test } from '@playwright/test';
import { COORDINATOR } from '../fixtures/people';
import { chooseMember, expectAccessible, Host, initialisedDataDir, snap, startHost } from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});

test('a referral refused without consent, allowed with it, then closed by withdrawal', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  // The directory is the previous issue's: a signatory structure and its member, through the same API.
  await page.evaluate(async () => {
    const structure = await window.clsm.partners.saveStructure({
      name: 'CCAS de Woippy',
      sector: 'ccas',
      address: '',
      conventionSignedOn: '2026-01-12',
      conventionSignatory: 'Mme la Présidente du CCAS',
    });
    if (!structure.ok) throw new Error(structure.error.message);
    const member = await window.clsm.partners.saveMember({
      structureId: structure.value.id,
      lastName: 'Klein',
      firstName: 'Anne',
      function: 'Assistante sociale',
      category: 'travailleur_social',
      email: '',
      phone: '',
      membership: 'permanent',
    });
    if (!member.ok) throw new Error(member.error.message);
  });

  // — The referral —
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Situations' }).click();
  await expect(page.getByRole('heading', { name: 'Situations', exact: true })).toBeVisible();
  await expectAccessible(page, 'Situations');
  await page.getByRole('link', { name: 'Nouvelle saisine' }).click();
  await chooseMember(page, 'Professionnel qui saisit la Commission', 'Anne Klein — CCAS de Woippy');
  await page.getByLabel('Tranche d’âge').selectOption('46_55');
  await page.getByLabel('Commune', { exact: true }).selectOption('Woippy');
  await page.getByLabel('Ce qui a déjà été essayé').fill('Plan d’apurement proposé deux fois. Suivie pour une dépression.');
  await expect(page.getByText(/« dépression » ressemble à un diagnostic/)).toBeVisible(); // a warning, not a refusal
  await page.getByLabel('Question posée à la Commission').fill('Comment maintenir la personne dans son logement ?');
  await page.getByLabel('logement').check();
  await page.getByLabel('Nom de la personne', { exact: true }).fill('Hœrner');
  await page.getByLabel('Prénom de la personne').fill('Sylvie');
  await page.getByLabel('Année de naissance').fill('1971');
  await expectAccessible(page, 'Nouvelle saisine');
  await snap(page, '30-nouvelle-saisine');
  await page.getByRole('button', { name: 'Enregistrer la saisine' }).click();
  await expect(page.getByRole('heading', { name: /Situation S-2026-001/ })).toBeVisible();
  await expect(page.getByText('Saisine enregistrée sous le code S-2026-001.')).toBeVisible();

  // — Eligibility —
  await page.getByRole('button', { name: 'Décider de la recevabilité' }).click();
  const eligibility = page.getByRole('dialog', { name: 'Recevabilité de la saisine S-2026-001' });
  for (const question of await eligibility.getByRole('group').all()) await question.getByLabel('Oui').check();
  await expectAccessible(page, 'Recevabilité');
  await eligibility.getByRole('button', { name: 'Déclarer recevable' }).click();
  await expect(page.getByText('Saisine recevable : recueillez maintenant le consentement de la personne.')).toBeVisible();

  // — Refused without consent, with its reasons —
  await page.getByRole('button', { name: 'Prête pour l’ordre du jour' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('conditions préalables');
  await expect(refusal.getByRole('list', { name: 'Conditions préalables' })).toContainText(
    'Aucun consentement de la personne n’est enregistré pour la situation S-2026-001.',
  );
  await expectAccessible(page, 'Situation refusée');
  await snap(page, '31-situation-sans-consentement');

  // — Consent recorded, with its scan —
  await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  const consent = page.getByRole('dialog', { name: 'Consentement de la personne — S-2026-001' });
  for (const item of await consent.getByRole('group', { name: 'Informations données à la personne' }).getByRole('checkbox').all())
    await item.check();
  await consent.getByLabel('Travailleur social').check();
  await consent.getByLabel('Personnel d’un bailleur').check();
  await consent.getByLabel('Ce qui peut être partagé de son identité').selectOption('first_name');
  await consent.getByLabel('Souhait de la personne pour la séance').selectOption('attend');
  // A real PDF stands for the scan: the blank referral form, printed by the app itself.
  const scan = await page.evaluate(async () => {
    const blank = await window.clsm.situations.referralForm({});
    if (!blank.ok) throw new Error(blank.error.message);
    return blank.value.base64;
  });
  await consent.getByLabel(/Formulaire signé, numérisé/).setInputFiles({
    name: 'scan-consentement.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(scan, 'base64'),
  });
  await expect(consent.getByText('Fichier prêt à être joint : scan-consentement.pdf')).toBeVisible();
  await expectAccessible(page, 'Consentement');
  await consent.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  await expect(page.getByText(/Consentement enregistré, formulaire scanné joint \(scan-consentement\.pdf\)\./)).toBeVisible();
  await page.getByRole('button', { name: 'Prête pour l’ordre du jour' }).click();
  await expect(page.getByText('La situation est prête à être inscrite à l’ordre du jour.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Situation S-2026-001/ })).toContainText('Prête à être examinée');
  await page.getByRole('navigation', { name: 'Situation' }).getByRole('link', { name: 'Consentement' }).click();
  await expect(page.getByText(/Numérisé \(PDF/)).toBeVisible();
  // Shown inside the app, drawn page by page (no embedded viewer, nothing written to disk).
  await page.getByRole('button', { name: 'Afficher le formulaire signé' }).click();
  await expect(page.getByRole('img', { name: /Formulaire de consentement signé, numérisé, page 1 sur \d/ })).toBeVisible();
  await expectAccessible(page, 'Onglet consentement');
  await snap(page, '32-situation-prete');

  // — The same person referred again: flagged before saving —
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Situations' }).click();
  await page.getByRole('link', { name: 'Nouvelle saisine' }).click();
  await page.getByLabel('Nom de la personne', { exact: true }).fill('HOERNER');
  await page.getByLabel('Prénom de la personne').fill('sylvie');
  await page.getByLabel('Année de naissance').fill('1971');
  await page.getByLabel('Adresse').focus();
  await expect(page.getByText(/Une situation ouverte porte déjà cette identité : S-2026-001/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer la saisine' })).toBeDisabled();
  // What was typed is a draft: « Annuler » asks before dropping it.
  page.once('dialog', (confirm) => void confirm.accept());
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('link', { name: 'S-2026-001' }).click();

  // — A correction keeps the code —
  await page.getByRole('link', { name: 'Modifier la saisine' }).click();
  await page.getByLabel('Commune', { exact: true }).selectOption('Metz');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByText('Saisine modifiée.')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Metz$/ })).toBeVisible();

  // — Withdrawal, confirmed —
  await page.getByRole('button', { name: 'Retrait du consentement' }).click();
  const withdraw = page.getByRole('dialog', { name: 'Retrait du consentement — S-2026-001' });
  await expect(withdraw).toContainText('Cette action ne peut pas être annulée.');
  await withdraw.getByRole('button', { name: 'Retirer le consentement et clôturer' }).click();
  await expect(page.getByText('Consentement retiré : la situation est clôturée et ne peut plus être présentée.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Situation S-2026-001/ })).toContainText('Clôturée');
  await expect(page.getByText(/clôturée le .* : Consentement retiré/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Situation' }).getByRole('link', { name: 'Historique' }).click();
  await expect(page.getByRole('cell', { name: 'Retrait du consentement' })).toBeVisible();
  await expectAccessible(page, 'Historique');
  await snap(page, '33-situation-cloturee');
  await page.evaluate(() => window.clsm.session.lock({}));
});
