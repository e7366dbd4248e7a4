import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import { expectAccessible, Host, initialisedDataDir, seedEligibleSituation, snap, startHost, unlock } from './support';

// Typed in forms and never saved: found again after a lock or a reload, never in clear on disk.
const MARKER = 'Expulsion annoncée rue des Quetsches-7731';
const day = today(systemClock);

/** The database files as bytes: the marker must not be readable in them. */
function onDisk(dataDir: string): string {
  return ['clsm.db', 'clsm.db-wal']
    .map((f) => join(dataDir, f))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

test.describe('after an auto-lock', () => {
  let host: Host;
  test.beforeAll(async () => {
    // Locks after 30 s idle: the warning shows from the start (less than a minute left).
    host = await startHost({ dataDir: initialisedDataDir(), autoLockSeconds: 30 });
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('a referral being typed comes back after the lock, with a warning before it; leaving asks first', async ({ page }) => {
    await page.goto(host.url);
    await unlock(page, COORDINATOR.login, COORDINATOR.password);
    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
    await seedEligibleSituation(page, day);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Situations' }).click();
    await page.getByRole('link', { name: 'Nouvelle saisine' }).click();
    await page.getByLabel('Tranche d’âge').selectOption('26_35');
    await page.getByLabel('Question posée à la Commission').fill(MARKER);
    await page.getByLabel('Nom de la personne', { exact: true }).fill('Weber');

    // Leaving by a link asks first; declined, the page stays.
    page.once('dialog', (confirm) => {
      expect(confirm.message()).toContain('gardées en brouillon');
      void confirm.dismiss();
    });
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
    await expect(page.getByRole('heading', { name: 'Nouvelle saisine' })).toBeVisible();

    // The lock is announced, then comes.
    const warning = page.getByRole('alert').filter({ hasText: 'Verrouillage dans' });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole('button', { name: 'Continuer' })).toBeVisible();
    await snap(page, '90-avertissement-verrouillage');
    await expect(page.getByRole('button', { name: 'Déverrouiller', exact: true })).toBeVisible({ timeout: 60_000 });
    expect(onDisk(host.dataDir)).not.toContain('Quetsches-7731');

    await unlock(page, COORDINATOR.login, COORDINATOR.password);
    await expect(page.getByRole('heading', { name: 'Nouvelle saisine' })).toBeVisible();
    await expect(page.getByText(/Brouillon du \d\d\/\d\d\/\d{4} .* restauré/)).toBeVisible();
    await expect(page.getByLabel('Question posée à la Commission')).toHaveValue(MARKER);
    await expect(page.getByLabel('Nom de la personne', { exact: true })).toHaveValue('Weber');
    await expect(page.getByLabel('Tranche d’âge')).toHaveValue('26_35');
    await expectAccessible(page, 'Brouillon restauré');
    await snap(page, '91-brouillon-restaure');
    await page.getByRole('alert').filter({ hasText: 'Verrouillage dans' }).getByRole('button', { name: 'Continuer' }).click();

    // Abandoned on purpose: asked first, then the form is empty again and stays so.
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByRole('heading', { name: 'Situations', exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Nouvelle saisine' }).click();
    await expect(page.getByLabel('Question posée à la Commission')).toHaveValue('');
    await expect(page.getByText(/restauré/)).toHaveCount(0);
  });
});

test.describe('after a reload', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ dataDir: initialisedDataDir() });
  });
  test.afterAll(async () => {
    await host.stop();
  });

  test('a consent being recorded comes back; an oversized scan blocks the save until it is dealt with', async ({ page }) => {
    await page.goto(host.url);
    await unlock(page, COORDINATOR.login, COORDINATOR.password);
    await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
    const seeded = await seedEligibleSituation(page, day);
    await page.goto(new URL(`/situations/${seeded.situationId}`, host.url).href);
    await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    let consent = page.getByRole('dialog', { name: `Consentement de la personne — ${seeded.code}` });
    await consent.getByLabel('Travailleur social').check();
    await consent.getByLabel('Ce qui peut être partagé de son identité').selectOption('first_name');
    await consent.getByLabel('Souhait de la personne pour la séance').selectOption('attend');
    // The draft is saved half a second after the last change.
    await expect
      .poll(() => page.evaluate((key) => window.clsm.drafts.get({ key }), `consent:${seeded.situationId}`))
      .toMatchObject({
        ok: true,
        value: { key: `consent:${seeded.situationId}` },
      });

    await page.reload();
    await page.goto(new URL(`/situations/${seeded.situationId}`, host.url).href);
    await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    consent = page.getByRole('dialog', { name: `Consentement de la personne — ${seeded.code}` });
    await expect(consent.getByText(/Brouillon du .* restauré/)).toBeVisible();
    await expect(consent.getByLabel('Ce qui peut être partagé de son identité')).toHaveValue('first_name');
    await expect(consent.getByLabel('Travailleur social')).toBeChecked();

    // A 20 MB scan: refused beside its field, which takes the focus; the save waits.
    for (const item of await consent.getByRole('group', { name: 'Informations données à la personne' }).getByRole('checkbox').all())
      await item.check();
    const picker = consent.getByLabel(/Formulaire signé, numérisé/);
    await picker.setInputFiles({ name: 'scan-lourd.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(20 * 1024 * 1024, 0x25) });
    await expect(consent.getByText(/Le fichier « scan-lourd.pdf » pèse 20 Mo : 10 Mo au plus/)).toBeVisible();
    await expect(picker).toBeFocused();
    await expectAccessible(page, 'Scan refusé');
    await snap(page, '92-scan-refuse');
    await consent.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    await expect(consent).toBeVisible();
    await expect(picker).toBeFocused();
    await consent.getByRole('button', { name: 'Enregistrer sans formulaire scanné' }).click();
    await consent.getByRole('button', { name: 'Enregistrer le consentement' }).click();
    await expect(page.getByText(/Consentement enregistré, sans formulaire scanné\./)).toBeVisible();
    // Saved: the draft is gone.
    expect(await page.evaluate((key) => window.clsm.drafts.get({ key }), `consent:${seeded.situationId}`)).toEqual({
      ok: true,
      value: null,
    });
  });
});
