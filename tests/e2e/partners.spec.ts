import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
// One session per application, as in Electron: each test leaves the app locked for the next.
test.afterEach(async ({ page }) => {
  await page.evaluate(() => window.clsm.session.lock({}));
});

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Partenaires' }).getByRole('link', { name });
const memberRow = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

test('directory and charter: a structure, a member, adoption, signature, a new version flags the member', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Partenaires' }).click();

  // — A structure that signed the convention —
  await expect(page.getByRole('heading', { name: 'Structures partenaires' })).toBeVisible();
  await expectAccessible(page, 'Structures');
  await page.getByRole('button', { name: 'Nouvelle structure' }).click();
  const structureDialog = page.getByRole('dialog', { name: 'Nouvelle structure' });
  await structureDialog.getByLabel('Nom de la structure').fill('CMP de Metz-Sud');
  await structureDialog.getByLabel('Secteur').selectOption('cmp');
  await structureDialog.getByLabel('Adresse').fill('1 rue du Fort Queuleu, 57070 Metz');
  await structureDialog.getByLabel('La structure a signé la convention de partenariat').check();
  await structureDialog.getByLabel('Convention signée le').fill('2026-01-15');
  await structureDialog.getByLabel('Signataire de la convention').fill('Dr Paul Fischer');
  await expectAccessible(page, 'Formulaire de structure');
  await structureDialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Structure « CMP de Metz-Sud » enregistrée.')).toBeVisible();
  await expect(memberRow(page, 'CMP de Metz-Sud')).toContainText('Signée le 15/01/2026 par Dr Paul Fischer');

  // — A member, keyboard only —
  await tab(page, 'Membres').click();
  await expectAccessible(page, 'Membres');
  await page.getByRole('button', { name: 'Nouveau membre' }).focus();
  await page.keyboard.press('Enter');
  const memberDialog = page.getByRole('dialog', { name: 'Nouveau membre' });
  // The dialog opens on its first field, the structure; then the civility, then the name.
  await expect(memberDialog.getByLabel('Structure')).toBeFocused();
  await memberDialog.getByLabel('Structure').selectOption({ label: 'CMP de Metz-Sud' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(memberDialog.getByLabel('Nom', { exact: true })).toBeFocused();
  await page.keyboard.type('Lambert');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Claire');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Infirmière de secteur');
  await memberDialog.getByLabel('Catégorie professionnelle').selectOption('professionnel_sante');
  await memberDialog.getByLabel('Type de membre').selectOption('permanent');
  await memberDialog.getByLabel('Courriel').fill('claire.lambert@cmp-metz.example');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Fiche de Claire Lambert enregistrée.')).toBeVisible();
  await expect(memberRow(page, 'Claire Lambert')).toContainText('Pas de charte adoptée'); // no « À signer » before a charter exists

  // — Adopt the charter, record the signature —
  await tab(page, 'Charte éthique').click();
  await expect(page.getByRole('heading', { name: 'Projet de version 1' })).toBeVisible();
  await expect(page.getByLabel('Texte du projet')).toHaveValue(/Article 3 — Secret professionnel et secret partagé/);
  await expectAccessible(page, 'Charte (projet)');
  await page.getByRole('button', { name: 'Adopter la version 1' }).click();
  const adopt = page.getByRole('dialog', { name: 'Adopter la version 1' });
  await adopt.getByLabel('Date d’adoption').fill('2026-02-01');
  await adopt.getByRole('button', { name: 'Adopter' }).click();
  await expect(page.getByText('Version 1 adoptée : chaque membre doit la signer.')).toBeVisible();
  await expect(page.getByText(/Version 1 en vigueur/)).toBeVisible();
  await memberRow(page, 'Claire Lambert').getByRole('button', { name: 'Enregistrer la signature de Claire Lambert' }).click();
  const sign = page.getByRole('dialog', { name: 'Enregistrer la signature de la charte' });
  await sign.getByLabel('Date de signature').fill('2026-02-03');
  await sign.getByRole('button', { name: 'Enregistrer la signature' }).click();
  await expect(page.getByText('Tous les membres actifs ont signé la version en vigueur.')).toBeVisible();
  await snap(page, '10-charte-signee');

  // — A new version: the member is flagged again —
  await page.getByRole('button', { name: 'Préparer une nouvelle version' }).click();
  await expect(page.getByRole('heading', { name: 'Projet de version 2' })).toBeVisible();
  await page.getByLabel('Texte du projet').press('End');
  await page
    .getByLabel('Texte du projet')
    .fill(
      `${await page.getByLabel('Texte du projet').inputValue()}\n\nArticle 9 — Participation des GEM\nLes groupes d’entraide mutuelle sont invités à chaque séance.`,
    );
  await page.getByRole('button', { name: 'Adopter la version 2' }).click();
  await page.getByRole('dialog', { name: 'Adopter la version 2' }).getByRole('button', { name: 'Adopter' }).click();
  await expect(page.getByText('Version 2 adoptée : chaque membre doit la signer.')).toBeVisible();
  await expect(memberRow(page, 'Claire Lambert')).toContainText('a signé la version 1 de la charte mais pas la version 2 en vigueur');
  await expectAccessible(page, 'Charte (nouvelle version)');
  await snap(page, '11-charte-v2-a-signer');
  await tab(page, 'Membres').click();
  await expect(memberRow(page, 'Claire Lambert')).toContainText('À signer (v2)');

  // — The commitment to sign, prefilled —
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    memberRow(page, 'Claire Lambert').getByRole('button', { name: 'Acte d’engagement (PDF) de Claire Lambert' }).click(),
  ]);
  const pdf = join(SCREENSHOTS, 'acte-engagement.pdf');
  await download.saveAs(pdf);
  expect(download.suggestedFilename()).toBe('acte-engagement-charte-v2-claire-lambert.pdf');
  expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(
    'Je, Claire Lambert, Infirmière de secteur, CMP de Metz-Sud,',
  );
});

