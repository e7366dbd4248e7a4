// `npm run bench [-- --scale 1y|10y]`: builds (once) and measures the bench's data sets, then writes
// bench/results.json and bench/RESULTS.md. Figures are wall times on this machine; budgets are
// compared as ratios within the same run where the issue asks for ratios. Never run by CI.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { openEncryptedDatabase, PAGE_CACHE_KIB } from '../db/connection';
import { readKeyring, unlockWithPassword } from '../db/keyring';
import { buildApi, type ClsmApi } from '../electron/ipc/api';
import { createDispatcher } from '../electron/ipc/dispatcher';
import { handlers } from '../electron/ipc/handlers';
import { must } from '../electron/cli/demo-session';
import { Vault } from '../electron/services/vault';
import { CHANNEL_NAMES } from '../electron/shared/channels';
import { BENCH_LOGIN, BENCH_PASSWORD, ensureDataset, SCALES, type Scale } from './dataset';
import { queryWorkload, type WorkloadCall } from './workload';
import { writeReport, type BenchResults, type Stats } from './report';
import { firstPaints } from './paint';

const CACHE = join(__dirname, '.cache');
const LAST_DAY = '2026-12-20';

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

async function sample(runs: number, run: () => unknown): Promise<Stats> {
  await run(); // warm-up: statements prepared, pages in cache, as on a screen shown the second time
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await timed(run)).ms);
  return stats(samples);
}

