// What a coordinator hit in the first slice (issue 8), checked on the real UI.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, Page, test } from '@playwright/test';
import { COORDINATOR } from '../fixtures/people';
import { expectAccessible, Host, initialisedDataDir, SCREENSHOTS, snap, startHost } from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});
test.afterEach(async ({ page }) => {
  await page.evaluate(() => window.clsm.session.lock({}));
});

async function openAs(page: Page, path: string) {
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await page.goto(`${host.origin}${path}`);
}

const HEADER =
  'Structure;Secteur;Adresse;Convention signée le;Signataire de la convention;Nom;Prénom;Fonction;Catégorie;Courriel;Téléphone;Type de membre';

test('import: the corrected file picked again under the same name is read again; a file too large is refused at once', async ({ page }) => {
  await openAs(page, '/partenaires/import-export');
  await expect(page.getByText('Valeurs acceptées')).toBeVisible();
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger un modèle de fichier (CSV)' }).click(),
  ]);
  expect(template.suggestedFilename()).toBe('modele-annuaire-commission-clsm.csv');
  expect(readFileSync(await template.path(), 'utf8')).toContain('Membre permanent');

  const folder = mkdtempSync(join(tmpdir(), 'clsm-csv-'));
  const file = join(folder, 'annuaire.csv');
  writeFileSync(file, [HEADER, 'UDAF de la Moselle;Tribunal;Metz;;;;;;;;;'].join('\r\n'));
  const picker = page.getByLabel('Fichier CSV à importer');
  await picker.setInputFiles(file);
  await expect(page.getByRole('table', { name: 'Rapport de validation' })).toContainText('secteur « Tribunal » inconnu');
  // Corrected in the spreadsheet, saved under the same name, picked again without leaving the page.
  writeFileSync(file, [HEADER, 'UDAF de la Moselle;Mandataire judiciaire;Metz;;;;;;;;;'].join('\r\n'));
  await picker.setInputFiles(file);
  await expect(page.getByRole('button', { name: 'Importer 1 ligne' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rapport de validation' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Importer 1 ligne' }).click();
  await expect(page.getByText('Import terminé : 1 structure et 0 membre créés.')).toBeVisible();

  // The same file, corrected again: a known structure is updated, after seeing old → new.
  writeFileSync(file, [HEADER, 'UDAF de la Moselle;Mandataire judiciaire;1 rue de la Paix, 57000 Metz;;;;;;;;;'].join('\r\n'));
  await picker.setInputFiles(file);
  const updates = page.getByRole('table', { name: /Mises à jour proposées/ });
  await expect(updates).toContainText('Adresse');
  await expect(updates.getByRole('row').filter({ hasText: '1 rue de la Paix' })).toContainText('Metz');
  await expectAccessible(page, 'Import (mises à jour proposées)');
  await snap(page, '19-import-mise-a-jour');
  await page.getByRole('button', { name: 'Importer 1 ligne (dont 1 mise à jour)' }).click();
  await expect(page.getByText('Import terminé : 0 structure et 0 membre créés, 1 fiche mise à jour.')).toBeVisible();

  // Rows to be created are listed by name; a cell that begins like a formula is shown as it will be stored.
  writeFileSync(
    file,
    [HEADER, 'UDAF de la Moselle;Mandataire judiciaire;1 rue de la Paix, 57000 Metz;;;=cmd|calc;Yves;;Autre;;;'].join('\r\n'),
  );
  await picker.setInputFiles(file);
  await expect(page.getByRole('table', { name: /Fiches à créer/ })).toContainText("Yves '=cmd|calc — UDAF de la Moselle");
  await expect(page.getByRole('table', { name: 'Cellules neutralisées' })).toContainText("'=cmd|calc");
  await expectAccessible(page, 'Import (cellules neutralisées)');
  await snap(page, '19b-import-cellules-neutralisees');

  const large = join(folder, 'trop-gros.csv');
  writeFileSync(large, Buffer.alloc(7 * 1024 * 1024, 0x41));
  await picker.setInputFiles(large);
  await expect(page.getByRole('alert')).toContainText('6 Mo au plus');
  await expect(page.getByText('Vérification du fichier…')).toHaveCount(0);
  await expectAccessible(page, 'Import (fichier trop gros)');
  await snap(page, '20-import-fichier-trop-gros');
});

