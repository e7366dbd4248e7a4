import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import { docxText } from '../helpers/docx';
import { expectAccessible, Host, initialisedDataDir, seedEligibleSituation, snap, startHost } from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});

/** A downloaded PDF as poppler's pdftotext reads it. */
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/<3\b/g, '< 3');

test('a workshop recorded with its participants and questionnaires, its attestations printed, then the evaluation and its annual report', async ({
  page,
}) => {
  const day = today(systemClock);
  const year = day.slice(0, 4);
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  await seedEligibleSituation(page, day);

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Formation croisée' }).click();
  await expect(page.getByRole('heading', { name: 'Ateliers et stages croisés' })).toBeVisible();
  await page.getByRole('link', { name: 'Nouvel atelier ou stage' }).click();
  // A held workshop needs a theme: the form says so and keeps what was typed.
  await page.getByLabel('Date de début').fill(day);
  await page.getByLabel('Statut').selectOption({ label: 'Réalisé' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Le thème est obligatoire.').first()).toBeVisible();
  await page.getByLabel('Thème').fill('Habiter son logement malgré les troubles psychiques');
  await page.getByLabel('Lieu', { exact: true }).fill('Hôtel de Ville de Metz');
  await page.getByLabel('Intervenant ou structure animatrice').fill('UNAFAM Moselle');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Habiter son logement malgré les troubles psychiques', level: 1 })).toBeVisible();

  // From the keyboard: type part of the name, Enter chooses the suggestion, Tab to « Inscrire », Enter;
  // the focus comes back to the member field for the next one.
  const member = page.getByRole('combobox', { name: 'Membre', exact: true });
  await member.pressSequentially('klei');
  await expect(page.getByRole('option', { name: 'Anne Klein — CCAS de Woippy', exact: true })).toHaveAttribute('aria-selected', 'true');
  await member.press('Enter');
  await expect(member).toHaveValue('Anne Klein — CCAS de Woippy');
  await member.press('Tab');
  await expect(page.getByRole('button', { name: 'Inscrire' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Participant inscrit.')).toBeVisible();
  await expect(member).toBeFocused();
  await expect(member).toHaveValue('');
  await page.getByLabel('Personne extérieure à l’annuaire').check();
  await page.getByLabel('Nom et prénom').fill('Lucie Adam');
  await page.getByLabel('Structure', { exact: true }).fill('Mission locale de Metz');
  await page.getByLabel('Secteur de la structure', { exact: true }).selectOption({ label: 'Autre' });
  await page.getByRole('button', { name: 'Inscrire' }).click();
  await expect(page.getByRole('row', { name: /Lucie Adam Mission locale de Metz Autre/ })).toBeVisible();

  for (const [satisfaction, knowledge] of [
    ['5 — Très satisfait', 'Rôle et missions des partenaires'],
    ['4 — Satisfait', 'Accès et maintien dans le logement'],
  ] as const) {
    await page.getByLabel('Satisfaction').selectOption({ label: satisfaction });
    await page.getByLabel(knowledge).check();
    await page.getByRole('group', { name: 'Coordination améliorée' }).getByLabel('Oui').check();
    await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await expect(page.getByText('Questionnaire enregistré.')).toBeVisible();
    // The next paper questionnaire is typed from its first field.
    await expect(page.getByLabel('Secteur de la structure du répondant (facultatif)')).toBeFocused();
  }
  await expect(page.getByRole('row', { name: /^2 Non indiqué 4 \/ 5 Accès et maintien dans le logement Oui Sans réponse/ })).toBeVisible();
  await expectAccessible(page, 'Atelier croisé');
  await snap(page, '52-atelier-croise');

  const questionnaire = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Imprimer le questionnaire' }).click();
  expect((await questionnaire).suggestedFilename()).toBe(`questionnaire-formation-${day}.pdf`);
  const one = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Attestation de Lucie Adam' }).click();
  expect((await one).suggestedFilename()).toBe(`attestation-formation-${day}-lucie-adam.pdf`);
  const all = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Imprimer toutes les attestations de formation' }).click();
  const attestations = flat(pdfText(await (await all).path()));
  expect(attestations.match(/ATTESTATION DE FORMATION/g)).toHaveLength(2);
  expect(attestations).toContain(
    'Lucie Adam (Mission locale de Metz) a participé à l’atelier croisé « Habiter son logement malgré les troubles psychiques »',
  );
  expect(attestations).toContain('Anne Klein (CCAS de Woippy)');

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Évaluation' }).click();
  await expect(page.getByRole('heading', { name: 'Évaluation', level: 1 })).toBeVisible();
  await expect(page.getByText(`Période du 01/01/${year} au 31/12/${year}`)).toBeVisible();
  await expect(page.getByRole('row', { name: /^Ateliers croisés réalisés 1 0 \+1 Tableau de suivi$/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Satisfaction moyenne \(sur 5\) 4,5 — Questionnaire$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Participants aux ateliers et stages, par secteur/ })).toBeVisible();
  await page.getByText('Tableau des valeurs : Participants aux ateliers et stages, par secteur').click();
  await expect(
    page.getByRole('table', { name: 'Participants aux ateliers et stages, par secteur' }).getByRole('row', { name: 'CCAS 1 0' }),
  ).toBeVisible();
  await expectAccessible(page, 'Évaluation');
  await snap(page, '53-evaluation');

  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le bilan (PDF)' }).click();
  const pdfFile = await pdf;
  expect(pdfFile.suggestedFilename()).toBe(`bilan-annuel-${year}.pdf`);
  const report = flat(pdfText(await pdfFile.path()));
  expect(report).toContain(`Bilan annuel ${year}`);
  // Workshops are the CLSM's activity, shown as counted (only counts of persons are written « < 3 »).
  expect(report).toMatch(/Ateliers croisés réalisés [12] 0/);
  for (const name of ['Lucie Adam', 'Klein', 'Mission locale']) expect(report).not.toContain(name);
  const docx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger le bilan modifiable (Word)' }).click();
  const docxFile = await docx;
  expect(docxFile.suggestedFilename()).toBe(`bilan-annuel-${year}.docx`);
  expect(await docxText(readFileSync(await docxFile.path()))).toMatch(/Ateliers croisés réalisés\n[12]\n0/);
});
