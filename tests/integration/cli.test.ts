import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliIo, runCli } from '../../electron/cli/run';
import { Vault } from '../../electron/services/vault';
import { COORDINATOR } from '../fixtures/people';
import { docxText } from '../helpers/docx';
import { pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/vault';

const flat = (text: string) => text.replace(/\s+/g, ' ');

function fakeIo(secret: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readSecret: () => Promise.resolve(secret), out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err };
}

async function initDir(): Promise<{ dir: string; recoveryKey: string }> {
  const dir = join(tempDir(), 'data');
  const { io, out } = fakeIo(COORDINATOR.password);
  const code = await runCli(
    ['init', '--data', dir, '--login', COORDINATOR.login, '--name', COORDINATOR.displayName, '--password-stdin', '--json'],
    io,
  );
  expect(code).toBe(0);
  return { dir, recoveryKey: JSON.parse(out[0]!).recoveryKey };
}

describe('admin CLI', () => {
  it('init prints the recovery key once and refuses a folder that already holds a database', async () => {
    const { dir, recoveryKey } = await initDir();
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    const again = fakeIo(COORDINATOR.password);
    expect(await runCli(['init', '--data', dir, '--login', 'autre', '--name', 'Autre', '--password-stdin'], again.io)).toBe(1);
    expect(again.err.join('\n')).toMatch(/contient déjà une base de données/);
  });

  it('report writes the annual report (PDF, Word) and the indicators (CSV) of a civil year, with the « < 3 » rule', async () => {
    const { dir } = await initDir();
    const outDir = join(tempDir(), 'bilan');
    const { io, out, err } = fakeIo(COORDINATOR.password);
    expect(await runCli(['report', '--data', dir, '--year', '2026', '--out', outDir, '--password-stdin'], io), err.join('\n')).toBe(0);
    expect(out.join('\n').split('\n')).toEqual(
      ['bilan-annuel-2026.pdf', 'bilan-annuel-2026.docx', 'indicateurs-2026.csv'].map((f) => join(outDir, f)),
    );
    expect(flat(pdfText(readFileSync(join(outDir, 'bilan-annuel-2026.pdf'))))).toContain(
      'Période du 01/01/2026 au 31/12/2026, comparée à la période du 01/01/2025 au 31/12/2025.',
    );
    expect(await docxText(readFileSync(join(outDir, 'bilan-annuel-2026.docx')))).toContain('Bilan annuel 2026');
    // Conventions signed: none in a new folder, so 0 — a zero stays 0.
    expect(readFileSync(join(outDir, 'indicateurs-2026.csv'), 'utf8')).toContain(
      'Partenaires signataires de la convention (à la fin de la période);;effectif;Tableau de suivi;0;0',
    );
    const wrong = fakeIo(COORDINATOR.password);
    expect(await runCli(['report', '--data', dir, '--year', '26', '--out', outDir, '--password-stdin'], wrong.io)).toBe(2);
    expect(wrong.err.join('\n')).toContain('--year : indiquez une année sur quatre chiffres (par exemple 2026).');
  });

  it('unlock-check: 0 for the right password, 1 with the French message otherwise', async () => {
    const { dir } = await initDir();
    const good = fakeIo(COORDINATOR.password);
    expect(await runCli(['unlock-check', '--data', dir, '--password-stdin'], good.io)).toBe(0);
    const bad = fakeIo('mauvais-mot-de-passe');
    expect(await runCli(['unlock-check', '--data', dir, '--password-stdin'], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toMatch(/Identifiant ou mot de passe incorrect/);
    const missing = fakeIo(COORDINATOR.password);
    expect(await runCli(['unlock-check', '--data', join(dir, 'ailleurs'), '--password-stdin'], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toMatch(/pas encore initialisée/);
  });

  it('audit-verify: "audit OK: N events", then names the first broken event after tampering', async () => {
    const { dir } = await initDir();
    const ok = fakeIo(COORDINATOR.password);
    expect(await runCli(['audit-verify', '--data', dir, '--password-stdin'], ok.io)).toBe(0);
    expect(ok.out).toEqual([expect.stringMatching(/^audit OK: \d+ events\ntête de chaîne : \d+:[0-9a-f]{64}$/)]);

    const vault = new Vault({ dataDir: dir });
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    vault.database().exec(`DROP TRIGGER audit_events_no_update; UPDATE audit_events SET outcome = 'refused' WHERE id = 2;`);
    vault.lock();
    const broken = fakeIo(COORDINATOR.password);
    expect(await runCli(['audit-verify', '--data', dir, '--password-stdin', '--json'], broken.io)).toBe(1);
    expect(JSON.parse(broken.out[0]!)).toMatchObject({
      ok: false,
      brokenEventId: 2,
      message: expect.stringMatching(/audit BROKEN at event 2/),
    });
  });

  it('new-recovery-key replaces the recovery key and prints the new one once', async () => {
    const { dir, recoveryKey } = await initDir();
    const io = fakeIo(COORDINATOR.password);
    expect(await runCli(['new-recovery-key', '--data', dir, '--login', COORDINATOR.login, '--password-stdin', '--json'], io.io)).toBe(0);
    const fresh = JSON.parse(io.out[0]!).recoveryKey as string;
    expect(fresh).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(fresh).not.toBe(recoveryKey);
    const vault = new Vault({ dataDir: dir });
    await expect(vault.recover(recoveryKey, COORDINATOR.login, 'Nouveau-mot-de-passe-2026')).rejects.toMatchObject({
      code: 'WRONG_RECOVERY_KEY',
    });
  });

  it('explains its usage in French on a wrong command', async () => {
    const { io, err } = fakeIo('');
    expect(await runCli(['sauvegarder'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/Commande inconnue : sauvegarder[\s\S]*Usage/);
  });

  it('says what is wrong with an argument in French, with the rule the app itself applies', async () => {
    const dir = join(tempDir(), 'data');
    const badLogin = fakeIo(COORDINATOR.password);
    expect(
      await runCli(['init', '--data', dir, '--login', 'Françoise Marchal', '--name', 'Françoise Marchal', '--password-stdin'], badLogin.io),
    ).toBe(2);
    expect(badLogin.err.join('\n')).toMatch(/^--login : L’identifiant doit faire 3 à 32 caractères/);
    // Refused by the vault itself, before anything is written: no folder, no half-made staging.
    expect(readdirSync(join(dir, '..'))).toEqual([]);
    const shortPassword = fakeIo('court');
    expect(
      await runCli(['init', '--data', dir, '--login', 'f.marchal', '--name', 'Françoise Marchal', '--password-stdin'], shortPassword.io),
    ).toBe(1);
    expect(shortPassword.err.join('\n')).toBe('Le mot de passe doit contenir au moins 12 caractères.');
  });

  it('gives the delay to wait as the server computed it when attempts are throttled', async () => {
    const { dir } = await initDir();
    expect(await runCli(['unlock-check', '--data', dir, '--password-stdin'], fakeIo('mauvais-mot-de-passe').io)).toBe(1);
    const throttled = fakeIo(COORDINATOR.password);
    expect(await runCli(['unlock-check', '--data', dir, '--password-stdin', '--json'], throttled.io)).toBe(1);
    expect(JSON.parse(throttled.out[0]!)).toMatchObject({
      ok: false,
      code: 'UNLOCK_DELAY',
      retryAfterMs: expect.any(Number),
      message: expect.stringMatching(/Nouvel essai possible dans 1 s\.$/),
    });
  });

  it('runs as `npm run cli` reading the password from the first line of standard input', async () => {
    const dir = join(tempDir(), 'data');
    const run = (args: string[], stdin: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile('npm', ['run', '-s', 'cli', '--', ...args], { cwd: process.cwd() }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
        child.stdin!.end(stdin);
      });
    const init = await run(
      ['init', '--data', dir, '--login', 's.weber', '--name', 'Sébastien Weber', '--password-stdin'],
      'Quai-des-Régates-57\nignored\n',
    );
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/Clé de récupération[\s\S]*([0-9A-Z]{4}-){7}[0-9A-Z]{4}/);
    const check = await run(['unlock-check', '--data', dir, '--password-stdin'], 'Quai-des-Régates-57\n');
    expect(check).toMatchObject({ code: 0 });
    const wrong = await run(['unlock-check', '--data', dir, '--password-stdin'], 'ignored\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Identifiant ou mot de passe incorrect/);
    // Without --password-stdin and without a terminal: a French usage message, not an internal error.
    const noTerminal = await run(['unlock-check', '--data', dir], '');
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toMatch(/^Aucun terminal pour saisir le mot de passe : utilisez --password-stdin\./);
    expect(noTerminal.stderr).not.toMatch(/Erreur interne/);
  });
});
