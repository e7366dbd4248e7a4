// Backups from the app and the CLI: the share holds only ciphertext, a manifest and the keyring;
// every backup is verified before it gets its name; the last N are kept; verification and restore
// work with a user's password or the backup's recovery key; a restore over the open base keeps a
// safety copy, ends the session and leaves a trail that verifies and records the restore.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../db/connection';
import { CliIo, runCli } from '../../electron/cli/run';
import { tableCounts } from '../../electron/services/backup/contents';
import { verifyAudit } from '../../electron/services/audit/verify';
import { Vault } from '../../electron/services/vault';
import { CHANNEL_NAMES } from '../../electron/shared/channels';
import { accountFor, ANIMATEUR, COORDINATOR, SECRETARY } from '../fixtures/people';
import { referralOf } from '../fixtures/situations';
import { backupSession, countsWithoutAudit, filesUnder, PERSON_NEEDLES, readableIn } from '../helpers/backup';
import { callChannel, firstUnlock, ok } from '../helpers/ipc';
import { manualClock, tempDir } from '../helpers/vault';

function cliIo(secret: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { readSecret: () => Promise.resolve(secret), out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err };
}

describe('a backup from the app', () => {
  it('writes only ciphertext, the keyring and a manifest to the share, verified, audited with its duration', async () => {
    const clock = manualClock();
    const { api, vault, share } = await backupSession({ now: clock.now });
    expect(await api.backup.run({ actorPassword: 'pas-le-bon' })).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    expect(readdirSync(share)).toEqual([]);
    clock.advance(60_000); // past the delay a wrong confirmation imposes
    const before = tableCounts(vault.database());

    const summary = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    // Named in Paris time, as the screen shows it (summer: +0200, winter: +0100).
    expect(summary.name).toMatch(/^clsm-sauvegarde-\d{4}-\d{2}-\d{2}_\d{2}h\d{2}m\d{2}_\+0[12]00$/);
    expect(readdirSync(share)).toEqual([summary.name]);
    expect(readdirSync(summary.path).sort()).toEqual(['clsm.db', 'clsm.keyring.json', 'manifest.json']);
    for (const file of filesUnder(share)) expect(readableIn(file, PERSON_NEEDLES), file).toEqual([]);

    const manifest = JSON.parse(readFileSync(join(summary.path, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'clsm-backup', version: 1, appVersion: '0.1.0', schemaVersion: expect.any(Number) });
    expect(manifest.counts).toEqual(before);
    expect(manifest.counts.situation_identities).toBe(1);
    expect(manifest.database.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.auditHead.hash).toMatch(/^[0-9a-f]{64}$/);
    // The copy opens with the key and holds the person: it is a real backup, only encrypted.
    const copy = openEncryptedDatabase(join(summary.path, 'clsm.db'), await masterKeyOf(vault), { create: false });
    expect(copy.prepare('SELECT last_name FROM situation_identities').pluck().get()).toBe('Hœrner');
    copy.close();

    const status = await ok(api.backup.status({}));
    expect(status).toMatchObject({ lastVerifiedAt: manifest.createdAt, reminder: null, shareProblem: null, running: null });
    expect(status.backups).toEqual([expect.objectContaining({ name: summary.name, bytes: manifest.database.bytes })]);
    const events = await ok(api.audit.list({ action: 'backup.run', limit: 10 }));
    expect(events.events.map((e) => [e.outcome, e.detail])).toEqual([
      ['success', expect.stringMatching(/^bytes=\d+,ms=\d+,removed=0,via=app$/)],
      ['refused', 'code=CONFIRMATION_REQUIRED'],
    ]);
  });

  it('keeps the last N backups on the share, newest first', async () => {
    const clock = manualClock();
    const { api, share } = await backupSession({ now: clock.now, keep: 2 });
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(60_000);
      names.push((await ok(api.backup.run({ actorPassword: COORDINATOR.password }))).name);
    }
    expect(readdirSync(share).sort()).toEqual(names.slice(1).sort());
    expect((await ok(api.backup.status({}))).backups.map((b) => b.name)).toEqual([names[2], names[1]]);
  });

  it('reminds the coordinator at unlock and on the dashboard when the last verified backup is too old', async () => {
    const clock = manualClock(new Date('2026-03-02T08:30:00Z'));
    const { api } = await backupSession({ now: clock.now });
    expect((await ok(api.session.info({})))!.backupReminder).toEqual({ lastVerifiedAt: null, reminderDays: 365 });
    await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    expect((await ok(api.session.info({})))!.backupReminder).toBeNull();
    clock.advance(364 * 86_400_000);
    expect((await ok(api.session.info({})))!.backupReminder).toBeNull();
    clock.advance(2 * 86_400_000);
    expect((await ok(api.session.info({})))!.backupReminder).toMatchObject({
      reminderDays: 365,
      lastVerifiedAt: '2026-03-02T08:30:00.000Z',
    });
    const settings = await ok(api.settings.get({}));
    await ok(api.settings.update({ ...settings, backupReminderDays: 30 }));
    await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    clock.advance(31 * 86_400_000);
    await ok(api.session.lock({}));
    const unlocked = await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    expect(unlocked.backupReminder).toMatchObject({ reminderDays: 30 });
    expect((await ok(api.backup.status({}))).reminder).toMatchObject({ reminderDays: 30 });
  });

  it('says when no share is configured, and is the coordinator’s alone', async () => {
    const { api } = await backupSession();
    const settings = await ok(api.settings.get({}));
    await ok(api.settings.update({ ...settings, backupShare: '' }));
    expect(await api.backup.run({ actorPassword: COORDINATOR.password })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_NOT_CONFIGURED', message: expect.stringMatching(/Administration › Sauvegardes/) },
    });
    await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    for (const person of [ANIMATEUR, SECRETARY]) {
      await firstUnlock(api, person);
      for (const channel of CHANNEL_NAMES.filter((c) => c.startsWith('backup.'))) {
        expect(await callChannel(api, channel, {}), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
  });
});

describe('verification and restore', () => {
  it('restores over the open base: password again, safety copy, session ended, restored trail verifies', async () => {
    const clock = manualClock();
    const { api, vault, share, referrer, dataDir } = await backupSession({ now: clock.now });
    const backup = await ok(api.backup.run({ actorPassword: COORDINATOR.password }));
    const atBackup = countsWithoutAudit(vault.database());
    await ok(api.situations.saveReferral(referralOf(referrer.id, { identity: { ...referralOf(0).identity, lastName: 'Weber' } })));
    expect(countsWithoutAudit(vault.database()).situations).toBe(atBackup.situations! + 1);

    expect(await api.backup.restore({ name: backup.name, actorPassword: 'pas-le-bon' })).toMatchObject({
      ok: false,
      error: { code: 'CONFIRMATION_REQUIRED' },
    });
    expect(vault.state()).toBe('unlocked');
    clock.advance(60_000);
    expect(await api.backup.verify({ name: backup.name, secret: { password: 'pas-le-bon' } })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_WRONG_SECRET' },
    });
    const verified = await ok(api.backup.verify({ name: backup.name, secret: { password: COORDINATOR.password } }));
    expect(verified.counts.situations).toBe(atBackup.situations);

    const restored = await ok(api.backup.restore({ name: backup.name, actorPassword: COORDINATOR.password }));
    expect(vault.state()).toBe('locked');
    expect(restored.safetyCopy).toMatch(/avant-restauration-/);
    expect(restored.safetyCopy!.startsWith(dataDir)).toBe(true);
    expect(readdirSync(restored.safetyCopy!)).toEqual(expect.arrayContaining(['clsm.db', 'clsm.keyring.json']));
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    expect(countsWithoutAudit(vault.database())).toEqual(atBackup);
    expect(verifyAudit(vault.database(), { databaseId: vault.databaseId() })).toMatchObject({ ok: true });
    const restoredEvents = await ok(api.audit.list({ action: 'backup', limit: 20 }));
    expect(restoredEvents.events.map((e) => e.action)).toContain('backup.restored');
    // The safety copy holds the base as it was just before, the later referral included.
    const kept = openEncryptedDatabase(join(restored.safetyCopy!, 'clsm.db'), await masterKeyOf(vault), { create: false });
    expect(kept.prepare('SELECT count(*) FROM situations').pluck().get()).toBe(atBackup.situations! + 1);
    expect(kept.prepare(`SELECT detail FROM audit_events WHERE action = 'backup.restore' AND outcome = 'success'`).pluck().get()).toBe(
      'step=replace',
    );
    kept.close();
    expect(readdirSync(share)).toEqual([backup.name]);
  });

  it('CLI: backup prints the path, verify-backup the counts, restore fills a new folder with every table equal', async () => {
    const { vault, dataDir, recoveryKey } = await backupSession();
    vault.lock('shutdown');
    const share = join(tempDir(), 'partage-cli');
    mkdirSync(share);
    const made = cliIo(COORDINATOR.password);
    expect(await runCli(['backup', '--data', dataDir, '--to', share, '--password-stdin'], made.io), made.err.join('\n')).toBe(0);
    const path = made.out[0]!;
    expect(path.startsWith(share)).toBe(true);
    await vault.unlock(COORDINATOR.login, COORDINATOR.password);
    const counts = countsWithoutAudit(vault.database());
    vault.lock('shutdown');

    const checked = cliIo(COORDINATOR.password);
    expect(await runCli(['verify-backup', path, '--password-stdin'], checked.io)).toBe(0);
    expect(checked.out.join('\n')).toMatch(/Sauvegarde valide/);
    expect(checked.out.join('\n')).toMatch(/situation_identities : 1/);

    const target = join(tempDir(), 'restauree');
    const restored = cliIo(recoveryKey);
    expect(
      await runCli(['restore', join(path, 'clsm.db'), '--data', target, '--password-stdin', '--recovery-key'], restored.io),
      restored.err.join('\n'),
    ).toBe(0);
    const fresh = new Vault({ dataDir: target });
    await fresh.unlock(COORDINATOR.login, COORDINATOR.password);
    expect(countsWithoutAudit(fresh.database())).toEqual(counts);
    expect(verifyAudit(fresh.database(), { databaseId: fresh.databaseId() })).toMatchObject({ ok: true });
    fresh.lock('shutdown');

    const wrong = cliIo('pas-le-bon');
    expect(await runCli(['verify-backup', path, '--password-stdin'], wrong.io)).toBe(1);
    expect(wrong.err.join('\n')).toMatch(/n’ouvre pas cette sauvegarde/);
  });
});

/** The master key, through the keyring as the app gets it (tests only: to open copies). */
async function masterKeyOf(vault: Vault): Promise<Buffer> {
  return vault.keys.confirm(COORDINATOR.login, COORDINATOR.password, (key) => Buffer.from(key));
}
