import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { addDays, formatDay, systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import {
  chooseMember,
  expectAccessible,
  giveEmail,
  Host,
  initialisedDataDir,
  readDraft,
  seedEligibleSituation,
  snap,
  startHost,
} from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});

// The session is held today: the app opens an item only once the meeting's day has come.
const day = today(systemClock);

test('a meeting: the gate refuses a situation, consent recorded, convened, G5 in session, deliberation, actions, follow-up', async ({
  page,
}) => {
  await page.goto(host.url);
  await page.getByLabel('Identifiant').fill(COORDINATOR.login);
  await page.getByLabel('Mot de passe').fill(COORDINATOR.password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  const { code } = await seedEligibleSituation(page, day);

  // — Plan the meeting —
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Commissions' }).click();
  await expect(page.getByRole('heading', { name: 'Commissions' })).toBeVisible();
  await page.getByRole('link', { name: 'Planifier une séance' }).click();
  await page.getByLabel('Date de la séance').fill(day);
  await page.getByLabel('Lieu').fill('CH de Jury, salle du conseil');
  await chooseMember(page, 'Animateur de la séance', 'Stéphane Kessler-Lentz — CMP de Metz-Queuleu');
  await expectAccessible(page, 'Planifier une séance');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Séance planifiée.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Séance du/ })).toContainText('Prévue');

  // — The agenda refuses the situation without consent, and says why —
  await page.getByRole('button', { name: 'Inscrire une situation' }).click();
  await page.getByLabel('Situation', { exact: true }).selectOption({ label: `${code} — CCAS de Woippy (Recevable)` });
  await page.getByLabel(/Question posée à la Commission/).fill('Maintien dans le logement et lien avec le soin');
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByRole('alert').getByRole('list', { name: 'Conditions préalables' })).toContainText(
    `Aucun consentement de la personne n’est enregistré pour la situation ${code}.`,
  );
  await expectAccessible(page, 'Ordre du jour refusé');
  await snap(page, '40-ordre-du-jour-refus');
  const meetingUrl = page.url().replace(/\/ordre-du-jour$/, '');

  // — The consent, recorded on the situation: Vivest excluded —
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Situations' }).click();
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  const consent = page.getByRole('dialog', { name: `Consentement de la personne — ${code}` });
  await chooseMember(consent, 'Recueilli par', 'Anne Klein — CCAS de Woippy');
  for (const item of await consent.getByRole('group', { name: 'Informations données à la personne' }).getByRole('checkbox').all())
    await item.check();
  for (const category of ['Travailleur social', 'Professionnel de santé', 'Personnel d’un bailleur'])
    await consent.getByLabel(category).check();
  await consent.getByLabel(/Structures que la personne refuse/).selectOption({ label: 'Vivest' });
  await consent.getByLabel('Ce qui peut être partagé de son identité').selectOption('code');
  await consent.getByLabel('Souhait de la personne pour la séance').selectOption('attend');
  await consent.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  await expect(page.getByText(/Consentement enregistré,/)).toBeVisible();

  // — Now on the agenda —
  await page.goto(`${meetingUrl}/ordre-du-jour`);
  await page.getByRole('button', { name: 'Inscrire une situation' }).click();
  await page.getByLabel('Situation', { exact: true }).selectOption({ label: `${code} — CCAS de Woippy (Recevable)` });
  await page.getByLabel(/Question posée à la Commission/).fill('Maintien dans le logement et lien avec le soin');
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByText(`Situation ${code} inscrite à l’ordre du jour.`)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Conditions remplies' })).toBeVisible();
  await page.getByRole('button', { name: `Modifier ${code}` }).click();
  await expect(page.getByRole('heading', { name: `Modifier le point ${code}` })).toBeVisible();
  await page.getByLabel(/Question posée à la Commission/).fill('Maintien dans le logement et reprise du lien avec le soin');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText(`Point ${code} modifié.`)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Maintien dans le logement et reprise du lien avec le soin' })).toBeVisible();
  await expectAccessible(page, 'Ordre du jour');
  await snap(page, '41-ordre-du-jour');

  // — Convened (the three members signed the charter), documents —
  await page.getByRole('link', { name: 'Convocations et documents' }).click();
  await page.getByRole('button', { name: 'Convoquer les membres cochés' }).click();
  await expect(page.getByText('3 membres convoqués.')).toBeVisible();
  await expect(page.getByText('Tous les membres actifs sont convoqués.')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Toutes les convocations (un fichier à imprimer)' }).click();
  expect((await download).suggestedFilename()).toBe(`convocations-${day}.pdf`);
  const ics = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Fichier calendrier (.ics pour Outlook)' }).click();
  expect((await ics).suggestedFilename()).toBe(`seance-${day}.ics`);

  // — By e-mail: the folder is asked for first; then one draft per member with an address —
  const mailButton = page.getByRole('button', { name: 'Préparer les courriels (un brouillon par membre)' });
  await mailButton.click();
  await expect(page.getByRole('alert')).toContainText('Choisissez d’abord le dossier où écrire les brouillons de courriels');
  const drafts = mkdtempSync(join(tmpdir(), 'clsm-courriels-'));
  await page.evaluate((folder) => window.clsm.settings.updateMailFolder({ folder }), drafts);
  await giveEmail(page, 'Anne Klein', 'anne.klein@ccas-woippy.example');
  await mailButton.click();
  const notice = page.getByRole('status').filter({ hasText: 'brouillon de courriel écrit' });
  await expect(notice).toContainText(`1 brouillon de courriel écrit dans ${join(drafts, `convocations-${day}`)}`);
  await expect(notice).toContainText('Sans adresse électronique dans l’annuaire : Karim Benali, Stéphane Kessler-Lentz.');
  const mail = await readDraft(join(drafts, `convocations-${day}`, `convocation-${day}-anne-klein.eml`));
  expect(mail.headers.get('x-unsent')).toBe('1');
  expect(mail.attachments.map((a) => a.filename)).toEqual([`convocation-${day}-anne-klein.pdf`, `seance-${day}.ics`]);
  await expectAccessible(page, 'Convocations');
  await snap(page, '42-convocations');

  // — Attendance —
  await page.getByRole('link', { name: 'Séance', exact: true }).click();
  await page.getByLabel('Présence — Anne Klein').selectOption('present');
  await expect(page.getByText('Présence d’Anne Klein : présent.')).toBeVisible();
  // The others at once: « Tous présents » marks those still without an answer.
  await page.getByRole('button', { name: 'Tous présents (2 membres sans réponse)' }).click();
  await expect(page.getByText('2 membres marqués présents.')).toBeVisible();
  for (const name of ['Anne Klein', 'Karim Benali', 'Stéphane Kessler-Lentz'])
    await expect(page.getByLabel(`Présence — ${name}`)).toHaveValue('present');
  await expect(page.getByRole('button', { name: /Tous présents/ })).toHaveCount(0);
  // A substitute must be able to sit (G3): offered members who signed the charter only.
  await page.getByLabel('Présence — Stéphane Kessler-Lentz').selectOption('represented');
  // The substitute is searched in the directory; the member replaced is not offered.
  const substitute = page.getByRole('combobox', { name: 'Suppléant — Stéphane Kessler-Lentz' });
  await substitute.fill('Kessler');
  await expect(page.getByRole('status').filter({ hasText: 'Aucun membre ne correspond à « Kessler ».' })).toBeAttached();
  await substitute.fill('Klein');
  const anne = page.getByRole('option', { name: 'Anne Klein — CCAS de Woippy', exact: true });
  await expect(anne).toHaveAttribute('aria-selected', 'true');
  await expect(anne).not.toHaveAttribute('aria-disabled', 'true');
  await substitute.press('Escape');
  await expect(substitute).toHaveAttribute('aria-expanded', 'false');
  await page.getByLabel('Présence — Stéphane Kessler-Lentz').selectOption('present');
  await expect(page.getByText('Présence de Stéphane Kessler-Lentz : présent.')).toBeVisible();
  await expectAccessible(page, 'Séance — présence');
  await snap(page, '42b-seance-presence');

  // — G5: the landlord's officer leaves the room for this item —
  await page.getByRole('link', { name: `Point 1 — ${code}` }).click();
  await expect(page.getByRole('heading', { name: `Point 1 sur 1 — ${code}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Séance', exact: true })).toHaveAttribute('aria-current', 'page'); // the current tab
  await expect(page.getByText('Sylvie')).toHaveCount(0); // never the person's name on the session screen
  await page.getByRole('button', { name: 'Ouvrir le point' }).click();
  await expect(page.getByRole('alert')).toContainText(`Karim Benali (Vivest) doit quitter la salle pour le point ${code}`);
  await snap(page, '43-seance-g5');
  await page.getByRole('button', { name: 'Enregistrer sa sortie de salle' }).click();
  await expect(page.getByText('Sortie de salle enregistrée pour ce point ; le compte rendu le mentionnera.')).toBeVisible();
  await page.getByRole('button', { name: 'Ouvrir le point' }).click();
  await expect(page.getByText('Point ouvert : la Commission examine la situation.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Dans la salle pour ce point (2)' })).toContainText('Karim Benali — Vivest');

  // — Deliberation and two actions —
  await page.getByLabel('Synthèse').fill('Dette locative ancienne, isolement, refus des visites à domicile.');
  await page.getByLabel('Coordination des intervenants').check();
  await page.getByLabel('Propositions').fill('Visite conjointe CCAS et CMP ; plan d’apurement renégocié avec le bailleur.');
  await page.getByLabel('La personne, pour ce point').selectOption('attended');
  await page.getByRole('button', { name: 'Enregistrer la délibération' }).click();
  await expect(page.getByText('Délibération enregistrée.')).toBeVisible();
  const action = async (what: string, owner: string, due: string) => {
    await page.getByLabel('Action à mener').fill(what);
    await page.getByLabel('Responsable').selectOption({ label: owner });
    await page.getByLabel('Échéance').fill(due);
    await page.getByRole('button', { name: 'Ajouter l’action' }).click();
    await expect(page.getByRole('cell', { name: what, exact: true })).toBeVisible();
  };
  await action('Visite conjointe au domicile', 'Anne Klein (CCAS de Woippy)', addDays(day, 10));
  await action('Proposer un plan d’apurement', 'CMP de Metz-Queuleu (structure)', addDays(day, 60));
  await expectAccessible(page, 'Séance — point ouvert');
  await snap(page, '44-seance-deliberation');
  await page.getByLabel('Suite donnée').selectOption('follow_up');
  await page.getByRole('button', { name: 'Conclure le point' }).click();
  await expect(page.getByText('Point conclu : la situation passe en suivi.')).toBeVisible();

  // — The follow-up board —
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Commissions' }).click();
  await page.getByRole('link', { name: 'Suivi des actions' }).click();
  // One section at a time, each with its count; nothing overdue, so the board opens on « due soon ».
  const sections = page.getByRole('group', { name: 'Sections du suivi' });
  await expect(sections.getByRole('button')).toHaveText([
    'En retard (0)',
    'Échéance proche (14 jours) (1)',
    'En cours ou en attente de l’accord de la personne (1)',
    'Bilan fait (0)',
  ]);
  await expect(sections.getByRole('button', { name: 'Échéance proche (14 jours) (1)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'Échéance proche (14 jours)' })).toContainText('Visite conjointe au domicile');
  await expect(page.getByRole('cell', { name: formatDay(addDays(day, 10)) })).toBeVisible();
  // Before the proposals are put to the person, only « impossible » is offered (G10).
  await page.getByRole('button', { name: 'Bilan — Visite conjointe au domicile' }).click();
  const early = page.getByRole('dialog', { name: `Bilan de l’action — ${code}` });
  await expect(early.getByText(/Les propositions n’ont pas encore été restituées à la personne/)).toBeVisible();
  await expect(early.getByLabel('Bilan', { exact: true }).getByRole('option')).toHaveText([
    'Choisir',
    'Impossible : la situation a changé',
  ]);
  await snap(page, '45a-bilan-avant-restitution');
  await early.getByRole('button', { name: 'Annuler' }).click();
  await page
    .getByRole('button', { name: `Restitution à la personne — ${code}` })
    .first()
    .click();
  const back = page.getByRole('dialog', { name: `Restitution des propositions — ${code}` });
  // The person answers each proposal: one accepted, the other to discuss again.
  await back.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(back.getByRole('alert')).toContainText('Indiquez la réponse de la personne à chacune des propositions');
  await back.getByLabel('« Visite conjointe au domicile »').selectOption('agreed');
  await back.getByLabel('« Proposer un plan d’apurement »').selectOption('discuss');
  await expectAccessible(page, 'Restitution par proposition');
  await snap(page, '45b-restitution-par-proposition');
  await back.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réponse de la personne enregistrée : 1 proposition acceptée sur 2.')).toBeVisible();
  await sections.getByRole('button', { name: /^En cours ou en attente/ }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Proposer un plan d’apurement' })).toContainText(
    'À rediscuter avec la personne (restitution du',
  );
  await expectAccessible(page, 'Suivi des actions');
  await snap(page, '45-suivi-actions');

  // — The dashboard: the next meeting's readiness —
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Tableau de bord' }).click();
  const next = page.getByRole('region', { name: 'Commissions et suivi' });
  await expect(next).toContainText('1 point à l’ordre du jour');
  await expect(next).toContainText('3 membres convoqués');
  await expect(next).toContainText('Aucune action en retard ; 1 à échéance dans les 14 jours.');
  await expectAccessible(page, 'Tableau de bord (séances)');
  await page.evaluate(() => window.clsm.session.lock({}));
});
