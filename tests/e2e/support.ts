import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, Locator, Page } from '@playwright/test';
import { COORDINATOR } from '../fixtures/people';

export const SCREENSHOTS = join('tests', 'artifacts', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export interface Host {
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the real dev host (`npm run dev:host` does the same) on a fresh data folder. */
export async function startHost(options: { autoLockSeconds?: number; dataDir?: string } = {}): Promise<Host> {
  const dataDir = options.dataDir ?? join(mkdtempSync(join(tmpdir(), 'clsm-e2e-')), 'data');
  const args = ['electron/devhost.ts', '--data', dataDir, '--port', '0'];
  if (options.autoLockSeconds) args.push('--auto-lock-seconds', String(options.autoLockSeconds));
  const child: ChildProcess = spawn(join('node_modules', '.bin', 'tsx'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`dev host did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`dev host exited (${code}): ${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    },
  };
}

/** The unlock screen, filled and submitted. */
export async function unlock(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
}

/** axe-core on the current screen: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(blocking, `accessibility of « ${screen} »`).toEqual([]);
}

/**
 * Chooses a member in a member picker (a combobox searching the directory as one types): types the
 * name, then clicks the suggestion « Name — Structure » (the field then shows it, or empties if it adds to a list).
 */
export async function chooseMember(scope: Page | Locator, label: string, option: string): Promise<void> {
  const field = scope.getByRole('combobox', { name: label, exact: true });
  await field.fill(option.split(' — ')[0]!);
  await scope.getByRole('listbox', { name: label, exact: true }).getByRole('option', { name: option, exact: true }).click();
  await expect(field).toHaveAttribute('aria-expanded', 'false');
}

export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A data folder initialised by the admin CLI, as hospital IT would, with the coordinator's account. */
export function initialisedDataDir(): string {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'clsm-e2e-')), 'data');
  execFileSync(
    join('node_modules', '.bin', 'tsx'),
    [
      'electron/cli.ts',
      'init',
      '--data',
      dataDir,
      '--login',
      COORDINATOR.login,
      '--name',
      COORDINATOR.displayName,
      '--establishment',
      'CH de Jury',
      '--password-stdin',
    ],
    { input: `${COORDINATOR.password}\n` },
  );
  return dataDir;
}

/**
 * The directory, the charter and an eligible referral — the earlier issues' work — set up through the
 * app's own API in the page: a CCAS, a landlord and a CMP with one member each, all signatories.
 */
export function seedEligibleSituation(page: Page, day: string) {
  return page.evaluate(async (day) => {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const api = window.clsm;
    const structure = (name: string, sector: 'ccas' | 'bailleur_social' | 'cmp') =>
      api.partners.saveStructure({ name, sector, address: '', conventionSignedOn: day, conventionSignatory: 'La direction' }).then(must);
    const member = (
      structureId: number,
      firstName: string,
      lastName: string,
      category: 'travailleur_social' | 'personnel_bailleur' | 'professionnel_sante',
    ) =>
      api.partners
        .saveMember({ structureId, firstName, lastName, function: '', category, email: '', phone: '', membership: 'permanent' })
        .then(must);
    const ccas = await structure('CCAS de Woippy', 'ccas');
    const vivest = await structure('Vivest', 'bailleur_social');
    const cmp = await structure('CMP de Metz-Queuleu', 'cmp');
    const referrer = await member(ccas.id, 'Anne', 'Klein', 'travailleur_social');
    const landlord = await member(vivest.id, 'Karim', 'Benali', 'personnel_bailleur');
    const psychiatrist = await member(cmp.id, 'Stéphane', 'Kessler-Lentz', 'professionnel_sante');
    const [draft] = must(await api.charter.list({}));
    must(await api.charter.adopt({ versionId: draft!.id, adoptedOn: day }));
    for (const m of [referrer, landlord, psychiatrist])
      must(await api.charter.recordSignature({ memberId: m.id, versionId: draft!.id, signedOn: day }));
    const situation = must(
      await api.situations.saveReferral({
        receivedOn: day,
        referringMemberId: referrer.id,
        ageBand: '46_55',
        commune: 'Woippy',
        communeOutside: false,
        partnersInvolved: '',
        alreadyTried: 'Visites à domicile refusées.',
        question: 'Comment maintenir la personne dans son logement ?',
        typology: ['logement'],
        identity: { lastName: 'Hœrner', firstName: 'Sylvie', birthYear: 1971, address: '', phone: '' },
        acknowledgeDuplicates: false,
      }),
    );
    must(
      await api.situations.decideEligibility({
        id: situation.id,
        answers: { adult: true, routesTried: true, complexity: true, notEmergency: true },
        decision: 'eligible',
        decidedOn: day,
        rejectionReason: '',
      }),
    );
    return {
      code: situation.code,
      situationId: situation.id,
      referrerId: referrer.id,
      landlordId: landlord.id,
      psychiatristId: psychiatrist.id,
      vivestId: vivest.id,
    };
  }, day);
}

