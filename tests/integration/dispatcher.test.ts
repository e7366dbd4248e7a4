// The dispatcher as transaction owner and gate enforcer: a write and its audit events commit
// together or not at all; a refusal is audited after the rollback, with gate codes and no name.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/errors';
import type { HandlerTable } from '../../electron/ipc/dispatcher';
import { handlers } from '../../electron/ipc/handlers';
import { assertGates, checks } from '../../electron/services/gates';
import { saveStructure } from '../../electron/services/partners/structures';
import type { Vault } from '../../electron/services/vault';
import { COORDINATOR, annKlein } from '../fixtures/people';
import { clientFor, ok } from '../helpers/ipc';
import { initializedVault } from '../helpers/vault';

const WOIPPY = { name: 'CCAS de Woippy', sector: 'ccas', address: 'Woippy', conventionSignedOn: null, conventionSignatory: null } as const;

async function sessionWith(table: HandlerTable) {
  const { vault } = await initializedVault();
  const { api } = clientFor(vault, { handlers: table });
  await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
  return { vault, api };
}

const structures = (vault: Vault) => vault.database().prepare('SELECT count(*) FROM structures').pluck().get();
const trail = (vault: Vault) =>
  vault
    .database()
    .prepare(`SELECT action, outcome, object_type AS objectType, detail FROM audit_events WHERE action LIKE 'partners.%' ORDER BY id`)
    .all();

describe('dispatcher: one transaction per write', () => {
  it('rolls back the change and its audit event when the use case is refused after writing, then audits the refusal', async () => {
    const { vault, api } = await sessionWith({
      ...handlers,
      'partners.saveStructure': (ctx, input) => {
        saveStructure(ctx, input);
        throw new AppError('STRUCTURE_NAME_TAKEN');
      },
    });
    expect(await api.partners.saveStructure(WOIPPY)).toMatchObject({ ok: false, error: { code: 'STRUCTURE_NAME_TAKEN' } });
    expect(structures(vault)).toBe(0);
    expect(trail(vault)).toEqual([
      { action: 'partners.saveStructure', outcome: 'refused', objectType: 'channel', detail: 'code=STRUCTURE_NAME_TAKEN' },
    ]);
  });

  it('rolls back on an unexpected failure too, and records it as a failure', async () => {
    const { vault, api } = await sessionWith({
      ...handlers,
      'partners.saveStructure': (ctx, input) => {
        saveStructure(ctx, input);
        throw new TypeError('boom');
      },
    });
    expect(await api.partners.saveStructure(WOIPPY)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(structures(vault)).toBe(0);
    expect(trail(vault)).toEqual([
      { action: 'partners.saveStructure', outcome: 'failure', objectType: 'channel', detail: 'code=INTERNAL' },
    ]);
  });

  it('commits the change and its audit event together on success', async () => {
    const { vault, api } = await sessionWith(handlers);
    await ok(api.partners.saveStructure(WOIPPY));
    expect(structures(vault)).toBe(1);
    expect(trail(vault)).toEqual([{ action: 'partners.createStructure', outcome: 'success', objectType: 'structure', detail: null }]);
  });
});

describe('dispatcher: gates', () => {
  it('refuses with every reason, writes nothing, and audits the gate codes without any name', async () => {
    const { vault, api } = await sessionWith({
      ...handlers,
      // A use case guarded by G3 and G4, as situations and meetings will be.
      'partners.saveMember': (ctx, input) => {
        const structure = saveStructure(ctx, { ...WOIPPY, name: 'CCAS de Metz' });
        assertGates(ctx, checks.convention(structure.id), checks.convention(input.structureId));
        throw new Error('not reached');
      },
    });
    const woippy = await ok(api.partners.saveStructure(WOIPPY));
    await ok(api.partners.setStructureActive({ id: woippy.id, active: false }));
    const result = await api.partners.saveMember(annKlein(woippy.id));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'GATE_REFUSED', message: 'Les conditions préalables ne sont pas remplies.' },
    });
    const reasons = result.ok ? [] : (result.error.reasons ?? []);
    expect(reasons.map((r) => `${r.gate}:${r.code}`)).toEqual([
      'G4:CONVENTION_NOT_SIGNED',
      'G4:STRUCTURE_INACTIVE',
      'G4:CONVENTION_NOT_SIGNED',
    ]);
    expect(reasons[1]).toMatchObject({
      subject: { type: 'structure', id: woippy.id },
      message: 'La structure « CCAS de Woippy » n’est plus active.',
    });
    expect(structures(vault)).toBe(1); // the structure written before the gate was rolled back
    const refusal = vault.database().prepare(`SELECT detail FROM audit_events WHERE action = 'partners.saveMember'`).pluck().get();
    expect(refusal).toBe('G4:CONVENTION_NOT_SIGNED,G4:STRUCTURE_INACTIVE');
    expect(JSON.stringify(vault.database().prepare('SELECT * FROM audit_events').all())).not.toMatch(/Woippy|Metz|Klein/);
  });
});

