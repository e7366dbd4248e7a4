import { expect, test } from '@playwright/test';
import { systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import { consentAndMeeting, expectAccessible, Host, initialisedDataDir, seedEligibleSituation, snap, startHost, unlock } from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});

const day = today(systemClock);

test('the law at every door: a name refused in the question, stale convocations reprinted, an excluded member kept out during their item', async ({
  page,
}) => {
  await page.goto(host.url);
  await unlock(page, COORDINATOR.login, COORDINATOR.password);
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  const seeded = await seedEligibleSituation(page, day);
  const { code } = seeded;
  const meetingId = await consentAndMeeting(page, day, seeded, { identitySharing: 'code', attendance: 'not_attend' });

  // — The neutral question starts from the referral's; the person's name is refused, the field named —
  await page.goto(new URL(`/commissions/${meetingId}/ordre-du-jour`, host.url).href);
  await page.getByRole('button', { name: 'Inscrire une situation' }).click();
  await page.getByLabel('Situation', { exact: true }).selectOption({ label: `${code} — CCAS de Woippy (Recevable)` });
  const question = page.getByLabel(/Question posée à la Commission/);
  await expect(question).toHaveValue('Comment maintenir la personne dans son logement ?');
  await question.fill('Comment maintenir Mme Sylvie Hœrner dans son logement ?');
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(question).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/retirez le nom de la personne \(« Hœrner », « Sylvie »\)/)).toBeVisible();
  await expectAccessible(page, 'Question refusée (nom de la personne)');
  await snap(page, '55-question-nom-refuse');
  await question.fill('Comment maintenir la personne dans son logement ?');
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByText(`Situation ${code} inscrite à l’ordre du jour.`)).toBeVisible();

  // — Convened and printed; then the question changes: two convocations are stale, the landlord's is not —
  await page.getByRole('link', { name: 'Convocations et documents' }).click();
  await page.getByRole('button', { name: 'Convoquer les membres cochés' }).click();
  await expect(page.getByText('3 membres convoqués.')).toBeVisible();
  const all = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Toutes les convocations (un fichier à imprimer)' }).click();
  await all;
  await page.getByRole('link', { name: 'Ordre du jour', exact: true }).click();
  await page.getByRole('button', { name: `Modifier ${code}` }).click();
  await page.getByLabel(/Question posée à la Commission/).fill('Quel accompagnement vers le soin ?');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText(`Point ${code} modifié.`)).toBeVisible();
  await page.getByRole('link', { name: 'Convocations et documents' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'L’ordre du jour a changé depuis l’impression de 2 convocations' });
  await expect(notice).toContainText('Anne Klein (CCAS de Woippy)');
  await expect(notice).toContainText('Stéphane Kessler-Lentz (CMP de Metz-Queuleu)');
  await expect(notice).not.toContainText('Karim Benali');
  await expectAccessible(page, 'Convocations à réimprimer');
  await snap(page, '56-convocations-a-reimprimer');
  const reprint = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Réimprimer ces 2 convocations' }).click();
  expect((await reprint).suggestedFilename()).toBe(`convocations-mises-a-jour-${day}.pdf`);
  await expect(notice).toHaveCount(0);

  // — The session: the landlord's officer, absent at the start, arrives during the item —
  await page.getByRole('link', { name: 'Séance', exact: true }).click();
  await page.getByLabel('Présence — Anne Klein').selectOption('present');
  await expect(page.getByText('Présence d’Anne Klein : présent.')).toBeVisible();
  await page.getByRole('link', { name: `Point 1 — ${code}` }).click();
  await page.getByRole('button', { name: 'Ouvrir le point' }).click();
  await expect(page.getByRole('alert')).toContainText('Indiquez si Karim Benali est présent, excusé, absent ou représenté');
  await page.getByRole('link', { name: 'Retour à la séance' }).click();
  await page.getByLabel('Présence — Karim Benali').selectOption('absent');
  await expect(page.getByText('Présence de Karim Benali : absent.')).toBeVisible();
  await page.getByLabel('Présence — Stéphane Kessler-Lentz').selectOption('present');
  await expect(page.getByText('Présence de Stéphane Kessler-Lentz : présent.')).toBeVisible();
  await page.getByRole('link', { name: `Point 1 — ${code}` }).click();
  await page.getByRole('button', { name: 'Ouvrir le point' }).click();
  await expect(page.getByText('Point ouvert : la Commission examine la situation.')).toBeVisible();
  await page.getByRole('link', { name: 'Retour à la séance' }).click();
  await expect(page.getByRole('region', { name: `Dans la salle pour le point en cours (point 1 — ${code})` })).toContainText(
    'Stéphane Kessler-Lentz — CMP de Metz-Queuleu',
  );
  await page.getByLabel('Présence — Karim Benali').selectOption('present');
  const dialog = page.getByRole('dialog', { name: 'Point 1 en cours : Karim Benali ne peut pas entrer' });
  await expect(dialog).toContainText('Karim Benali (Vivest) doit quitter la salle');
  await expectAccessible(page, 'Arrivée hors du périmètre du consentement');
  await snap(page, '57-arrivee-hors-perimetre');
  await dialog.getByLabel(/reste hors de la salle pour le point 1/).check();
  await dialog.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByText('Présence de Karim Benali : présent. Sortie de salle enregistrée pour le point en cours.')).toBeVisible();
  const room = page.getByRole('region', { name: `Dans la salle pour le point en cours (point 1 — ${code})` });
  await expect(room).toContainText('Hors de la salle pour ce point : Karim Benali.');
  await expect(room).not.toContainText('Karim Benali — Vivest');
  await expectAccessible(page, 'Séance — salle du point en cours');

  // — On the item: the owners offered are within the consent —
  await page.getByRole('link', { name: `Point 1 — ${code}` }).click();
  await expect(page.getByRole('region', { name: 'Dans la salle pour ce point (2)' })).toBeVisible();
  const owners = page.getByLabel('Responsable');
  await expect(owners.locator('option', { hasText: 'Anne Klein (CCAS de Woippy)' })).toHaveCount(1);
  await expect(owners.locator('option', { hasText: 'Vivest' })).toHaveCount(0);
  await expect(owners.locator('option', { hasText: 'Karim Benali' })).toHaveCount(0);
  await page.evaluate(() => window.clsm.session.lock({}));
});
