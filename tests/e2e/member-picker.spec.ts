import { expect, test } from '@playwright/test';
import { systemClock, today } from '../../electron/shared/dates';
import { COORDINATOR } from '../fixtures/people';
import {
  chooseMember,
  consentAndMeeting,
  expectAccessible,
  Host,
  initialisedDataDir,
  seedEligibleSituation,
  snap,
  startHost,
  unlock,
} from './support';

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ dataDir: initialisedDataDir() });
});
test.afterAll(async () => {
  await host.stop();
});

test('members are searched as one types: twenty suggestions at most, the charter shown, convened and invited from the directory', async ({
  page,
}) => {
  const day = today(systemClock);
  await page.goto(host.url);
  await unlock(page, COORDINATOR.login, COORDINATOR.password);
  await expect(page.getByRole('heading', { name: 'Tableau de bord' })).toBeVisible();
  const seeded = await seedEligibleSituation(page, day);
  const meetingId = await consentAndMeeting(page, day, seeded, { identitySharing: 'code', attendance: 'not_attend' });
  // A larger directory: 24 permanent members who have not signed the charter, one invited member who has.
  await page.evaluate(
    async ({ day, seeded }) => {
      const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const api = window.clsm;
      const member = (lastName: string, firstName: string, membership: 'permanent' | 'invited') =>
        api.partners
          .saveMember({
            structureId: seeded.vivestId,
            firstName,
            lastName,
            function: 'Chargée de gestion locative',
            category: 'personnel_bailleur',
            email: '',
            phone: '',
            membership,
          })
          .then(must);
      for (let i = 1; i <= 24; i++) await member(`Schaeffer-${String(i).padStart(2, '0')}`, 'Zoé', 'permanent');
      const guest = await member('Marchal', 'Julie', 'invited');
      const current = must(await api.charter.list({})).find((v) => v.status === 'current')!;
      must(await api.charter.recordSignature({ memberId: guest.id, versionId: current.id, signedOn: day }));
    },
    { day, seeded },
  );

  // — Convocations: the permanent members who may sit are proposed, checked; the others are searched —
  await page.goto(new URL(`/commissions/${meetingId}/convocations`, host.url).href);
  const convene = page.getByRole('group', { name: 'Membres à convoquer' });
  for (const name of ['Anne Klein — CCAS de Woippy', 'Karim Benali — Vivest', 'Stéphane Kessler-Lentz — CMP de Metz-Queuleu'])
    await expect(convene.getByLabel(name)).toBeChecked();
  await expect(convene.getByRole('checkbox')).toHaveCount(3); // never the whole directory
  const add = convene.getByRole('combobox', { name: 'Ajouter un membre de l’annuaire' });
  await add.pressSequentially('schaef');
  const suggestions = convene.getByRole('listbox', { name: 'Ajouter un membre de l’annuaire' });
  await expect(suggestions.getByRole('option')).toHaveCount(20);
  await expect(convene.getByText('Les 20 premiers membres : précisez la recherche pour les autres.')).toBeVisible();
  const first = suggestions.getByRole('option', { name: /^Zoé Schaeffer-01 — Vivest/ });
  await expect(first).toHaveAttribute('aria-disabled', 'true'); // G3: shown, not offered
  await expect(first).toContainText('charte non signée : ne peut pas être convoqué');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await add.press('ArrowDown');
  await expect(add).toHaveAttribute('aria-activedescendant', (await suggestions.getByRole('option').nth(1).getAttribute('id'))!);
  await expectAccessible(page, 'Choix d’un membre (suggestions ouvertes)');
  await snap(page, '44b-choix-membre');
  await add.press('Enter'); // a member who has not signed cannot be chosen
  await expect(convene.getByRole('checkbox')).toHaveCount(3);
  await add.fill('schaeffer-2');
  await expect(suggestions.getByRole('option')).toHaveCount(5);
  await expect(convene.getByText('5 membres proposés.')).toBeAttached();
  await add.fill('personne inconnue');
  await expect(convene.getByText('Aucun membre ne correspond à « personne inconnue ».')).toBeAttached();
  await add.press('Escape');
  await expect(add).toHaveAttribute('aria-expanded', 'false');

  await chooseMember(convene, 'Ajouter un membre de l’annuaire', 'Julie Marchal — Vivest');
  await expect(convene.getByLabel('Julie Marchal — Vivest')).toBeChecked();
  await expect(add).toHaveValue(''); // ready for the next one
  await add.fill('marchal');
  await expect(convene.getByText('Aucun membre ne correspond à « marchal ».')).toBeAttached(); // already in the list
  await add.press('Escape');
  await convene.getByLabel('Karim Benali — Vivest').uncheck();
  await page.getByRole('button', { name: 'Convoquer les membres cochés' }).click();
  await expect(page.getByText('3 membres convoqués.')).toBeVisible();
  const convened = page.getByRole('table', { name: 'Membres convoqués' });
  await expect(convened.getByRole('row')).toHaveCount(4);
  await expect(convened).toContainText('Julie Marchal');
  await expect(convened).not.toContainText('Karim Benali');
  // Karim Benali, still to convene, is proposed again.
  await expect(page.getByRole('group', { name: 'Membres à convoquer' }).getByLabel('Karim Benali — Vivest')).toBeChecked();

  // — The agenda: the presenter proposed from the referral, an invitee for the item from the directory —
  await page.getByRole('link', { name: 'Ordre du jour', exact: true }).click();
  await page.getByRole('button', { name: 'Inscrire une situation' }).click();
  await page.getByLabel('Situation', { exact: true }).selectOption({ label: `${seeded.code} — CCAS de Woippy (Recevable)` });
  const presenter = page.getByRole('combobox', { name: 'Présentée par' });
  await expect(presenter).toHaveValue('Anne Klein — CCAS de Woippy');
  const invitees = page.getByRole('group', { name: 'Membres invités pour ce point seulement' });
  await expect(invitees.getByText('Aucun membre invité pour ce point.')).toBeVisible();
  await chooseMember(invitees, 'Ajouter un membre de l’annuaire', 'Karim Benali — Vivest');
  await expect(invitees.getByLabel('Karim Benali — Vivest')).toBeChecked();
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click();
  await expect(page.getByText(`Situation ${seeded.code} inscrite à l’ordre du jour.`)).toBeVisible();
  // Opened again, the item names its invitee (fetched by id, not from a whole list).
  await page.getByRole('button', { name: `Modifier ${seeded.code}` }).click();
  await expect(
    page.getByRole('group', { name: 'Membres invités pour ce point seulement' }).getByLabel('Karim Benali — Vivest'),
  ).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Présentée par' })).toHaveValue('Anne Klein — CCAS de Woippy');
  // An optional choice is emptied by clearing the text.
  await page.getByRole('combobox', { name: 'Présentée par' }).fill('');
  await page.getByRole('combobox', { name: 'Présentée par' }).press('Tab');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText(`Point ${seeded.code} modifié.`)).toBeVisible();
  await page.getByRole('button', { name: `Modifier ${seeded.code}` }).click();
  await expect(page.getByRole('combobox', { name: 'Présentée par' })).toHaveValue('');
});
