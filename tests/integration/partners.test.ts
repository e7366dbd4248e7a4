import { describe, expect, it } from 'vitest';
import type { MemberSummary, StructureSummary } from '../../electron/ipc/contract';
import { COORDINATOR, SECRETARY } from '../fixtures/people';
import { coordinatorSession } from '../helpers/ipc';

const CMP = { name: 'CMP de Metz-Sud', sector: 'cmp', address: '1 rue du Fort Queuleu, 57070 Metz', conventionSignedOn: '2026-01-15', conventionSignatory: 'Dr Paul Fischer' };
const CCAS = { name: 'CCAS de Woippy', sector: 'ccas', address: 'Place de l’Hôtel de Ville, 57140 Woippy', conventionSignedOn: null, conventionSignatory: null };
const nurse = (structureId: number) => ({
  structureId, lastName: 'Lambert', firstName: 'Claire', function: 'Infirmière de secteur', category: 'professionnel_sante',
  email: 'claire.lambert@cmp-metz.example', phone: '03 87 00 00 01', membership: 'permanent',
});

async function withDirectory() {
  const session = await coordinatorSession();
  const cmp = await session.call<StructureSummary>('partners.saveStructure', CMP);
  const ccas = await session.call<StructureSummary>('partners.saveStructure', CCAS);
  const claire = await session.call<MemberSummary>('partners.saveMember', nurse(cmp.id));
  return { ...session, cmp, ccas, claire };
}

const actions = (vault: { database(): { prepare(sql: string): { all(): unknown[] } } }) =>
  (vault.database().prepare(`SELECT action || ':' || coalesce(object_type, '') || ':' || coalesce(object_id, '') AS a FROM audit_events WHERE outcome = 'success'`).all() as { a: string }[]).map((r) => r.a);

describe('directory', () => {
  it('creates, finds and filters structures and members, with G4 reasons, all audited', async () => {
    const { call, vault, cmp, ccas, claire } = await withDirectory();
    expect(cmp.conventionReasons).toEqual([]);
    expect(ccas.conventionReasons).toEqual(['La structure « CCAS de Woippy » n’a pas signé la convention de partenariat.']);
    expect((await call<StructureSummary[]>('partners.listStructures', { convention: 'unsigned' })).map((s) => s.name)).toEqual(['CCAS de Woippy']);
    expect((await call<StructureSummary[]>('partners.listStructures', { search: 'metz sud' })).map((s) => s.name)).toEqual(['CMP de Metz-Sud']);
    expect((await call<MemberSummary[]>('partners.listMembers', { search: 'infirmiere' })).map((m) => m.displayName)).toEqual(['Claire Lambert']);
    expect(claire).toMatchObject({ structureName: 'CMP de Metz-Sud', signedVersions: [], charterReasons: [expect.stringMatching(/Aucune charte/)] });
    await expect(call('partners.saveStructure', { ...CCAS, name: 'ccas de woippy' })).rejects.toMatchObject({ code: 'STRUCTURE_NAME_TAKEN' });
    await expect(call('partners.saveMember', nurse(cmp.id))).rejects.toMatchObject({ code: 'MEMBER_DUPLICATE' });
    expect(actions(vault)).toEqual(expect.arrayContaining([`partners.createStructure:structure:${cmp.id}`, `partners.createMember:member:${claire.id}`]));
  });

  it('refuses half a convention and bad contact details with French field messages', async () => {
    const { raw, cmp } = await withDirectory();
    const half = await raw('partners.saveStructure', { ...CCAS, name: 'Metz Habitat Territoire', sector: 'bailleur_social', conventionSignedOn: '2026-01-10' });
    expect(half).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { conventionSignatory: expect.stringMatching(/date de signature de la convention et son signataire/) } } });
    const future = await raw('partners.saveStructure', { ...CCAS, name: 'X', conventionSignedOn: '2999-01-01', conventionSignatory: 'Y' });
    expect(future).toMatchObject({ ok: false, error: { fields: { conventionSignedOn: 'La date ne peut pas être dans le futur.' } } });
    const email = await raw('partners.saveMember', { ...nurse(cmp.id), firstName: 'Marc', email: 'pas-un-courriel' });
    expect(email).toMatchObject({ ok: false, error: { fields: { email: 'Adresse de courriel invalide.' } } });
  });

  it('deletes what nothing refers to, and deactivates what is referenced', async () => {
    const { call, cmp, ccas, claire } = await withDirectory();
    expect(await call('partners.removeStructure', { id: ccas.id })).toEqual({ outcome: 'deleted' });
    expect(await call('partners.removeStructure', { id: cmp.id })).toEqual({ outcome: 'deactivated' });
    expect(await call<StructureSummary[]>('partners.listStructures', {})).toEqual([]);
    expect((await call<StructureSummary[]>('partners.listStructures', { includeInactive: true }))[0]).toMatchObject({ active: false, conventionReasons: [expect.stringMatching(/n’est plus active/)] });
    await expect(call('partners.saveMember', { ...nurse(cmp.id), firstName: 'Marc' })).rejects.toMatchObject({ code: 'STRUCTURE_INACTIVE' });
    await call('partners.setStructureActive', { id: cmp.id, active: true });
    const [version] = await call<{ id: number }[]>('charter.list');
    await call('charter.adopt', { versionId: version!.id, adoptedOn: '2026-02-01' });
    await call('charter.recordSignature', { memberId: claire.id, versionId: version!.id, signedOn: '2026-02-03' });
    expect(await call('partners.removeMember', { id: claire.id })).toEqual({ outcome: 'deactivated' });
  });

  it('lets the secretariat keep the directory but not adopt the charter; the animateur only reads', async () => {
    const { call, raw, cmp } = await withDirectory();
    await call('users.create', { login: SECRETARY.login, displayName: SECRETARY.displayName, role: 'secretariat', password: SECRETARY.password, passwordConfirmation: SECRETARY.password, actorPassword: COORDINATOR.password });
    await call('users.create', { login: 'e.schmitt', displayName: 'Élodie Schmitt', role: 'animateur', password: 'Animatrice-de-seance-1', passwordConfirmation: 'Animatrice-de-seance-1', actorPassword: COORDINATOR.password });
    await call('session.unlock', { login: SECRETARY.login, password: SECRETARY.password });
    await call('partners.saveMember', { ...nurse(cmp.id), firstName: 'Marc', lastName: 'Weber' });
    expect(await raw('charter.newDraft')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await call('session.unlock', { login: 'e.schmitt', password: 'Animatrice-de-seance-1' });
    expect(await call<MemberSummary[]>('partners.listMembers', {})).toHaveLength(2);
    expect(await raw('partners.saveStructure', CCAS)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