test('forms start with required choices empty; deactivating a structure asks first and shows it on its members', async ({ page }) => {
  await openAs(page, '/partenaires/structures');
  await page.getByRole('button', { name: 'Nouvelle structure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle structure' });
  await expect(dialog.getByLabel('Secteur')).toHaveValue('');
  await dialog.getByLabel('Nom de la structure').fill('CCAS de Woippy');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Vérifiez le champ signalé.');
  await expect(dialog.getByText('Choisissez un secteur.')).toBeVisible();
  await dialog.getByLabel('Secteur').selectOption('ccas');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Structure « CCAS de Woippy » enregistrée.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Partenaires' }).getByRole('link', { name: 'Membres' }).click();
  await page.getByRole('button', { name: 'Nouveau membre' }).click();
  const member = page.getByRole('dialog', { name: 'Nouveau membre' });
  await expect(member.getByLabel('Structure')).toHaveValue('');
  await expect(member.getByLabel('Structure')).toBeFocused(); // the first field of a new member
  await expect(member.getByLabel('Catégorie professionnelle')).toHaveValue('');
  await member.getByLabel('Nom', { exact: true }).fill('Roth');
  await member.getByLabel('Prénom').fill('Yves');
  await member.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(member.getByText('Choisissez la structure du membre.')).toBeVisible();
  await expect(member.getByText('Choisissez une catégorie professionnelle.')).toBeVisible();
  await member.getByLabel('Structure').selectOption({ label: 'CCAS de Woippy' });
  await member.getByLabel('Catégorie professionnelle').selectOption('travailleur_social');
  await member.getByLabel('Type de membre').selectOption('permanent');
  await member.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Fiche d’Yves Roth enregistrée.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Partenaires' }).getByRole('link', { name: 'Structures' }).click();
  await page.getByRole('button', { name: 'Désactiver CCAS de Woippy' }).click();
  const confirm = page.getByRole('dialog', { name: 'Désactiver la structure' });
  await expect(confirm).toContainText('Son membre actif sera désactivé aussi : il ne pourra plus être convoqué.');
  await expectAccessible(page, 'Désactiver une structure');
  await snap(page, '21-desactiver-structure');
  await confirm.getByRole('button', { name: 'Désactiver' }).click();
  await expect(page.getByText('« CCAS de Woippy » désactivée, ainsi que son membre actif.')).toBeVisible();
  await page.getByRole('navigation', { name: 'Partenaires' }).getByRole('link', { name: 'Membres' }).click();
  await page.getByLabel('Afficher les membres désactivés').check();
  const row = page.getByRole('row').filter({ hasText: 'Yves Roth' });
  await expect(row).toContainText('Structure désactivée');
  await expect(row).toContainText('Membre désactivé');
  await page.screenshot({ path: join(SCREENSHOTS, '22-membre-structure-desactivee.png'), fullPage: true });
});

test('locking and unlocking brings the same user back where they were', async ({ page }) => {
  await openAs(page, '/partenaires/charte');
  await expect(page.getByRole('heading', { name: 'Charte éthique et déontologique' })).toBeVisible();
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page).toHaveURL(`${host.origin}/`);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Charte éthique et déontologique' })).toBeVisible();
  await expect(page).toHaveURL(`${host.origin}/partenaires/charte`);
});

test('charter: the draft is kept when the tab changes, a new draft can be abandoned, a mistaken signature cancelled', async ({ page }) => {
  await openAs(page, '/partenaires/charte');
  const tabs = page.getByRole('navigation', { name: 'Partenaires' });
  const textBox = page.getByLabel('Texte du projet');
  await textBox.fill(`${await textBox.inputValue()}\n\nArticle 9 — Ajout en cours de rédaction`);
  await expect(page.getByText('Projet enregistré.')).toBeVisible();
  await tabs.getByRole('link', { name: 'Membres' }).click();
  await tabs.getByRole('link', { name: 'Charte éthique' }).click();
  await expect(page.getByLabel('Texte du projet')).toHaveValue(/Article 9 — Ajout en cours de rédaction/);
  // Typed, then the tab changed at once: saved on the way out.
  await page.getByLabel('Texte du projet').fill(`${await page.getByLabel('Texte du projet').inputValue()} et complété`);
  await tabs.getByRole('link', { name: 'Structures' }).click();
  await tabs.getByRole('link', { name: 'Charte éthique' }).click();
  await expect(page.getByLabel('Texte du projet')).toHaveValue(/et complété/);

  await page.getByRole('button', { name: 'Adopter la version 1' }).click();
  await page.getByRole('dialog', { name: 'Adopter la version 1' }).getByRole('button', { name: 'Adopter' }).click();
  await expect(page.getByText('Version 1 adoptée : chaque membre doit la signer.')).toBeVisible();
  await page.getByRole('button', { name: 'Préparer une nouvelle version' }).click();
  await page.getByRole('button', { name: 'Abandonner ce projet' }).click();
  await page
    .getByRole('dialog', { name: 'Abandonner le projet de version 2' })
    .getByRole('button', { name: 'Abandonner le projet' })
    .click();
  await expect(page.getByText('Projet abandonné : la version 1 reste en vigueur.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Projet de version 2' })).toHaveCount(0);

  // A structure and a member to sign, through the API of the page itself.
  await page.evaluate(async () => {
    const s = await window.clsm.partners.saveStructure({
      name: 'GEM Le Bon Accueil',
      sector: 'association_usagers_aidants',
      address: '',
      conventionSignedOn: null,
      conventionSignatory: null,
    });
    if (!s.ok) throw new Error(s.error.message);
    const m = await window.clsm.partners.saveMember({
      structureId: s.value.id,
      lastName: 'Weber',
      firstName: 'Anaïs',
      function: '',
      category: 'representant_usagers_aidants',
      email: '',
      phone: '',
      membership: 'invited',
    });
    if (!m.ok) throw new Error(m.error.message);
  });
  await page.reload();
  await page.getByRole('button', { name: 'Enregistrer la signature d’Anaïs Weber' }).click();
  await page
    .getByRole('dialog', { name: 'Enregistrer la signature de la charte' })
    .getByRole('button', { name: 'Enregistrer la signature' })
    .click();
  await expect(page.getByText('Signature d’Anaïs Weber enregistrée.')).toBeVisible();
  await page.getByRole('button', { name: 'Annuler la signature d’Anaïs Weber' }).click();
  const dialog = page.getByRole('dialog', { name: 'Annuler une signature' });
  await dialog.getByRole('button', { name: 'Annuler la signature' }).click();
  await expect(dialog.getByText('Indiquez pourquoi la signature est annulée.')).toBeVisible();
  await dialog.getByLabel('Motif de l’annulation').fill('Enregistrée sur la mauvaise fiche');
  await dialog.getByRole('button', { name: 'Annuler la signature' }).click();
  await expect(page.getByText('Signature d’Anaïs Weber annulée : elle reste dans l’historique avec son motif.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Enregistrée sur la mauvaise fiche' })).toContainText('Annulée le');
  await expect(page.getByRole('button', { name: 'Enregistrer la signature d’Anaïs Weber' })).toBeVisible();
  await expectAccessible(page, 'Charte (signature annulée)');
  await snap(page, '23-signature-annulee');
});