/**
 * The person's consent to a seeded situation, Vivest excluded, and a meeting today chaired by the
 * psychiatrist, through the app's API in the page; returns the meeting's id.
 */
export function consentAndMeeting(
  page: Page,
  day: string,
  seeded: Awaited<ReturnType<typeof seedEligibleSituation>>,
  choices: { identitySharing: 'code' | 'full'; attendance: 'attend' | 'not_attend' },
): Promise<number> {
  return page.evaluate(
    async ({ day, seeded, choices }) => {
      const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value;
      };
      const api = window.clsm;
      must(
        await api.consents.record({
          situationId: seeded.situationId,
          collectedOn: day,
          collectedByMemberId: seeded.referrerId,
          mode: 'written',
          witness: '',
          information: { dataCategories: true, professionals: true, supports: true, security: true },
          allowedCategories: ['travailleur_social', 'professionnel_sante', 'personnel_bailleur'],
          excludedStructureIds: [seeded.vivestId],
          identitySharing: choices.identitySharing,
          legalProtection: 'none',
          representative: '',
          representativeAgreement: false,
          attendance: choices.attendance,
          attendanceRepresentative: '',
        }),
      );
      const meeting = must(
        await api.meetings.save({
          heldOn: day,
          startsAt: '14:00',
          endsAt: '17:30',
          place: 'CH de Jury, salle du conseil',
          animateurMemberId: seeded.psychiatristId,
        }),
      );
      return meeting.id;
    },
    { day, seeded, choices },
  );
}

/** An account created from Administration › Utilisateurs (the page is open), confirmed by password. */
export async function createAccount(page: Page, person: { login: string; displayName: string; password: string }, role: string) {
  await page.getByLabel('Nom affiché').fill(person.displayName);
  await page.getByLabel('Identifiant').fill(person.login);
  await page.getByLabel('Rôle', { exact: true }).selectOption(role);
  await page.getByLabel('Mot de passe initial', { exact: true }).fill(person.password);
  await page.getByLabel('Confirmation du mot de passe initial').fill(person.password);
  await page.getByRole('button', { name: 'Créer l’utilisateur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Créer l’utilisateur' });
  await dialog.getByLabel('Votre mot de passe (confirmation)').fill(COORDINATOR.password);
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByText(`Utilisateur « ${person.displayName} » créé.`)).toBeVisible();
}

/** A host on a fresh initialised folder, with an empty share folder beside it for backups. */
export async function hostWithShare(): Promise<{ host: Host; share: string }> {
  const dataDir = initialisedDataDir();
  const share = join(dataDir, '..', 'partage-hopital');
  mkdirSync(share);
  return { host: await startHost({ dataDir }), share };
}

/** A member of the directory given an e-mail address (through the API: the directory's form is tested elsewhere). */
export function giveEmail(page: Page, name: string, email: string) {
  return page.evaluate(
    async ({ name, email }) => {
      const found = (await window.clsm.partners.listMembers({})) as
        { ok: true; value: { firstName: string; lastName: string }[] } | { ok: false };
      if (!found.ok) throw new Error('directory unreadable');
      const m = found.value.find((x) => `${x.firstName} ${x.lastName}` === name) as unknown as Record<string, unknown>;
      const { id, structureId, lastName, firstName, civility, function: role, category, phone, membership } = m;
      const saved = await window.clsm.partners.saveMember({
        id,
        structureId,
        lastName,
        firstName,
        civility,
        function: role,
        category,
        phone,
        membership,
        email,
      } as never);
      if (!saved.ok) throw new Error(saved.error.message);
    },
    { name, email },
  );
}

/** A `.eml` draft read back by a maintained MIME parser. */
export async function readDraft(file: string) {
  const { simpleParser } = await import('mailparser');
  return simpleParser(readFileSync(file));
}
