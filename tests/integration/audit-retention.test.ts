// The trail for the DPO: the CSV export (Excel's format, filtered by period and situation code), and
// the trail's own retention — old events archived, encrypted, to the share and removed, the chain
// still verifying from the checkpoint.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openAuditArchive } from '../../electron/services/audit/archive-file';
import { auditKeysOf } from '../../electron/services/audit/keys';
import { verifyAudit } from '../../electron/services/audit/verify';
import { COORDINATOR } from '../fixtures/people';
import { referralOf } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { situationsSession } from '../helpers/situations';
import { manualClock, tempDir } from '../helpers/vault';

const DAY = 86_400_000;

/** The rows of an exported CSV, as Excel reads them: BOM, then `;`-separated cells with a header. */
function csvRows(file: { base64: string }): Record<string, string>[] {
  const bytes = Buffer.from(file.base64, 'base64');
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse<Record<string, string>>(bytes.subarray(3).toString('utf8'), { delimiter: ';', columns: true });
}

describe('the DPO’s export of the trail', () => {
  it('is a CSV Excel opens (BOM, `;`), filtered by period and by situation code, and is itself audited', async () => {
    const clock = manualClock(new Date('2026-03-02T08:30:00Z'));
    const { api, referrer } = await situationsSession({ now: clock.now });
    const first = await ok(api.situations.saveReferral(referralOf(referrer.id)));
    clock.advance(10 * DAY);
    const second = await ok(
      api.situations.saveReferral(referralOf(referrer.id, { identity: { ...referralOf(0).identity, lastName: 'Weber' } })),
    );
    await ok(api.situations.get({ id: first.id }));

    const all = await ok(api.audit.export({}));
    expect(all).toMatchObject({ mimeType: 'text/csv', fileName: expect.stringMatching(/^journal-audit-2026-03-12\.csv$/) });
    const bytes = Buffer.from(all.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(all);
    expect(Object.keys(rows[0]!)).toEqual([
      'N°',
      'Date et heure',
      'Utilisateur',
      'Action',
      'Code action',
      'Objet',
      'Identifiant',
      'Résultat',
      'Détail',
    ]);
    expect(rows.some((r) => r['Action'] === 'Nouvelle saisine' && r['Utilisateur'] === 'Françoise Marchal')).toBe(true);
    expect(bytes.toString('utf8')).not.toContain('Hœrner');

    const one = csvRows(await ok(api.audit.export({ situationCode: first.code.toLowerCase() })));
    expect(one.length).toBeGreaterThanOrEqual(2);
    expect(
      one.every(
        (r) =>
          (r['Objet'] === `Situation ${first.code}` && r['Identifiant'] === String(first.id)) ||
          r['Détail']!.includes(`situation ${first.code}`),
      ),
    ).toBe(true);
    expect(one.some((r) => r['Code action'] === 'situations.view')).toBe(true);

    const early = csvRows(await ok(api.audit.export({ to: '2026-03-05' })));
    expect(early.some((r) => r['Objet'] === `Situation ${second.code}` && r['Identifiant'] === String(second.id))).toBe(false);
    // The same words as the journal on screen: no token as stored in the trail.
    for (const r of rows) expect(r['Détail'], r['Code action']).not.toMatch(/[a-z_]+=|\bG\d+:/);
    expect(early.every((r) => r['Date et heure']!.startsWith('02/03/2026'))).toBe(true);
    expect(early.length).toBeGreaterThan(0);
    expect(await api.audit.export({ situationCode: 'S-2031-999' })).toMatchObject({ ok: false, error: { code: 'SITUATION_NOT_FOUND' } });
    expect(await api.audit.export({ situationCode: 'Hœrner' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const exports = await ok(api.audit.list({ action: 'audit.export', limit: 10 }));
    expect(exports.events.map((e) => e.detail)).toContain(`count=${one.length},situation=${first.code}`);
  });
});

describe('the trail’s own retention', () => {
  it('archives events older than the period to an encrypted file on the share; the chain still verifies', async () => {
    const clock = manualClock(new Date('2026-03-02T08:30:00Z'));
    const { api, vault, referrer } = await situationsSession({ now: clock.now });
    await ok(api.situations.saveReferral(referralOf(referrer.id)));
    const share = join(tempDir(), 'partage');
    mkdirSync(share);
    const settings = await ok(api.settings.get({}));
    await ok(api.settings.update({ ...settings, backupShare: share }));
    // The genesis (event 1) is never archived: the chain is proven from the database's creation.
    const before = vault.database().prepare('SELECT count(*) FROM audit_events WHERE id > 1').pluck().get() as number;
    expect((await ok(api.audit.archiveStatus({}))).archivable).toBe(0);

    clock.advance(3 * 365 * DAY + 30 * DAY); // past 36 months
    const status = await ok(api.audit.archiveStatus({}));
    expect(status).toMatchObject({ retentionMonths: 36, archives: [] });
    expect(status.archivable).toBeGreaterThanOrEqual(before);
    expect(await api.audit.archive({ actorPassword: 'pas-le-bon' })).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    clock.advance(60_000);
    const result = await ok(api.audit.archive({ actorPassword: COORDINATOR.password }));
    expect(result.archived).toBe(status.archivable);
    expect(readdirSync(share)).toEqual([result.fileName]);
    const file = readFileSync(join(share, result.fileName!));
    expect(file.includes(Buffer.from('session.unlock'))).toBe(false);
    expect(file.includes(Buffer.from('situations.refer'))).toBe(false);

    const db = vault.database();
    const verification = verifyAudit(db, { databaseId: vault.databaseId() });
    expect(verification).toMatchObject({ ok: true });
    // The genesis stays; the archived events after it are gone.
    expect(db.prepare('SELECT id, action FROM audit_events ORDER BY id LIMIT 2').all()).toEqual([
      { id: 1, action: 'audit.genesis' },
      { id: result.archived + 2, action: expect.any(String) },
    ]);
    const archived = openAuditArchive(join(share, result.fileName!), auditKeysOf(db)!.archive);
    expect(archived).toMatchObject({ fromId: 2, throughId: result.archived + 1 });
    expect(archived.hashOf(2)).toMatch(/^[0-9a-f]{64}$/);
    // Deleting an event still in the trail remains impossible; tampering with one is still found.
    expect(() => db.prepare('DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)').run()).toThrow(/append-only/);
    expect((await ok(api.audit.archiveStatus({}))).archives).toEqual([expect.objectContaining({ archiveName: result.fileName })]);
    const events = await ok(api.audit.list({ action: 'audit.archive', limit: 5 }));
    expect(events.events[0]).toMatchObject({ outcome: 'success', detail: expect.stringMatching(/^count=\d+,before=2026-0\d-\d\d$/) });
  });
});
