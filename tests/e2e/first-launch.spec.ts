import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, Page, test } from '@playwright/test';
import { COORDINATOR, ESTABLISHMENT, SECRETARY } from '../fixtures/people';
import { expectAccessible, Host, SCREENSHOTS, snap, startHost, unlock } from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

const menu = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link');

test('first launch, users, roles, locking and a wrong password — in French, end to end', async ({ page }) => {
  // — Initialisation —
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Initialisation' })).toBeVisible();
  expect((await page.request.get(`${host.origin}/favicon.ico`)).status()).toBe(200); // the app has its icon: no 404
  await expectAccessible(page, 'Initialisation');
  await snap(page, '01-initialisation');
  await page.getByLabel('Nom de l’établissement').fill(ESTABLISHMENT);
  await page.getByLabel('Votre nom affiché').fill(COORDINATOR.displayName);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill('trop-court');
  await page.getByLabel('Confirmation du mot de passe').fill('trop-court');
  await page.getByRole('button', { name: 'Initialiser' }).click();
  await expect(page.getByText('Le mot de passe doit contenir au moins 12 caractères.')).toBeVisible();
  await expect(page.getByLabel('Votre nom affiché')).toHaveValue(COORDINATOR.displayName); // nothing lost
  await expectAccessible(page, 'Initialisation avec erreurs');
  await page.getByLabel('Mot de passe', { exact: true }).fill(COORDINATOR.password);
  await page.getByLabel('Confirmation du mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Initialiser' }).click();

  // — Recovery key, shown once, with its printable sheet —
  await expect(page.getByRole('heading', { name: 'Clé de récupération' })).toBeVisible();
  const recoveryKey = (await page.getByLabel('Clé de récupération').textContent())!.trim();
  expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await expectAccessible(page, 'Clé de récupération');
  await snap(page, '02-cle-de-recuperation');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Enregistrer la fiche de récupération (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('fiche-de-recuperation-commission-clsm.pdf');
  const sheet = join(SCREENSHOTS, 'fiche-de-recuperation.pdf');
  await download.saveAs(sheet);
  const sheetText = execFileSync('pdftotext', ['-layout', sheet, '-'], { encoding: 'utf8' });
  expect(sheetText).toContain('Fiche de récupération');
  expect(sheetText).toContain(recoveryKey);
  await expect(page.getByRole('button', { name: 'Continuer' })).toBeDisabled();

  // — A reload before confirming: the key cannot be shown again, a new one must be made —
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Clé de récupération à conserver' })).toBeVisible();
  await expect(menu(page)).toHaveText(['Tableau de bord']);
  await expectAccessible(page, 'Clé de récupération à conserver');
  await page.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Générer une nouvelle clé de récupération' }).click();
  const newKey = (await page.getByLabel('Clé de récupération').textContent())!.trim();
  expect(newKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  expect(newKey).not.toBe(recoveryKey);
  const proceed = page.getByRole('button', { name: 'Continuer' });
  await expect(proceed).toBeDisabled();
  await page.getByLabel('J’ai imprimé la fiche de récupération et je la conserve en lieu sûr.').check();
  await proceed.click();

  // — Signed in as the coordinator —
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await expect(menu(page)).toHaveText([
    'Tableau de bord',
    'Partenaires',
    'Situations',
    'Commissions',
    'Instances du CLSM',
    'Formation croisée',
    'Évaluation',
    'Administration',
  ]);
  await expect(page.getByRole('button', { name: 'Verrouiller' })).toBeVisible();
  await expectAccessible(page, 'Tableau de bord');
  await snap(page, '04-tableau-de-bord');

  // — Every menu entry opens, the lock button stays there —
  for (const [entry, heading] of [
    ['Partenaires', 'Partenaires'],
    ['Situations', 'Situations'],
    ['Commissions', 'Commissions'],
    ['Instances du CLSM', 'Réunions du CLSM'],
    ['Formation croisée', 'Ateliers et stages croisés'],
    ['Évaluation', 'Évaluation'],
  ]) {
    await menu(page).filter({ hasText: entry }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verrouiller' })).toBeVisible();
  }
  await expectAccessible(page, 'Évaluation (année sans activité)');

  // — Administration › Utilisateurs: create a secretariat user —
  await menu(page).filter({ hasText: 'Administration' }).click();
  await expect(page.getByRole('heading', { name: 'Utilisateurs' })).toBeVisible();
  await expectAccessible(page, 'Utilisateurs');
  await page.getByLabel('Nom affiché').fill(SECRETARY.displayName);
  await page.getByLabel('Identifiant').fill(SECRETARY.login);
  await page.getByLabel('Rôle', { exact: true }).selectOption('secretariat');
  await page.getByLabel('Mot de passe initial', { exact: true }).fill(SECRETARY.password);
  await page.getByLabel('Confirmation du mot de passe initial').fill(SECRETARY.password);
  await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Créer l’utilisateur' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'Confirmation par mot de passe');
  await dialog.getByLabel('Votre mot de passe (confirmation)').fill('pas-mon-mot-de-passe');
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await expect(dialog.getByText('Mot de passe de confirmation incorrect.')).toBeVisible();
  await expect(dialog.getByText(/Nouvel essai possible dans 1 s\./)).toBeVisible(); // throttled like an unlock
  await dialog.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByText(`Utilisateur « ${SECRETARY.displayName} » créé.`)).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: SECRETARY.login });
  await expect(row).toContainText('Secrétariat');
  await expect(row).toContainText('Actif');
  await snap(page, '05-utilisateurs');

  // — Journal d'audit and Paramètres —
  await page.getByRole('link', { name: 'Journal d’audit' }).click();
  await expect(page.getByRole('heading', { name: 'Journal d’audit' })).toBeVisible();
  const creations = page.getByRole('row').filter({ hasText: 'Création d’un utilisateur' });
  await expect(creations.filter({ hasText: 'Réussi' })).toHaveCount(1);
  await expect(creations.filter({ hasText: 'Refusé' })).toContainText('Mot de passe de confirmation incorrect'); // the wrong confirmation, in words
  await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
  await expect(page.getByText(/Journal intègre : \d+ événements vérifiés\./)).toBeVisible();
  await page.getByLabel('Domaine').selectOption('users');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByRole('cell', { name: 'Déverrouillage', exact: true })).toHaveCount(0);
  await expectAccessible(page, 'Journal d’audit');
  await snap(page, '06-journal-audit');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await expect(page.getByLabel('Verrouillage automatique après (minutes d’inactivité)')).toHaveValue('10');
  await expectAccessible(page, 'Paramètres');
  await page.getByRole('link', { name: /Françoise Marchal/ }).click();
  await expect(page.getByRole('heading', { name: 'Mon compte' })).toBeVisible();
  await expectAccessible(page, 'Mon compte');

  // — Lock: back to the unlock screen, nothing left on the page —
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByRole('button', { name: 'Déverrouiller', exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Marchal');
  await expect(page.locator('body')).not.toContainText(SECRETARY.login);

  // — The secretariat sees a reduced menu, and the main process refuses the rest —
  await unlock(page, SECRETARY.login, SECRETARY.password);
  // The coordinator set this password: the secretariat chooses its own before anything else.
  await expect(page.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
  await expect(menu(page)).toHaveText(['Tableau de bord']);
  expect(await page.evaluate(() => window.clsm.partners.listStructures({}))).toMatchObject({
    ok: false,
    error: { code: 'PASSWORD_CHANGE_REQUIRED' },
  });
  await expectAccessible(page, 'Choix du mot de passe');
  await snap(page, '07a-choisir-son-mot-de-passe');
  await page.getByLabel('Mot de passe reçu').fill(SECRETARY.password);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(SECRETARY.password);
  await page.getByLabel('Confirmation du nouveau mot de passe').fill(SECRETARY.password);
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Le nouveau mot de passe doit être différent de l’actuel.')).toBeVisible();
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Porte-des-Allemands-1230');
  await page.getByLabel('Confirmation du nouveau mot de passe').fill('Porte-des-Allemands-1230');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  // No Commissions: an agenda, a session and its actions are case content.
  await expect(menu(page)).toHaveText(['Tableau de bord', 'Partenaires', 'Situations', 'Instances du CLSM', 'Formation croisée']);
  await expectAccessible(page, 'Tableau de bord (secrétariat)');
  await snap(page, '07-secretariat');
  // Situations: the registry only (codes, dates, states); the content is refused by the main process.
  await expect(page.getByText('Le registre des situations : codes, dates et états, sans leur contenu.')).toBeVisible();
  await menu(page).filter({ hasText: 'Situations' }).click();
  await expect(page.getByRole('heading', { name: 'Registre des situations' })).toBeVisible();
  await expectAccessible(page, 'Registre des situations (secrétariat)');
  expect(await page.evaluate(() => window.clsm.situations.page({}))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await page.evaluate(() => window.clsm.meetings.list({}))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const refused = await page.evaluate(() => window.clsm.users.list({}));
  expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Votre rôle ne permet pas cette action.' } });
  await page.goto(`${host.origin}/administration/utilisateurs`);
  await expect(page.getByText('Cette rubrique est réservée à la coordination.')).toBeVisible();
  await page.getByRole('button', { name: 'Verrouiller' }).click();

  // — A wrong password: the message and the waiting delay —
  await unlock(page, SECRETARY.login, 'ce-n-est-pas-le-bon');
  await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
  await expect(page.getByText(/Nouvel essai possible dans [12] s\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Déverrouiller', exact: true })).toBeDisabled();
  await expectAccessible(page, 'Déverrouillage refusé');
  await snap(page, '08-mot-de-passe-incorrect');
  await unlock(page, SECRETARY.login, 'encore-une-erreur');
  await expect(page.getByText(/Nouvel essai possible dans 2 s\./)).toBeVisible();

  // — Forgotten password: the recovery key sets a new one for the coordinator —
  await page.getByRole('button', { name: /clé de récupération/ }).click();
  await expect(page.getByRole('heading', { name: 'Déverrouiller avec la clé de récupération' })).toBeVisible();
  await expectAccessible(page, 'Récupération');
  await page.waitForTimeout(2100); // the throttle applies to recovery attempts too
  await page.getByLabel('Clé de récupération').fill(newKey.toLowerCase().replaceAll('-', ' '));
  await page.getByLabel('Identifiant (coordination)').fill(COORDINATOR.login);
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Esplanade-de-Metz-2026');
  await page.getByLabel('Confirmation du nouveau mot de passe').fill('Esplanade-de-Metz-2026');
  await page.getByRole('button', { name: 'Déverrouiller et changer le mot de passe' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByText(COORDINATOR.displayName).first()).toBeVisible();

  // The key left its envelope: a banner asks for a new one until it is made.
  const banner = page.getByRole('status').filter({ hasText: 'La clé de récupération a servi le' });
  await expect(banner).toContainText('elle n’est plus secrète');
  await expectAccessible(page, 'Clé de récupération utilisée');
  await snap(page, '08b-cle-de-recuperation-utilisee');
  await banner.getByRole('link', { name: 'Générer une nouvelle clé' }).click();
  await expect(page.getByRole('heading', { name: 'Clé de récupération' })).toBeFocused();
  await page.getByRole('button', { name: 'Générer une nouvelle clé de récupération…' }).click();
  await page.getByLabel('Votre mot de passe (confirmation)').fill('Esplanade-de-Metz-2026');
  await page.getByRole('button', { name: 'Générer une nouvelle clé de récupération' }).click();
  await page.getByLabel('J’ai imprimé la fiche de récupération et je la conserve en lieu sûr.').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Nouvelle clé de récupération conservée. L’ancienne ne fonctionne plus.')).toBeVisible();
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await expect(banner).toHaveCount(0);

  // The database on disk never shows the names typed in the browser.
  for (const file of ['clsm.db', 'clsm.keyring.json']) {
    const bytes = readFileSync(join(host.dataDir, file));
    expect(bytes.includes(Buffer.from(SECRETARY.displayName))).toBe(false);
  }
});
