// First paint of the largest lists, in Debian's Chromium through the dev host (the real renderer
// and handlers on the bench's data): from the navigation to the frame after the first table row
// exists, measured inside the page (no Playwright round trip in the figure).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const LISTS: [string, string][] = [
  ['paint_situations', '/situations'],
  ['paint_members', '/partenaires/membres'],
  ['paint_actions_board', '/commissions/suivi'],
  ['paint_journal', '/administration/journal'],
];

async function startHost(dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['electron/devhost.ts', '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`dev host exited (${code}): ${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Navigates the app to `path` and resolves with the time to the frame after the first table row. */
const measureScript = (path: string) => `(async () => {
  const start = performance.now();
  window.history.pushState({}, '', ${JSON.stringify(path)});
  window.dispatchEvent(new PopStateEvent('popstate'));
  await new Promise((resolve) => {
    const check = () => (document.querySelector('table.data tbody tr') ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
    check();
  });
  return performance.now() - start;
})()`;

export async function firstPaints(dataDir: string, login: string, password: string): Promise<Record<string, number>> {
  if (!existsSync(join('dist', 'renderer', 'index.html'))) throw new Error('bench: build the renderer first (npm run build:renderer)');
  const host = await startHost(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.getByLabel('Identifiant').fill(login);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Déverrouiller', exact: true }).click();
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    const figures: Record<string, number> = {};
    for (const [name, path] of LISTS) {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        await page.evaluate("window.history.pushState({}, '', '/'); window.dispatchEvent(new PopStateEvent('popstate'));");
        await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
        // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
        samples.push(await page.evaluate<number>(measureScript(path)));
      }
      figures[name] = Math.round(Math.max(...samples) * 10) / 10;
    }
    return figures;
  } finally {
    await browser.close();
    host.stop();
  }
}