/** The longest stretch the event loop could not run during `work`, as the main process would feel it. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ ms: number; blockMs: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const { ms, value } = await timed(work);
  histogram.disable();
  return { ms, value, blockMs: round(histogram.max / 1e6) };
}

async function measureScale(scale: Scale, log: (line: string) => void): Promise<BenchResults['scales'][string]> {
  const source = await ensureDataset(CACHE, scale, log);
  const work = mkdtempSync(join(tmpdir(), `clsm-bench-${scale.name}-`));
  try {
    const dataDir = join(work, 'data');
    cpSync(source, dataDir, { recursive: true });
    const share = join(work, 'partage');
    mkdirSync(share);
    let now = new Date(`${LAST_DAY}T09:00:00Z`);
    const clock = () => new Date((now = new Date(now.getTime() + 1000)).getTime());
    const vault = new Vault({ dataDir, now: clock });
    const ipc = createDispatcher({ vault, handlers, now: clock });
    const api: ClsmApi = buildApi(CHANNEL_NAMES, (channel, payload) => ipc.dispatch(channel, payload, { trustedSender: true }));
    const ms: Record<string, Stats | number> = {};
    log(`${scale.name} : déverrouillage`);
    // The first unlock migrates the cached data set to this schema: timed apart.
    ms.first_unlock_with_migration = round(
      (await timed(() => must(api.session.unlock({ login: BENCH_LOGIN, password: BENCH_PASSWORD })))).ms,
    );
    const unlocks: number[] = [];
    for (let i = 0; i < 3; i++) {
      vault.lock('user');
      unlocks.push((await timed(() => must(api.session.unlock({ login: BENCH_LOGIN, password: BENCH_PASSWORD })))).ms);
    }
    ms.unlock = stats(unlocks);
    ms.first_dashboard = round((await timed(() => Promise.all([must(api.situations.dashboard({})), must(api.meetings.dashboard({}))]))).ms);

    log(`${scale.name} : listes et fiches`);
    const sit = await must(api.situations.page({ limit: 50, offset: 0 }));
    const meetings = await must(api.meetings.list({}));
    const lastMeeting = meetings[0]!;
    const lastItem = (await must(api.meetings.get({ meetingId: lastMeeting.id }))).items[0]!.id;
    const calls: [string, () => Promise<unknown>][] = [
      ['situations_page_1', () => must(api.situations.page({ limit: 50, offset: 0 }))],
      ['situations_page_last', () => must(api.situations.page({ limit: 50, offset: Math.max(0, sit.total - 50) }))],
      ['situations_search_code', () => must(api.situations.page({ search: 'S-2026-01', limit: 50, offset: 0 }))],
      ['situations_search_name', () => must(api.situations.page({ search: 'helene', limit: 50, offset: 0 }))],
      ['situations_filter_state', () => must(api.situations.page({ state: 'follow_up', limit: 50, offset: 0 }))],
      ['registry_page_1', () => must(api.situations.registry({ limit: 50, offset: 0 }))],
      ['members_page_1', () => must(api.partners.pageMembers({ limit: 50, offset: 0 }))],
      ['members_search', () => must(api.partners.pageMembers({ search: 'noemie', limit: 50, offset: 0 }))],
      ['structures_page_1', () => must(api.partners.pageStructures({ limit: 50, offset: 0 }))],
      ['meetings_list', () => must(api.meetings.page({ limit: 50, offset: 0 }))],
      ['member_picker', () => must(api.partners.memberChoices({ search: 'mar', limit: 21 }))],
      ['action_owners', () => must(api.actions.owners({ itemId: lastItem }))],
      ['actions_board_first_view', () => must(api.actions.page({ section: 'overdue', limit: 50, offset: 0 }))],
      ['actions_board_open', () => must(api.actions.page({ section: 'open', limit: 50, offset: 0 }))],
      ['actions_board_reviewed_page_20', () => must(api.actions.page({ section: 'reviewed', limit: 50, offset: 950 }))],
      ['actions_of_a_situation', () => must(api.actions.board({ situationId: sit.items[0]!.id }))],
      ['journal_page_1', () => must(api.audit.list({ limit: 50, offset: 0 }))],
      ['journal_by_action', () => must(api.audit.list({ action: 'situations.saveReferral', limit: 50, offset: 0 }))],
      ['journal_by_outcome', () => must(api.audit.list({ outcome: 'failure', limit: 50, offset: 0 }))],
      ['journal_page_100', () => must(api.audit.list({ limit: 50, offset: 4950 }))],
      ['situations_dashboard', () => must(api.situations.dashboard({}))],
      ['meetings_dashboard', () => must(api.meetings.dashboard({}))],
      ['retention_candidates', () => must(api.retention.candidates({}))],
      ['situation_detail', () => must(api.situations.get({ id: sit.items[0]!.id }))],
      ['meeting_detail', () => must(api.meetings.get({ meetingId: lastMeeting.id }))],
    ];
    for (const [name, call] of calls) ms[name] = await sample(15, call);

    log(`${scale.name} : documents`);
    const year = Number(LAST_DAY.slice(0, 4));
    for (const format of ['pdf', 'docx', 'csv'] as const)
      ms[`annual_report_${format}`] = await sample(2, () =>
        must(api.evaluation.export({ period: { from: `${year}-01-01`, to: `${year}-12-31` }, format })),
      );
    ms.convocations_meeting = await sample(2, () => must(api.meetings.convocations({ meetingId: lastMeeting.id })));
    await must(
      api.signing.create({
        memberId: null,
        commonName: 'Françoise Hœrner',
        organization: 'CH de Jury',
        password: BENCH_PASSWORD,
        passwordConfirmation: BENCH_PASSWORD,
      }),
    );
    await must(api.minutes.recordApproval({ meetingId: lastMeeting.id, reason: 'approved_by_mail', on: LAST_DAY }));
    ms.minutes_signed = round(
      (await timed(() => must(api.minutes.sign({ meetingId: lastMeeting.id, password: BENCH_PASSWORD, animateurPassword: null })))).ms,
    );

    log(`${scale.name} : vérification du journal, sauvegarde, restauration`);
    const trail = await longestBlock(() => must(api.audit.verify({})));
    ms.audit_verify_full = round(trail.ms);
    ms.audit_verify_longest_block = trail.blockMs;
    await must(api.settings.update({ ...(await must(api.settings.get({}))), backupShare: share }));
    const dbFile = vault.dbPath;
    vault.database().pragma('wal_checkpoint(TRUNCATE)');
    const copyMs = (await timed(() => copyFileSync(dbFile, join(work, 'copie-simple.db')))).ms;
    const backup = await longestBlock(() => must(api.backup.run({ actorPassword: BENCH_PASSWORD })));
    const verify = await longestBlock(() => must(api.backup.verify({ name: backup.value.name, secret: { password: BENCH_PASSWORD } })));
    ms.plain_copy = round(copyMs);
    ms.backup = round(backup.ms);
    ms.backup_verify = round(verify.ms);
    ms.backup_longest_block = backup.blockMs;
    ms.verify_longest_block = verify.blockMs;
    // The next backup hashes the trail from the first one's head only.
    await must(api.situations.page({ limit: 50, offset: 0 }));
    const second = await longestBlock(() => must(api.backup.run({ actorPassword: BENCH_PASSWORD })));
    ms.backup_incremental = round(second.ms);
    ms.backup_incremental_longest_block = second.blockMs;
    const restore = await longestBlock(() =>
      must(api.backup.restore({ name: backup.value.name, actorPassword: BENCH_PASSWORD, secret: null })),
    );
    ms.restore = round(restore.ms);
    ms.restore_longest_block = restore.blockMs;
    vault.lock('shutdown');

    log(`${scale.name} : premier affichage des listes dans Chromium`);
    Object.assign(ms, await firstPaints(dataDir, BENCH_LOGIN, BENCH_PASSWORD));

    log(`${scale.name} : chiffré et en clair`);
    const cacheRatios = await encryptedVersusPlain(work, dataDir);
    return {
      bytes: statSync(dbFile).size,
      ms,
      cacheRatios,
      ratios: {
        encrypted_vs_plain: cacheRatios[`${PAGE_CACHE_KIB / 1024}MiB`]!,
        backup_vs_copy: Math.round((copyMs / (backup.ms + verify.ms)) * 100) / 100,
      },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The same reads on the encrypted base and on a decrypted copy of it: the cost of the cipher. */
