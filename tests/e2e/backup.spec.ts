import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import { expectAccessible, Host, hostWithShare, seedEligibleSituation, snap } from './support';

let host: Host;
let share: string;
test.beforeAll(async () => {
  ({ host, share } = await hostWithShare());
});
test.afterAll(async () => {
  await host.stop();
});

test('backups: the reminder, a backup with its progress, verified, then restored over the base and unlocked again', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  // Never backed up: the reminder is there from the unlock, on the dashboard.
  await expect(page.getByText('Aucune sauvegarde vérifiée n’a encore été faite.')).toBeVisible();
  await seedEligibleSituation(page, today(systemClock));
  const mainNav = page.getByRole('navigation', { name: 'Navigation principale' });

  await mainNav.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Dossier de sauvegarde (partage de l’hôpital)').fill(share);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Paramètres enregistrés.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Sauvegardes' }).click();
  await expect(page.getByRole('heading', { name: 'Sauvegardes', level: 1 })).toBeVisible();
  await expect(page.getByText('Aucune sauvegarde dans ce dossier.')).toBeVisible();
  await page.getByRole('button', { name: 'Sauvegarder maintenant…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sauvegarder la base' });
  await dialog.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await dialog.getByRole('button', { name: 'Sauvegarder' }).click();
  await expect(page.getByText(/Sauvegarde faite et vérifiée : clsm-sauvegarde-/)).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'Sauvegardes');
  await snap(page, '49-sauvegardes');

  // On the share: one folder, the encrypted base, the keyring and the manifest; no name readable.
  const [folder] = readdirSync(share);
  expect(readdirSync(join(share, folder!)).sort()).toEqual(['clsm.db', 'clsm.keyring.json', 'manifest.json']);
  for (const file of readdirSync(join(share, folder!))) {
    expect(readFileSync(join(share, folder!, file)).includes(Buffer.from('Hœrner', 'utf8'))).toBe(false);
  }

  await page.getByRole('button', { name: 'Vérifier…' }).click();
  const verify = page.getByRole('dialog', { name: 'Vérifier une sauvegarde' });
  await verify.getByLabel('Mot de passe de la sauvegarde').fill(COORDINATOR.password);
  await verify.getByRole('button', { name: 'Vérifier' }).click();
  await expect(page.getByText(/vérifiée : empreinte, intégrité/)).toBeVisible();

  // Dashboard: the reminder is gone now that a verified backup exists.
  await mainNav.getByRole('link', { name: 'Tableau de bord' }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await expect(page.getByText('Aucune sauvegarde vérifiée n’a encore été faite.')).toHaveCount(0);

  await mainNav.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Sauvegardes' }).click();
  await page.getByRole('button', { name: 'Restaurer…' }).click();
  const restore = page.getByRole('dialog', { name: 'Restaurer une sauvegarde' });
  await expect(restore.getByText(/sera remplacée/)).toBeVisible();
  await expectAccessible(page, 'Restaurer une sauvegarde');
  await snap(page, '50-restaurer');
  await restore.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await restore.getByRole('button', { name: 'Remplacer la base par cette sauvegarde' }).click();
  await expect(page.getByText(/Sauvegarde restaurée\. La base précédente est gardée/)).toBeVisible();
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  // Back where the restore was asked, on the restored base, which lists the backup it came from.
  await expect(page.getByRole('heading', { name: 'Sauvegardes', level: 1 })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
  expect(readdirSync(host.dataDir).some((name) => name.startsWith('avant-restauration-'))).toBe(true);
});
