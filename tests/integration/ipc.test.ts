import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildApi } from '../../electron/ipc/api';
import type { Channel } from '../../electron/ipc/contract';
import { isStaged } from '../../electron/services/common/staged';
import { CHANNEL_NAMES as CHANNELS } from '../../electron/shared/channels';
import { createDispatcher, HandlerTable } from '../../electron/ipc/dispatcher';
import { handlers } from '../../electron/ipc/handlers';
import { Vault } from '../../electron/services/vault';
import { COORDINATOR, ESTABLISHMENT, SECRETARY, accountFor, annKlein, ccasDeMetz } from '../fixtures/people';
import { ok } from '../helpers/ipc';
import { systemClock } from '../../electron/shared/dates';
import { manualClock, tempDir } from '../helpers/vault';

const trusted = { trustedSender: true };

/** The real handler table, each handler (a staged one: its first step) wrapped in a spy so a test can prove it never ran. */
function spiedHandlers(): HandlerTable {
  const table = {} as Record<string, unknown>;
  for (const [channel, handler] of Object.entries(handlers)) {
    table[channel] = isStaged(handler) ? { ...handler, prepare: vi.fn(handler.prepare) } : vi.fn(handler as (...a: unknown[]) => unknown);
  }
  return table as unknown as HandlerTable;
}

/** The spy of a channel's handler (for a staged one, of its first step). */
const spy = (table: HandlerTable, channel: Channel) => {
  const entry = table[channel] as unknown;
  return vi.mocked((isStaged(entry) ? entry.prepare : entry) as (...a: unknown[]) => unknown);
};

async function setUp() {
  const clock = manualClock(systemClock());
  const vault = new Vault({ dataDir: join(tempDir(), 'data'), now: clock.now });
  const table = spiedHandlers();
  const log = vi.fn();
  const ipc = createDispatcher({ vault, handlers: table, log });
  const init = await ipc.dispatch(
    'setup.initialize',
    {
      establishmentName: ESTABLISHMENT,
      displayName: COORDINATOR.displayName,
      login: COORDINATOR.login,
      password: COORDINATOR.password,
      passwordConfirmation: COORDINATOR.password,
    },
    trusted,
  );
  expect(init).toMatchObject({
    ok: true,
    value: {
      recoveryKey: expect.any(String),
      recoverySheet: { fileName: 'fiche-de-recuperation-commission-clsm.pdf', base64: expect.any(String) },
      session: { login: COORDINATOR.login, recoveryKeyPending: true },
    },
  });
  // The set-up signs the coordinator in; these tests start from a confirmed key and a locked app.
  expect(await ipc.dispatch('recovery.confirmStored', {}, trusted)).toEqual({ ok: true, value: null });
  await ipc.dispatch('session.lock', {}, trusted);
  return { vault, table, log, ipc, clock, recoveryKey: (init as { value: { recoveryKey: string } }).value.recoveryKey };
}

const auditRows = (vault: Vault) =>
  vault.database().prepare('SELECT user_id AS userId, action, outcome, detail FROM audit_events ORDER BY id').all();

const userCount = (vault: Vault) => vault.database().prepare('SELECT count(*) FROM users').pluck().get();

