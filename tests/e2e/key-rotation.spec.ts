import { expect, test } from '@playwright/test';
import { ANIMATEUR, COORDINATOR, SECRETARY } from '../fixtures/people';
import { createAccount, expectAccessible, Host, initialisedDataDir, snap, startHost, unlock } from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});

test('a user leaves: the app offers to change the encryption key, hands on the temporary passwords and the new recovery key', async ({
  page,
}) => {
  await page.goto(host.url);
  await unlock(page, COORDINATOR.login, COORDINATOR.password);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { name: 'Utilisateurs' })).toBeVisible();
  await createAccount(page, SECRETARY, 'secretariat');
  await createAccount(page, ANIMATEUR, 'animateur');

  // The secretariat leaves: disabled, then the key change is offered at once.
  await page.getByRole('button', { name: `Désactiver ${SECRETARY.displayName}` }).click();
  const disable = page.getByRole('dialog', { name: 'Désactiver le compte' });
  await disable.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await disable.getByRole('button', { name: 'Désactiver' }).click();
  await expect(page.getByText(`Compte de « ${SECRETARY.displayName} » désactivé.`)).toBeVisible();
  await expect(page.getByText(/une copie ancienne du trousseau ouvrirait encore la base avec son mot de passe/)).toBeVisible();
  await expectAccessible(page, 'Proposition de changer la clé');
  await snap(page, '53b-proposition-changer-la-cle');
  await page.getByRole('button', { name: 'Changer la clé maintenant' }).click();
  const rotate = page.getByRole('dialog', { name: 'Changer la clé de chiffrement' });
  await expect(rotate).toContainText('Votre mot de passe reste le même.');
  await expectAccessible(page, 'Changer la clé de chiffrement');
  await rotate.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await rotate.getByRole('button', { name: 'Changer la clé' }).click();

  // Shown once: the animateur's temporary password and the new recovery key.
  await expect(page.getByRole('heading', { name: 'Nouvelle clé de chiffrement' })).toBeVisible({ timeout: 30_000 });
  const row = page.getByRole('row').filter({ hasText: ANIMATEUR.login });
  await expect(row).toContainText(ANIMATEUR.displayName);
  const temporary = (await row.getByRole('cell').nth(2).textContent())!.trim();
  expect(temporary).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/);
  await expect(page.getByRole('row').filter({ hasText: SECRETARY.login })).toHaveCount(0);
  expect((await page.getByLabel('Clé de récupération').textContent())!.trim()).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await expectAccessible(page, 'Nouvelle clé de chiffrement');
  await snap(page, '54-nouvelle-cle-de-chiffrement');
  await page.getByLabel('J’ai imprimé la fiche de récupération et je la conserve en lieu sûr.').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Clé de chiffrement changée ; nouvelle clé de récupération conservée.')).toBeVisible();

  // The animateur opens with the temporary password and must choose their own at once.
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await unlock(page, ANIMATEUR.login, ANIMATEUR.password);
  await expect(page.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible();
  await page.waitForTimeout(1100); // the throttle's first delay
  await unlock(page, ANIMATEUR.login, temporary);
  await expect(page.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
});
