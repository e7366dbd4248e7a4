import { describe, expect, it } from 'vitest';
import { accountFor, ANIMATEUR, SECRETARY } from '../fixtures/people';
import { coordinatorSession, firstUnlock, ok } from '../helpers/ipc';

const CMP = {
  name: 'CMP de Metz-Sud',
  sector: 'cmp',
  address: '1 rue du Fort Queuleu, 57070 Metz',
  conventionSignedOn: '2026-01-15',
  conventionSignatory: 'Dr Paul Fischer',
} as const;
const CCAS = {
  name: 'CCAS de Woippy',
  sector: 'ccas',
  address: 'Place de l’Hôtel de Ville, 57140 Woippy',
  conventionSignedOn: null,
  conventionSignatory: null,
} as const;
const nurse = (structureId: number) =>
  ({
    structureId,
    lastName: 'Lambert',
    firstName: 'Claire',
    function: 'Infirmière de secteur',
    category: 'professionnel_sante',
    email: 'claire.lambert@cmp-metz.example',
    phone: '03 87 00 00 01',
    membership: 'permanent',
  }) as const;

async function withDirectory() {
  const session = await coordinatorSession();
  const cmp = await ok(session.api.partners.saveStructure(CMP));
  const ccas = await ok(session.api.partners.saveStructure(CCAS));
  const claire = await ok(session.api.partners.saveMember(nurse(cmp.id)));
  return { ...session, cmp, ccas, claire };
}

const actions = (vault: { database(): { prepare(sql: string): { all(): unknown[] } } }) =>
  (
    vault
      .database()
      .prepare(
        `SELECT action || ':' || coalesce(object_type, '') || ':' || coalesce(object_id, '') AS a FROM audit_events WHERE outcome = 'success'`,
      )
      .all() as { a: string }[]
  ).map((r) => r.a);