async function encryptedVersusPlain(work: string, dataDir: string): Promise<Record<string, number>> {
  const keyringPath = join(dataDir, 'clsm.keyring.json');
  const key = await unlockWithPassword(readKeyring(keyringPath), BENCH_LOGIN, Buffer.from(BENCH_PASSWORD, 'utf8'));
  if (!key) throw new Error('bench: the keyring does not open');
  const encrypted = openEncryptedDatabase(join(dataDir, 'clsm.db'), key, { create: false });
  encrypted.pragma('wal_checkpoint(TRUNCATE)');
  const plainPath = join(work, 'clair.db');
  copyFileSync(join(dataDir, 'clsm.db'), plainPath);
  const decrypting = new Database(plainPath);
  decrypting.pragma("cipher = 'chacha20'");
  decrypting.key(Buffer.concat([Buffer.from('raw:'), key]));
  decrypting.pragma('journal_mode = DELETE');
  decrypting.rekey(Buffer.alloc(0));
  decrypting.close();
  const plain = new Database(plainPath);
  plain.pragma('journal_mode = WAL');
  plain.pragma('temp_store = MEMORY');
  try {
    const workload = queryWorkload(LAST_DAY);
    const run = (db: Database.Database, calls: WorkloadCall[]) => {
      const start = performance.now();
      for (let i = 0; i < 5; i++) for (const call of calls) call(db);
      return performance.now() - start;
    };
    // The page cache: SQLite's default (2 MiB), then larger ones, on both bases alike.
    const ratios: Record<string, number> = {};
    for (const kib of [2048, 16384, 65536]) {
      for (const db of [encrypted, plain]) db.pragma(`cache_size = -${kib}`);
      run(encrypted, workload);
      run(plain, workload);
      const e = Math.min(run(encrypted, workload), run(encrypted, workload));
      const p = Math.min(run(plain, workload), run(plain, workload));
      ratios[`${kib / 1024}MiB`] = Math.round((e / p) * 100) / 100;
    }
    return ratios;
  } finally {
    encrypted.close();
    plain.close();
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.includes('--scale') ? process.argv[process.argv.indexOf('--scale') + 1] : null;
  const scales = SCALES.filter((s) => wanted === null || s.name === wanted);
  if (scales.length === 0) throw new Error(`bench: unknown scale ${wanted}`);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const results: BenchResults = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    // eslint-disable-next-line no-restricted-syntax -- the bench records when it ran, outside the app's clock
    ranAt: new Date().toISOString(),
    scales: {},
  };
  for (const scale of scales) results.scales[scale.name] = await measureScale(scale, log);
  const main = results.scales['10y'] ?? results.scales['1y']!;
  const out = join(__dirname);
  writeFileSync(
    join(out, 'results.json'),
    `${JSON.stringify({ ms: main.ms, ratios: main.ratios, scale: results.scales['10y'] ? '10y' : '1y', all: results }, null, 2)}\n`,
  );
  writeFileSync(join(out, 'RESULTS.md'), writeReport(results));
  log('bench/results.json et bench/RESULTS.md écrits.');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