describe('dispatcher: what each role may call travels with the session', () => {
  it('lists the channels and areas of the role, as the main process enforces them', async () => {
    const { api } = await sessionWith(handlers);
    const coordinator = await ok(api.session.info({}));
    expect(coordinator!.allowed).toEqual(expect.arrayContaining(['users.create', 'charter.adopt', 'partners.importDirectory']));
    expect(coordinator!.areas).toEqual(['partners', 'situations', 'meetings', 'clsm', 'training', 'evaluation', 'administration']);
    const { allowedChannels, areasFor } = await import('../../electron/ipc/permissions');
    expect(allowedChannels('secretariat')).toContain('partners.saveStructure');
    expect(allowedChannels('secretariat')).not.toContain('users.list');
    expect(allowedChannels('animateur')).not.toContain('partners.saveStructure');
    // The secretariat opens Situations for the registry only (codes, dates, states); meetings carry
    // case content (agenda, deliberations, G5 exits) and stay with the coordinator and the animateur.
    // The CLSM's own bodies discuss no situation: the secretariat prepares them.
    expect(areasFor('secretariat')).toEqual(['partners', 'situations', 'clsm', 'training']);
    expect(areasFor('animateur')).toContain('meetings');
    expect(allowedChannels('secretariat').filter((c) => c.startsWith('situations.') || c.startsWith('consents.'))).toEqual([
      'situations.registry',
    ]);
  });
});

describe('dispatcher: a caller that is not the app', () => {
  it('is refused before anything else, even on an unknown channel or a bad payload, and never in the logged-in user’s name', async () => {
    const { vault } = await initializedVault();
    const { ipc, api } = clientFor(vault);
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    const idleBefore = vault.idleMs();
    for (const [channel, payload] of [
      ['users.list', {}],
      ['partners.saveStructure', { name: 42 }],
      ['system.shell', {}],
    ] as const) {
      expect(await ipc.dispatch(channel, payload, { trustedSender: false })).toMatchObject({
        ok: false,
        error: { code: 'UNTRUSTED_SENDER' },
      });
    }
    const refused = vault
      .database()
      .prepare(`SELECT action, user_id AS userId, detail FROM audit_events WHERE detail = 'code=UNTRUSTED_SENDER' ORDER BY id`)
      .all();
    expect(refused).toEqual([
      { action: 'users.list', userId: null, detail: 'code=UNTRUSTED_SENDER' },
      { action: 'partners.saveStructure', userId: null, detail: 'code=UNTRUSTED_SENDER' },
      { action: 'ipc.unknownChannel', userId: null, detail: 'code=UNTRUSTED_SENDER' },
    ]);
    expect(vault.idleMs()).toBeGreaterThanOrEqual(idleBefore); // an outsider's call does not keep the session awake
    expect(structures(vault)).toBe(0);
  });
});
