import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import { consentOf } from '../fixtures/situations';
import { expectAccessible, Host, initialisedDataDir, seedEligibleSituation, snap, startHost } from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});

test('G9 and the DPO: a withdrawn consent proposed for erasure, a wrong password kept in the dialog, then erased; the journal exported', async ({
  page,
}) => {
  const day = today(systemClock);
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  const seeded = await seedEligibleSituation(page, day);
  await page.evaluate(
    async ({ consent, situationId, day }) => {
      const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      must(await window.clsm.consents.record(consent));
      must(await window.clsm.consents.withdraw({ situationId, withdrawnOn: day, note: '' }));
    },
    { consent: consentOf(seeded.situationId, seeded.referrerId, { collectedOn: day }), situationId: seeded.situationId, day },
  );
  // The dashboard proposes it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Données à effacer' })).toBeVisible();
  await page.getByRole('link', { name: 'Proposer l’effacement' }).click();

  await expect(page.getByRole('heading', { name: 'Conservation des données', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(seeded.code) })).toContainText('Consentement retiré');
  await expect(page.getByText(/Hors de portée de l’application/)).toBeVisible();
  await page.getByRole('checkbox', { name: `Effacer les données de la situation ${seeded.code}` }).check();
  await expectAccessible(page, 'Conservation des données');
  await snap(page, '51-conservation');
  await page.getByRole('button', { name: 'Effacer les données de 1 situation…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Effacer les données des personnes' });
  await dialog.getByLabel('Votre mot de passe (confirmation)').fill('pas-le-bon');
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(dialog.getByText('Mot de passe de confirmation incorrect.')).toBeVisible();
  await dialog.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await expect(dialog.getByRole('button', { name: 'Effacer définitivement' })).toBeEnabled({ timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();
  await expect(page.getByText(`Données effacées pour 1 situation : ${seeded.code}.`)).toBeVisible();
  await expect(page.getByText('Aucune situation à effacer aujourd’hui.')).toBeVisible();

  // The situation stays, anonymous, and says so.
  await page.goto(new URL(`/situations/${seeded.situationId}/personne`, host.origin).toString());
  await expect(page.getByText(/Les données de la personne ont été effacées le/)).toBeVisible();

  await page.goto(new URL('/administration/journal', host.origin).toString());
  await page.getByLabel('Code de situation (facultatif)').fill(seeded.code);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter le journal (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^journal-audit-${seeded.code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = readFileSync(await file.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Effacement des données de personnes (durée de conservation)');
  expect(csv).not.toContain('Hœrner');
  await expectAccessible(page, 'Journal d’audit (export)');
});