test('keyboard and small screens: a skip link, focus back to the opener, dialog buttons in view at 1366×768', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openAs(page, '/partenaires/membres');
  await expect(page.getByRole('heading', { name: 'Membres' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#contenu')).toBeFocused();

  const opener = page.getByRole('button', { name: 'Nouveau membre' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Nouveau membre' });
  await expect(dialog.getByRole('button', { name: 'Enregistrer' })).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeInViewport();
  await page.screenshot({ path: join(SCREENSHOTS, '24-dialogue-1366x768.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('a long directory is shown a page at a time', async ({ page }) => {
  await openAs(page, '/partenaires/import-export');
  const folder = mkdtempSync(join(tmpdir(), 'clsm-csv-'));
  const file = join(folder, 'grand-annuaire.csv');
  const lines = Array.from({ length: 120 }, (_, i) => `Association de quartier n° ${String(i + 1).padStart(3, '0')};Autre;Metz;;;;;;;;;`);
  writeFileSync(file, [HEADER, ...lines].join('\r\n'));
  await page.getByLabel('Fichier CSV à importer').setInputFiles(file);
  await page.getByRole('button', { name: 'Importer 120 lignes' }).click();
  await expect(page.getByText(/Import terminé : 120 structures/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Partenaires' }).getByRole('link', { name: 'Structures' }).click();
  const pages = page.getByRole('navigation', { name: 'Pages des structures' });
  await expect(pages).toContainText(/1–50 sur 12\d/);
  await expect(page.getByRole('row').filter({ hasText: 'Association de quartier n°' })).toHaveCount(50);
  await pages.getByRole('button', { name: 'Page suivante' }).click();
  await expect(pages).toContainText(/51–100 sur 12\d/);
  await expect(page.getByRole('row').filter({ hasText: 'n° 051' })).toHaveCount(1);
  await page.getByLabel('Rechercher').fill('n° 119');
  await expect(page.getByRole('row').filter({ hasText: 'Association de quartier n°' })).toHaveCount(1);
  await expect(pages).toHaveCount(0);
  await expectAccessible(page, 'Structures (longue liste)');
});

test('the audit journal reads in French: actions, objects by name, outcomes, domains, and a reversed range explained', async ({ page }) => {
  await openAs(page, '/partenaires/structures');
  await page.getByRole('button', { name: 'Nouvelle structure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle structure' });
  await dialog.getByLabel('Nom de la structure').fill('DDETS de la Moselle');
  await dialog.getByLabel('Secteur').selectOption({ label: 'DDETS' });
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Structure « DDETS de la Moselle » enregistrée.')).toBeVisible();

  await page.goto(`${host.origin}/administration/journal`);
  await page.getByLabel('Domaine').selectOption({ label: 'Partenaires' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Structure « DDETS de la Moselle »' });
  await expect(row.first()).toContainText('Création d’une structure');
  await expect(row.first()).toContainText('Réussi');
  await expect(page.locator('table')).not.toContainText(/partners\.|code=|structure \d/);
  await page.getByLabel('Du', { exact: true }).fill('2026-03-10');
  await page.getByLabel('Au', { exact: true }).fill('2026-03-01');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('alert')).toHaveText('La date de début doit précéder la date de fin.');
  await expectAccessible(page, 'Journal d’audit (partenaires)');
  await snap(page, '25-journal-partenaires');
});
