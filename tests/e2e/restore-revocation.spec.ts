import { expect, Page, test } from '@playwright/test';
import { ANIMATEUR, COORDINATOR } from '../fixtures/people';
import { createAccount, expectAccessible, Host, hostWithShare, snap, unlock } from './support';

let host: Host;
let share: string;
test.beforeAll(async () => {
  ({ host, share } = await hostWithShare());
});
test.afterAll(async () => {
  await host.stop();
});

/** « Changer la clé de chiffrement » confirmed, its temporary passwords and recovery key acknowledged. */
async function changeKey(page: Page): Promise<void> {
  const rotate = page.getByRole('dialog', { name: 'Changer la clé de chiffrement' });
  await rotate.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await rotate.getByRole('button', { name: 'Changer la clé' }).click();
  await expect(page.getByRole('heading', { name: 'Nouvelle clé de chiffrement' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('J’ai imprimé la fiche de récupération et je la conserve en lieu sûr.').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
}

test('a backup older than a departure: restored, it names the user, and the key must be changed before anything else', async ({ page }) => {
  await page.goto(host.url);
  await unlock(page, COORDINATOR.login, COORDINATOR.password);
  const mainNav = page.getByRole('navigation', { name: 'Navigation principale' });
  const adminNav = page.getByRole('navigation', { name: 'Administration' });
  await mainNav.getByRole('link', { name: 'Administration' }).click();
  await createAccount(page, ANIMATEUR, 'animateur');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Dossier de sauvegarde (partage de l’hôpital)').fill(share);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Paramètres enregistrés.')).toBeVisible();

  // A backup while the animateur is still there.
  await adminNav.getByRole('link', { name: 'Sauvegardes' }).click();
  await page.getByRole('button', { name: 'Sauvegarder maintenant…' }).click();
  const backup = page.getByRole('dialog', { name: 'Sauvegarder la base' });
  await backup.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await backup.getByRole('button', { name: 'Sauvegarder' }).click();
  await expect(page.getByText(/Sauvegarde faite et vérifiée : clsm-sauvegarde-/)).toBeVisible();

  // The animateur leaves: disabled, and the key changed.
  await adminNav.getByRole('link', { name: 'Utilisateurs' }).click();
  await page.getByRole('button', { name: `Désactiver ${ANIMATEUR.displayName}` }).click();
  const disable = page.getByRole('dialog', { name: 'Désactiver le compte' });
  await disable.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await disable.getByRole('button', { name: 'Désactiver' }).click();
  await page.getByRole('button', { name: 'Changer la clé maintenant' }).click();
  await changeKey(page);

  // The older backup restored: the app says what it brought back and what it did about it.
  await adminNav.getByRole('link', { name: 'Sauvegardes' }).click();
  await page.getByRole('button', { name: 'Restaurer…' }).click();
  const restore = page.getByRole('dialog', { name: 'Restaurer une sauvegarde' });
  await restore.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await restore.getByRole('button', { name: 'Remplacer la base par cette sauvegarde' }).click();
  await expect(page.getByText(/Sauvegarde restaurée\./)).toContainText(
    `cette sauvegarde est antérieure à un changement de clé de chiffrement ; ces comptes, désactivés depuis, le sont à nouveau : ${ANIMATEUR.displayName}`,
  );

  // The departed user's password opens nothing.
  await unlock(page, ANIMATEUR.login, ANIMATEUR.password);
  await expect(page.getByText('Identifiant ou mot de passe incorrect.')).toBeVisible();
  await page.waitForTimeout(1100); // the throttle's first delay

  // The coordinator is led to the key change, and to nothing else.
  await unlock(page, COORDINATOR.login, COORDINATOR.password);
  await expect(page.getByRole('heading', { name: 'Changement de clé obligatoire' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: ANIMATEUR.displayName })).toBeVisible();
  await expect(mainNav.getByRole('link', { name: 'Situations' })).toHaveCount(0);
  await expectAccessible(page, 'Changement de clé obligatoire');
  await snap(page, '58-changement-de-cle-obligatoire');
  await page.getByRole('button', { name: 'Changer la clé de chiffrement' }).click();
  await changeKey(page);
  await expect(page.getByRole('heading', { name: 'Changement de clé obligatoire' })).toHaveCount(0);
  await expect(mainNav.getByRole('link', { name: 'Administration' })).toBeVisible();
});
