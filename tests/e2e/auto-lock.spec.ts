import { expect, test } from '@playwright/test';
import { COORDINATOR } from '../fixtures/people';
import { expectAccessible, Host, initialisedDataDir, snap, startHost } from './support';

let host: Host;
test.beforeAll(async () => {
  // Initialised by the admin CLI, as hospital IT would; the dev host locks after 5 s idle.
  host = await startHost({ dataDir: initialisedDataDir(), autoLockSeconds: 5 });
});
test.afterAll(async () => {
  await host.stop();
});

test('auto-lock after inactivity empties the page and returns to the unlock screen', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('cell', { name: COORDINATOR.displayName, exact: true })).toBeVisible();

  // No input for a while: the main process locks, the page notices and drops everything.
  await expect(page.getByRole('button', { name: 'Déverrouiller', exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('L’application a été verrouillée (inactivité ou verrouillage du poste).')).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('Marchal');
  expect(text).not.toContain('CH de Jury');
  expect(new URL(page.url()).pathname).toBe('/');
  expect(await page.evaluate(() => window.clsm.users.list({}))).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
  await expectAccessible(page, 'Verrouillage automatique');
  await snap(page, '09-verrouillage-automatique');
});