describe('directory', () => {
  it('creates, finds and filters structures and members, with G4 reasons, all audited', async () => {
    const { api, vault, cmp, ccas, claire } = await withDirectory();
    expect(cmp.conventionReasons).toEqual([]);
    expect(ccas.conventionReasons.map((r) => r.message)).toEqual([
      'La structure « CCAS de Woippy » n’a pas signé la convention de partenariat.',
    ]);
    expect((await ok(api.partners.listStructures({ convention: 'unsigned' }))).map((s) => s.name)).toEqual(['CCAS de Woippy']);
    expect((await ok(api.partners.listStructures({ search: 'metz sud' }))).map((s) => s.name)).toEqual(['CMP de Metz-Sud']);
    expect((await ok(api.partners.listMembers({ search: 'infirmiere' }))).map((m) => m.displayName)).toEqual(['Claire Lambert']);
    expect(claire).toMatchObject({
      structureName: 'CMP de Metz-Sud',
      signedVersions: [],
      charterReasons: [
        expect.objectContaining({ gate: 'G3', code: 'NO_CHARTER_ADOPTED', message: expect.stringMatching(/Aucune charte/) }),
      ],
    });
    await expect(ok(api.partners.saveStructure({ ...CCAS, name: 'ccas de woippy' }))).rejects.toMatchObject({
      code: 'STRUCTURE_NAME_TAKEN',
    });
    await expect(ok(api.partners.saveMember(nurse(cmp.id)))).rejects.toMatchObject({ code: 'MEMBER_DUPLICATE' });
    expect(actions(vault)).toEqual(
      expect.arrayContaining([`partners.createStructure:structure:${cmp.id}`, `partners.createMember:member:${claire.id}`]),
    );
  });

  it('refuses a near-duplicate name (case, accents, spaces, punctuation) and names the existing structure', async () => {
    const { api, cmp } = await withDirectory();
    const borny = await ok(api.partners.saveStructure({ ...CCAS, name: '  Centre  médico-psychologique de Metz-Borny ' }));
    expect(borny.name).toBe('Centre médico-psychologique de Metz-Borny');
    for (const name of [
      'centre medico-psychologique de metz-borny',
      'Centre médico-psychologique  de Metz-Borny',
      'CENTRE MEDICO PSYCHOLOGIQUE DE METZ BORNY',
    ]) {
      expect(await api.partners.saveStructure({ ...CCAS, name })).toMatchObject({
        ok: false,
        error: {
          code: 'STRUCTURE_NAME_TAKEN',
          fields: { name: 'Une structure porte déjà ce nom : « Centre médico-psychologique de Metz-Borny ».' },
        },
      });
    }
    // Renaming a structure to its own name with other accents is not a clash with itself.
    expect(await ok(api.partners.saveStructure({ ...CMP, id: cmp.id, name: 'CMP de Metz Sud' }))).toMatchObject({
      name: 'CMP de Metz Sud',
    });
  });

  it('refuses half a convention and bad contact details with French field messages', async () => {
    const { api, cmp } = await withDirectory();
    const half = await api.partners.saveStructure({
      ...CCAS,
      name: 'Metz Habitat Territoire',
      sector: 'bailleur_social',
      conventionSignedOn: '2026-01-10',
    } as never);
    expect(half).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { conventionSignatory: expect.stringMatching(/date de signature de la convention et son signataire/) },
      },
    });
    const future = await api.partners.saveStructure({ ...CCAS, name: 'X', conventionSignedOn: '2099-01-01', conventionSignatory: 'Y' });
    expect(future).toMatchObject({ ok: false, error: { fields: { conventionSignedOn: 'La date ne peut pas être dans le futur.' } } });
    const email = await api.partners.saveMember({ ...nurse(cmp.id), firstName: 'Marc', email: 'pas-un-courriel' });
    expect(email).toMatchObject({ ok: false, error: { fields: { email: 'Adresse de courriel invalide.' } } });
  });

  it('deletes what nothing refers to, and deactivates what is referenced', async () => {
    const { api, cmp, ccas, claire } = await withDirectory();
    expect(await ok(api.partners.removeStructure({ id: ccas.id }))).toEqual({ outcome: 'deleted' });
    expect(await ok(api.partners.removeStructure({ id: cmp.id }))).toEqual({ outcome: 'deactivated' });
    expect(await ok(api.partners.listStructures({}))).toEqual([]);
    expect((await ok(api.partners.listStructures({ includeInactive: true })))[0]).toMatchObject({
      active: false,
      conventionReasons: [expect.objectContaining({ code: 'STRUCTURE_INACTIVE', message: expect.stringMatching(/n’est plus active/) })],
    });
    await expect(ok(api.partners.saveMember({ ...nurse(cmp.id), firstName: 'Marc' }))).rejects.toMatchObject({
      code: 'STRUCTURE_INACTIVE',
    });
    await ok(api.partners.setStructureActive({ id: cmp.id, active: true }));
    // Its members were deactivated with it, and stay so until reactivated one by one.
    expect(await ok(api.partners.listMembers({ includeInactive: true }))).toMatchObject([
      { id: claire.id, active: false, structureActive: true },
    ]);
    await ok(api.partners.setMemberActive({ id: claire.id, active: true }));
    const [version] = await ok(api.charter.list({}));
    await ok(api.charter.adopt({ versionId: version!.id, adoptedOn: '2026-02-01' }));
    await ok(api.charter.recordSignature({ memberId: claire.id, versionId: version!.id, signedOn: '2026-02-03' }));
    expect(await ok(api.partners.removeMember({ id: claire.id }))).toEqual({ outcome: 'deactivated' });
  });

  it('deactivating a structure deactivates its active members, audited, and the members list says why', async () => {
    const { api, vault, cmp, claire } = await withDirectory();
    await ok(api.partners.setStructureActive({ id: cmp.id, active: false }));
    const [member] = await ok(api.partners.listMembers({ includeInactive: true }));
    expect(member).toMatchObject({ id: claire.id, active: false, structureActive: false });
    expect(member!.charterReasons.map((r) => r.code)).toContain('MEMBER_INACTIVE');
    expect(actions(vault)).toContain(`partners.deactivateMember:member:${claire.id}`);
    expect(await ok(api.partners.listMembers({}))).toEqual([]);
  });

  it('lets the secretariat keep the directory but not adopt the charter; the animateur only reads', async () => {
    const { api, cmp } = await withDirectory();
    await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await ok(api.users.create(accountFor(ANIMATEUR, 'animateur')));
    await firstUnlock(api, SECRETARY);
    const marc = await ok(api.partners.saveMember({ ...nurse(cmp.id), firstName: 'Marc', lastName: 'Weber' }));
    expect(await api.charter.newDraft({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Deleting is the coordinator's (DESIGN §5): the secretariat creates and edits only.
    expect(await api.partners.removeMember({ id: marc.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.partners.removeStructure({ id: cmp.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await firstUnlock(api, ANIMATEUR);
    expect(await ok(api.partners.listMembers({}))).toHaveLength(2);
    expect(await api.partners.saveStructure(CCAS as never)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('gives long lists a page at a time, with the total, filters applied first', async () => {
    const { api } = await coordinatorSession();
    for (let i = 1; i <= 7; i += 1) {
      await ok(api.partners.saveStructure({ ...CCAS, name: `Association de quartier n° ${i}` }));
    }
    const page = await ok(api.partners.pageStructures({ search: 'quartier', limit: 3, offset: 3 }));
    expect(page.total).toBe(7);
    expect(page.items.map((s) => s.name)).toEqual([
      'Association de quartier n° 4',
      'Association de quartier n° 5',
      'Association de quartier n° 6',
    ]);
    expect(await api.partners.pageStructures({ limit: 500 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