test('CSV import: a wrong line blocks everything, a correct file imports', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await page.goto(`${host.origin}/partenaires/import-export`);
  await expect(page.getByRole('heading', { name: 'Import et export de l’annuaire' })).toBeVisible();
  await expectAccessible(page, 'Import / export');

  const header =
    'Structure;Secteur;Adresse;Convention signée le;Signataire de la convention;Nom;Prénom;Fonction;Catégorie;Courriel;Téléphone;Type de membre';
  const folder = mkdtempSync(join(tmpdir(), 'clsm-csv-'));
  const wrong = join(folder, 'annuaire-errone.csv');
  writeFileSync(
    wrong,
    [
      header,
      'CCAS de Metz;CCAS;Metz;;;Klein;Anne;Assistante sociale;Travailleur social;;;Permanent',
      'UDAF 57;Tribunal;Metz;;;;;;;;;',
    ].join('\r\n'),
  );
  await page.getByLabel('Fichier CSV à importer').setInputFiles(wrong);
  await expect(page.getByRole('table', { name: 'Rapport de validation' })).toContainText('secteur « Tribunal » inconnu');
  await expect(page.getByRole('row').filter({ hasText: 'Tribunal' })).toContainText('3');
  await expect(page.getByRole('button', { name: /^Importer/ })).toHaveCount(0);
  await expectAccessible(page, 'Rapport d’import');

  const right = join(folder, 'annuaire.csv');
  writeFileSync(
    right,
    [
      header,
      'CCAS de Metz;CCAS;Metz;;;Klein;Anne;Assistante sociale;Travailleur social;;;Permanent',
      'UDAF 57;Mandataire judiciaire;Metz;;;;;;;;;',
    ].join('\r\n'),
  );
  await page.getByLabel('Fichier CSV à importer').setInputFiles(right);
  await page.getByRole('button', { name: 'Importer 2 lignes' }).click();
  await expect(page.getByText('Import terminé : 2 structures et 1 membre créés.')).toBeVisible();
  await tab(page, 'Membres').click();
  await expect(memberRow(page, 'Anne Klein')).toContainText('CCAS de Metz');
});