describe('IPC registration wrapper', () => {
  it('refuses an unknown channel, an untrusted sender and a missing session without running anything, and audits it', async () => {
    const { vault, table, ipc } = await setUp();
    expect(await ipc.dispatch('system.exec', { cmd: 'rm -rf /' }, trusted)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'Action inconnue.' },
    });
    expect(await ipc.dispatch('users.list', {}, { trustedSender: false })).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    });
    expect(await ipc.dispatch('users.list', {}, trusted)).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
    expect(spy(table, 'users.list')).not.toHaveBeenCalled();
    expect(vault.session).toBeNull();

    // The trail is locked meanwhile: the refusals are written at the next unlock.
    await ipc.dispatch('session.unlock', { login: COORDINATOR.login, password: COORDINATOR.password }, trusted);
    expect(auditRows(vault)).toEqual(
      expect.arrayContaining([
        { userId: null, action: 'ipc.unknownChannel', outcome: 'refused', detail: expect.stringMatching(/^code=UNKNOWN_CHANNEL,since=/) },
        { userId: null, action: 'users.list', outcome: 'refused', detail: expect.stringMatching(/^code=UNTRUSTED_SENDER,since=/) },
        { userId: null, action: 'users.list', outcome: 'refused', detail: expect.stringMatching(/^code=NOT_AUTHENTICATED,since=/) },
      ]),
    );
  });

  it('refuses a wrong role, in the main process, and audits it with the user', async () => {
    const { vault, table, ipc, clock } = await setUp();
    await ipc.dispatch('session.unlock', { login: COORDINATOR.login, password: COORDINATOR.password }, trusted);
    const created = await ipc.dispatch('users.create', accountFor(SECRETARY, 'secretariat'), trusted);
    expect(created).toMatchObject({ ok: true, value: { login: SECRETARY.login, role: 'secretariat', active: true } });
    clock.advance(10);
    const session = await ipc.dispatch('session.unlock', { login: SECRETARY.login, password: SECRETARY.password }, trusted);
    expect(session).toMatchObject({ ok: true, value: { role: 'secretariat', displayName: SECRETARY.displayName } });
    spy(table, 'users.list').mockClear();
    expect(await ipc.dispatch('users.list', {}, trusted)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Votre rôle ne permet pas cette action.' },
    });
    expect(await ipc.dispatch('audit.verify', {}, trusted)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(spy(table, 'users.list')).not.toHaveBeenCalled();
    expect(spy(table, 'audit.verify')).not.toHaveBeenCalled();
    const secretaryId = vault.session!.userId;
    expect(auditRows(vault)).toContainEqual({ userId: secretaryId, action: 'users.list', outcome: 'refused', detail: 'code=FORBIDDEN' });
  });

  it('refuses malformed payloads with French messages per field, and changes nothing', async () => {
    const { vault, table, ipc } = await setUp();
    await ipc.dispatch('session.unlock', { login: COORDINATOR.login, password: COORDINATOR.password }, trusted);
    const before = userCount(vault);
    const payloads: unknown[] = [
      undefined,
      'users',
      { login: 'x' },
      {
        login: SECRETARY.login,
        displayName: SECRETARY.displayName,
        role: 'admin',
        password: SECRETARY.password,
        passwordConfirmation: SECRETARY.password,
        actorPassword: 'x',
      },
      {
        login: SECRETARY.login,
        displayName: SECRETARY.displayName,
        role: 'secretariat',
        password: 'court',
        passwordConfirmation: 'court',
        actorPassword: 'x',
      },
      {
        login: SECRETARY.login,
        displayName: SECRETARY.displayName,
        role: 'secretariat',
        password: SECRETARY.password,
        passwordConfirmation: 'autre-chose-encore',
        actorPassword: 'x',
      },
      {
        login: SECRETARY.login,
        displayName: SECRETARY.displayName,
        role: 'secretariat',
        password: SECRETARY.password,
        passwordConfirmation: SECRETARY.password,
        actorPassword: 'x',
        isAdmin: true,
      },
    ];
    for (const payload of payloads) {
      const result = await ipc.dispatch('users.create', payload, trusted);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^[A-ZÉ].+\.$/) } });
      // Sentences written for the app, never zod's generic wording.
      expect(JSON.stringify(result)).not.toMatch(/Trop grand|Trop petit|Entrée invalide|<=|>=/);
    }
    const short = await ipc.dispatch('users.create', payloads[4], trusted);
    expect(short).toMatchObject({ ok: false, error: { fields: { password: 'Le mot de passe doit contenir au moins 12 caractères.' } } });
    const mismatch = await ipc.dispatch('users.create', payloads[5], trusted);
    expect(mismatch).toMatchObject({
      ok: false,
      error: { fields: { passwordConfirmation: 'Les deux mots de passe ne correspondent pas.' } },
    });
    expect(spy(table, 'users.create')).not.toHaveBeenCalled();
    expect(userCount(vault)).toBe(before);
    expect(auditRows(vault).filter((e) => (e as { detail: string }).detail === 'code=INVALID_INPUT')).toHaveLength(payloads.length + 2);
  });

  it('turns an unexpected failure into a French message without stack, and logs no data', async () => {
    const { vault, ipc, log, table } = await setUp();
    await ipc.dispatch('session.unlock', { login: COORDINATOR.login, password: COORDINATOR.password }, trusted);
    spy(table, 'users.list').mockImplementationOnce(() => {
      throw new Error(`SQLITE_ERROR near "${COORDINATOR.displayName}"`);
    });
    const result = await ipc.dispatch('users.list', {}, trusted);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/erreur interne/) } });
    expect(JSON.stringify(result)).not.toMatch(/Marchal|at .*\.ts|SQLITE/);
    expect(log).toHaveBeenCalledWith('users.list', expect.any(Error));
    expect(auditRows(vault).at(-1)).toMatchObject({ action: 'users.list', outcome: 'failure', detail: 'code=INTERNAL' });
  });

  it('serves every channel of the contract through the real handlers', async () => {
    const { vault, ipc, recoveryKey, clock } = await setUp();
    const used = new Set<string>();
    const api = buildApi(CHANNELS, (channel, payload) => {
      used.add(channel);
      return ipc.dispatch(channel, payload, trusted);
    });
    expect(await ok(api.setup.status({}))).toEqual({ state: 'locked', problem: null });
    expect(await ok(api.session.info({}))).toBeNull();
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    // A new recovery key: nothing else answers until it is confirmed stored.
    const fresh = await ok(api.recovery.newKey({ actorPassword: COORDINATOR.password }));
    expect(fresh.recoveryKey).not.toBe(recoveryKey);
    expect(await api.users.list({})).toMatchObject({ ok: false, error: { code: 'RECOVERY_KEY_PENDING' } });
    await ok(api.recovery.confirmStored({}));
    expect(await ok(api.session.info({}))).toMatchObject({
      login: COORDINATOR.login,
      establishmentName: ESTABLISHMENT,
      autoLockMinutes: 10,
    });
    const { actorPassword: _, ...newAccount } = accountFor(SECRETARY, 'secretariat');
    expect(await ok(api.users.checkNewAccount(newAccount))).toBeNull();
    const secretary = await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    // Checked before the password is asked: a taken login, a missing role.
    expect(await api.users.checkNewAccount(newAccount)).toMatchObject({ ok: false, error: { code: 'LOGIN_TAKEN' } });
    expect(await api.users.checkNewAccount({ ...newAccount, login: 'a.autre', role: '' as never })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { role: 'Choisissez un rôle.' } },
    });
    await ok(
      api.users.resetPassword({
        userId: secretary.id,
        newPassword: 'Place-Saint-Louis-1',
        newPasswordConfirmation: 'Place-Saint-Louis-1',
        actorPassword: COORDINATOR.password,
      }),
    );
    await ok(
      api.users.changePassword({
        currentPassword: COORDINATOR.password,
        newPassword: 'Pont-des-Roches-2026',
        newPasswordConfirmation: 'Pont-des-Roches-2026',
      }),
    );
    expect(await ok(api.users.disable({ userId: secretary.id, actorPassword: 'Pont-des-Roches-2026' }))).toMatchObject({ active: false });
    expect(await ok(api.users.list({}))).toHaveLength(2);
    expect(await ok(api.session.activity({}))).toBeNull();
    const defaults = await ok(api.settings.get({}));
    expect(defaults).toMatchObject({ establishmentName: ESTABLISHMENT, autoLockMinutes: 10, consentReconfirmMonths: 12 });
    expect(defaults.situationTypologies).toContain('santé psychique');
    expect(defaults).toMatchObject({ followUpReviewMonths: 6 });
    expect(defaults.responseTypologies).toContain('Orientation vers les soins');
    const changed = {
      establishmentName: 'CH de Jury',
      autoLockMinutes: 5,
      consentReconfirmMonths: null,
      situationTypologies: ['logement', 'isolement'],
      responseTypologies: ['Orientation vers les soins', 'Autre'],
      knowledgeTypologies: ['Rôle des partenaires', 'Droits des personnes'],
      followUpReviewMonths: 3,
      coordinationContact: 'Coordination du CLSM, 03 87 56 00 00',
      backupShare: '\\\\serveur\\partage\\clsm',
      backupKeep: 3,
      backupReminderDays: 90,
      retentionMonths: 36,
      unconsentedReferralMonths: 4,
      minutesRetentionMonths: 30,
      dpoContact: 'DPO du CH de Jury, dpo@ch-jury.example',
      auditRetentionMonths: 48,
    };
    expect(await ok(api.settings.update(changed))).toEqual(changed);
    expect(await api.settings.update({ ...changed, backupReminderDays: 400 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { backupReminderDays: 'Une sauvegarde par an au moins : 365 jours au plus.' } },
    });
    expect(
      await api.settings.update({ ...changed, consentReconfirmMonths: 12, situationTypologies: ['logement', 'Logement'] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { situationTypologies: 'Une typologie figure deux fois.' } } });
    const page = await ok(api.audit.list({ action: 'users', outcome: 'success', limit: 2 }));
    expect(page.events).toHaveLength(2);
    expect(page.total).toBe(4); // create, passwordReset, passwordChange, disable
    expect(page.events.map((e) => e.action)).toEqual(['users.disable', 'users.passwordChange']);
    // Directory and charter.
    const s1 = await ok(api.partners.saveStructure(ccasDeMetz));
    const s2 = await ok(
      api.partners.saveStructure({
        name: 'Centre Moselle Solidarité Metz-Nord',
        sector: 'centre_moselle_solidarite',
        address: '',
        conventionSignedOn: null,
        conventionSignatory: null,
      }),
    );
    expect(await ok(api.partners.setStructureActive({ id: s2.id, active: false }))).toMatchObject({ active: false });
    expect(await ok(api.partners.removeStructure({ id: s2.id }))).toEqual({ outcome: 'deleted' });
    expect(await ok(api.partners.listStructures({}))).toHaveLength(1);
    expect(await ok(api.partners.pageStructures({ limit: 50, offset: 0 }))).toMatchObject({ total: 1, items: [{ name: 'CCAS de Metz' }] });
    expect(await ok(api.partners.structureChoices({}))).toEqual([{ id: s1.id, name: 'CCAS de Metz', active: true }]);
    const m1 = await ok(api.partners.saveMember(annKlein(s1.id)));
    const m2 = await ok(
      api.partners.saveMember({
        structureId: s1.id,
        lastName: 'Roth',
        firstName: 'Yves',
        function: '',
        category: 'autre',
        email: '',
        phone: '',
        membership: 'invited',
      }),
    );
    expect(await ok(api.partners.setMemberActive({ id: m2.id, active: false }))).toMatchObject({ active: false });
    expect(await ok(api.partners.removeMember({ id: m2.id }))).toEqual({ outcome: 'deleted' });
    expect(await ok(api.partners.listMembers({}))).toHaveLength(1);
    expect(await ok(api.partners.pageMembers({}))).toMatchObject({ total: 1, items: [{ lastName: 'Klein' }] });
    expect(await ok(api.partners.memberChoices({ search: 'klein' }))).toMatchObject([{ id: m1.id, displayName: 'Anne Klein' }]);
    const [v1] = await ok(api.charter.list({}));
    await ok(api.charter.saveDraft({ text: 'Charte\nArticle 1 — Consentement\nTexte.' }));
    await ok(api.charter.adopt({ versionId: v1!.id, adoptedOn: '2026-02-01' }));
    await ok(api.charter.recordSignature({ memberId: m1.id, versionId: v1!.id, signedOn: '2026-02-02' }));
    const [signature] = await ok(api.charter.signatures({ versionId: v1!.id }));
    expect(signature).toMatchObject({ memberName: 'Anne Klein', signedOn: '2026-02-02', cancelledAt: null });
    expect(await ok(api.charter.cancelSignature({ signatureId: signature!.id, reason: 'Enregistrée par erreur' }))).toMatchObject({
      cancelReason: 'Enregistrée par erreur',
    });
    await ok(api.charter.recordSignature({ memberId: m1.id, versionId: v1!.id, signedOn: '2026-02-03' }));
    expect(await ok(api.charter.pdf({ versionId: v1!.id }))).toMatchObject({ mimeType: 'application/pdf' });
    expect(await ok(api.charter.commitmentPdf({ memberId: m1.id }))).toMatchObject({ mimeType: 'application/pdf' });
    expect(await ok(api.charter.newDraft({}))).toMatchObject({ version: 2, status: 'draft' });
    expect(await ok(api.charter.abandonDraft({}))).toMatchObject({ version: 1, status: 'current' });
    expect((await ok(api.charter.list({}))).map((v) => v.status)).toEqual(['current']);
    expect(await ok(api.charter.newDraft({}))).toMatchObject({ version: 2, status: 'draft' });
    const template = await ok(api.partners.importTemplate({}));
    expect(await ok(api.partners.importDirectory({ base64: template.base64, commit: false }))).toMatchObject({
      valid: true,
      lines: [{ status: 'new' }],
    });
    const csv = await ok(api.partners.exportDirectory({}));
    expect(await ok(api.partners.importDirectory({ base64: csv.base64, commit: false }))).toMatchObject({ valid: true, unchanged: 1 });

    expect(await ok(api.audit.verify({}))).toMatchObject({ ok: true, count: expect.any(Number) });
    expect(await ok(api.session.lock({}))).toBeNull();
    expect(vault.session).toBeNull();
    clock.advance(1);
    await ok(
      api.session.recover({
        recoveryKey: fresh.recoveryKey,
        login: COORDINATOR.login,
        newPassword: 'Arsenal-de-Metz-1989',
        newPasswordConfirmation: 'Arsenal-de-Metz-1989',
      }),
    );
    expect(vault.session?.login).toBe(COORDINATOR.login);
    // The recovery key left its envelope: the coordinator is asked for a new one until it is made.
    expect(await ok(api.session.info({}))).toMatchObject({ recoveryKeyUsedAt: clock.now().toISOString() });
    await ok(api.recovery.newKey({ actorPassword: 'Arsenal-de-Metz-1989' }));
    await ok(api.recovery.confirmStored({}));
    expect(await ok(api.session.info({}))).toMatchObject({ recoveryKeyUsedAt: null });
    used.add('setup.initialize');
    // Situations, consents, meetings, actions, signing and minutes have their own sweeps
    // (situation-channels.test.ts, meeting-channels.test.ts, minutes.test.ts), with every role.
    // Backups, retention and the trail's export and archive: backup*.test.ts, retention*.test.ts, audit-retention.test.ts.
    // Training, the CLSM's meetings and tools, the evaluation: training.test.ts. Key rotation: key-rotation.test.ts.
    const own = CHANNELS.filter(
      (c) =>
        !/^(situations|consents|meetings|actions|signing|minutes|backup|retention|training|clsm|evaluation)\./.test(c) &&
        // Drafts of the forms: drafts.test.ts.
        !c.startsWith('drafts.') &&
        !/^audit\.(export|archive)/.test(c) &&
        // The letterhead and the profiles: documents-settings.test.ts; the mail folder: mail-drafts.test.ts.
        !/^settings\.(letterhead|updateLetterhead|setLogo|letterheadSample|mailFolder|updateMailFolder)$/.test(c) &&
        !/^users\.(updateProfile|update|linkMember)$/.test(c) &&
        c !== 'users.rotateKey',
    );
    expect([...used].sort()).toEqual([...own].sort());
  });
});
