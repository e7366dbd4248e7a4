import { execFileSync, spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import { expectAccessible, Host, initialisedDataDir, seedEligibleSituation, snap, startHost } from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});

const CERTIFICATE_PASSWORD = 'Quetsche-Mirabelle-57';
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const flat = (text: string) => text.replace(/\s+/g, ' ');

test('a comité de pilotage: planned, its agenda and invitations, convened, attendance noted, minutes written and signed', async ({
  page,
}) => {
  const day = today(systemClock);
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await seedEligibleSituation(page, day);
  await page.evaluate(
    (password) =>
      window.clsm.signing.create({
        memberId: null,
        commonName: 'Françoise Marchal',
        organization: 'CH de Jury',
        password,
        passwordConfirmation: password,
      }),
    CERTIFICATE_PASSWORD,
  );

  // — Planned —
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Instances du CLSM' }).click();
  await expect(page.getByRole('heading', { name: 'Réunions du CLSM' })).toBeVisible();
  await expect(page.getByText('Aucune réunion du CLSM pour l’instant.')).toBeVisible();
  await expectAccessible(page, 'Réunions du CLSM');
  await page.getByRole('button', { name: 'Nouvelle réunion' }).click();
  await page.getByLabel('Instance', { exact: true }).selectOption({ label: 'Comité de pilotage' });
  await page.getByLabel('Date', { exact: true }).fill(day);
  await page.getByLabel('Heure de fin').fill('13:00');
  await page.getByLabel('Lieu').fill('Hôtel de Ville de Metz, salon de Guise');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('La réunion doit finir après son début.').first()).toBeVisible();
  await page.getByLabel('Heure de fin').fill('16:30');
  await page.getByLabel('Objet (facultatif)').fill('Bilan et perspectives');
  await page.getByLabel('Documents joints (un par ligne)').fill('Diaporama du bilan\nPlan d’action');
  await expectAccessible(page, 'Nouvelle réunion du CLSM');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réunion enregistrée. Ajoutez l’ordre du jour et les invités.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Comité de pilotage du');

  // — The agenda —
  await page.getByRole('button', { name: 'Ajouter un point' }).click();
  await expect(page.getByLabel('Intitulé')).toBeFocused();
  await page.getByLabel('Intitulé').fill('Animation du CLSM');
  await page.getByLabel('Présenté par (facultatif)').fill('La coordination');
  await page.getByRole('button', { name: 'Ajouter un point' }).click();
  await page.getByLabel('Intitulé').nth(1).fill('Bilan des actions');
  await page.getByRole('button', { name: 'Monter le point 2' }).click();
  await expectAccessible(page, 'Ordre du jour du CLSM');
  await page.getByRole('button', { name: 'Enregistrer l’ordre du jour' }).click();
  await expect(page.getByText('Ordre du jour enregistré : 2 points.')).toBeVisible();
  await expect(page.getByLabel('Intitulé').first()).toHaveValue('Bilan des actions');

  // — Invitations: a member, a structure as such, an élue from outside the directory —
  await page.getByRole('link', { name: 'Invités et convocations' }).click();
  await page.getByLabel('Structure de l’annuaire').selectOption({ label: 'CCAS de Woippy' });
  await page.getByLabel('Qui inviter').selectOption({ label: 'Anne Klein' });
  await page.getByRole('button', { name: 'Inviter', exact: true }).click();
  await expect(page.getByText('Invitation enregistrée : Anne Klein.')).toBeVisible();
  await page.getByLabel('Structure de l’annuaire').selectOption({ label: 'Vivest' });
  await page.getByRole('button', { name: 'Inviter', exact: true }).click();
  await expect(page.getByText('Invitation enregistrée : Vivest.')).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle personne hors annuaire…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle personne hors annuaire' });
  await expect(dialog.getByLabel('Catégorie')).toBeFocused();
  await dialog.getByLabel('Catégorie').selectOption({ label: 'Élu' });
  await dialog.getByLabel('Civilité').selectOption({ label: 'Madame' });
  await dialog.getByLabel('Nom', { exact: true }).fill('Vogel');
  await dialog.getByLabel('Prénom').fill('Claire');
  await dialog.getByLabel('Organisation (facultatif)').fill('Ville de Metz');
  await dialog.getByLabel('Fonction ou qualité (facultatif)').fill('Adjointe au maire chargée de la santé');
  await expectAccessible(page, 'Nouvelle personne hors annuaire');
  await dialog.getByRole('button', { name: 'Enregistrer et inviter' }).click();
  await expect(page.getByText('Invitation enregistrée : Claire Vogel.')).toBeVisible();
  const invitees = page.getByRole('table', { name: /Invités/ });
  await expect(invitees.getByRole('row')).toHaveCount(4);
  await expect(invitees).toContainText('Élu');
  await expectAccessible(page, 'Invités et convocations');
  await snap(page, '60-instances-invites');
  const convocations = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Toutes les convocations (PDF)' }).click();
  const all = flat(pdfText(await (await convocations).path()));
  expect(all).toContain('À l’attention de Claire Vogel, Adjointe au maire chargée de la santé, Ville de Metz');
  expect(all).toContain('À l’attention de la direction de Vivest');
  expect(all).toContain('réunion du comité de pilotage');
  await expect(invitees.getByText('Pas encore remise')).toHaveCount(0);
  const sheet = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Feuille d’émargement (PDF)' }).click();
  const sheetText = flat(pdfText(await (await sheet).path()));
  expect(sheetText).toContain('Organisation');
  expect(sheetText).toContain('Claire Vogel');
  expect(sheetText).not.toContain('Engagement de confidentialité');

  // — Attendance on the day: represented by someone, then « Tous présents » —
  await page.getByRole('link', { name: 'Présence' }).click();
  await page.getByLabel('Présence — Vivest').selectOption({ label: 'Représenté' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Indiquez qui représentait la structure ou la personne.')).toBeVisible();
  await page.getByLabel('Représenté par').fill('Karim Benali');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Vivest : représenté.')).toBeVisible();
  await page.getByRole('button', { name: 'Tous présents (2 invités sans réponse)' }).click();
  await expect(page.getByText('2 invités marqués présents.')).toBeVisible();
  await expectAccessible(page, 'Présence');
  await snap(page, '61-instances-presence');

  // — Held, then the minutes part by part, previewed and signed —
  await page.getByRole('button', { name: 'Modifier la réunion' }).click();
  await page.getByLabel('État').selectOption({ label: 'Tenue' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réunion modifiée.')).toBeVisible();
  await page.getByRole('link', { name: 'Compte rendu' }).click();
  await page.getByLabel('1. Ouverture de la réunion', { exact: true }).fill('Après un tour de table, Claire Vogel ouvre la séance.');
  await page.getByRole('button', { name: 'Enregistrer « 1. Ouverture de la réunion »' }).click();
  await expect(page.getByText('« 1. Ouverture de la réunion » enregistré.')).toBeVisible();
  const point = page.getByLabel(/^3\. Animation du CLSM/);
  await point.fill('# La coordination\nLe CLSM entame sa quatrième année.\n\n## La communication réalisée\n- six lettres d’information');
  await page.getByRole('button', { name: /Enregistrer « 3\. Animation du CLSM/ }).click();
  await expect(page.getByText(/« 3\. Animation du CLSM.* » enregistré\./)).toBeVisible();
  await expectAccessible(page, 'Compte rendu du CLSM');
  await page.getByRole('button', { name: 'Aperçu du compte rendu (projet)' }).click();
  await expect(page.getByRole('img', { name: /Projet de compte rendu, page 1 sur/ })).toBeVisible();
  await snap(page, '62-instances-compte-rendu');
  await page.getByLabel('Mot de passe de votre certificat').fill(CERTIFICATE_PASSWORD);
  await page.getByRole('button', { name: 'Signer le compte rendu' }).click();
  await expect(page.getByText('Compte rendu signé : il ne peut plus être modifié, une correction se fait par un additif.')).toBeVisible();
  await expect(page.getByLabel('1. Ouverture de la réunion', { exact: true })).toHaveCount(0);
  const signed = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le compte rendu signé' }).click();
  const file = await (await signed).path();
  const text = flat(pdfText(file));
  expect(text).toContain('COMPTE RENDU');
  expect(text).toContain('3.1. LA COORDINATION');
  expect(text).toContain('Voir la feuille d’émargement.');
  const report = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  expect(`${report.stdout}${report.stderr}`).toContain('Signature is Valid');
  await expectAccessible(page, 'Compte rendu signé du CLSM');
  await snap(page, '63-instances-compte-rendu-signe');

  // — The list shows it signed —
  await page.getByRole('link', { name: 'Réunions', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Réunions du CLSM' })).toContainText('Compte rendu signé');
  await page.evaluate(() => window.clsm.session.lock({}));
});

test('the action plan: an action added under an axis, then done', async ({ page }) => {
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Instances du CLSM' }).click();
  await page.getByRole('link', { name: 'Plan d’action' }).click();
  await expect(page.getByRole('heading', { name: 'Plan d’action du CLSM' })).toBeVisible();
  await page.getByRole('button', { name: 'Nouvelle action' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle action du plan' });
  await expect(dialog.getByLabel('Axe')).toBeFocused();
  await dialog.getByLabel('Axe').selectOption({ label: 'Inclusion dans la cité' });
  await dialog.getByLabel('Action').fill('Semaines d’information sur la santé mentale');
  await dialog.getByLabel('Début prévu').fill('2026-01-05');
  await dialog.getByLabel('Échéance prévue').fill('2026-03-31');
  await expectAccessible(page, 'Nouvelle action du plan');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('« Semaines d’information sur la santé mentale » ajoutée au plan.')).toBeVisible();
  await page.getByRole('button', { name: 'Modifier « Semaines d’information sur la santé mentale »' }).click();
  const edit = page.getByRole('dialog', { name: 'Modifier l’action du plan' });
  await edit.getByLabel('État').selectOption({ label: 'Réalisée' });
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(edit.getByText('Indiquez la date de réalisation ou d’abandon.').first()).toBeVisible();
  await edit.getByLabel('Réalisée le').fill('2026-03-30');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('« Semaines d’information sur la santé mentale » modifiée.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Actions du plan' })).toContainText('Réalisée');
  await expectAccessible(page, 'Plan d’action du CLSM');
  await snap(page, '64-plan-action');
});
