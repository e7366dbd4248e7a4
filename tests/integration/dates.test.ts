// Days are Paris days everywhere: between midnight and 1–2 a.m. in Paris the UTC day is still
// yesterday, and today's date used to be refused as "in the future". And a malformed date is a
// French field error, audited, never an exception outside the dispatcher.
import { describe, expect, it } from 'vitest';
import { coordinatorSession, ok } from '../helpers/ipc';
import { manualClock } from '../helpers/vault';

const HEADER =
  'Structure;Secteur;Adresse;Convention signée le;Signataire de la convention;Nom;Prénom;Fonction;Catégorie;Courriel;Téléphone;Type de membre';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8').toString('base64');
const structure = (conventionSignedOn: string | null) =>
  ({
    name: 'Metz Habitat Territoire',
    sector: 'bailleur_social',
    address: 'Metz',
    conventionSignedOn,
    conventionSignatory: conventionSignedOn === null ? null : 'Jean-Marc Thill',
  }) as const;

describe('today is the Paris day, at 00:30 in Paris', () => {
  // 15 January 2026, 00:30 in Paris = 14 January, 23:30 UTC.
  const atHalfPastMidnight = () => manualClock(new Date('2026-01-14T23:30:00Z'));

  it('accepts today for a convention, an adoption and a signature, and refuses tomorrow', async () => {
    const { api } = await coordinatorSession({ now: atHalfPastMidnight().now });
    const metz = await ok(api.partners.saveStructure(structure('2026-01-15')));
    expect(metz.conventionSignedOn).toBe('2026-01-15');
    const tomorrow = await api.partners.saveStructure({ ...structure('2026-01-16'), id: metz.id });
    expect(tomorrow).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { conventionSignedOn: 'La date ne peut pas être dans le futur.' } },
    });
    const [draft] = await ok(api.charter.list({}));
    await ok(api.charter.adopt({ versionId: draft!.id, adoptedOn: '2026-01-15' }));
    const member = await ok(
      api.partners.saveMember({
        structureId: metz.id,
        lastName: 'Becker',
        firstName: 'Sophie',
        function: '',
        category: 'personnel_bailleur',
        email: '',
        phone: '',
        membership: 'permanent',
      }),
    );
    await ok(api.charter.recordSignature({ memberId: member.id, versionId: draft!.id, signedOn: '2026-01-15' }));
  });

  it('imports a convention signed today, and names the export after the Paris day', async () => {
    const { api } = await coordinatorSession({ now: atHalfPastMidnight().now });
    const report = await ok(
      api.partners.importDirectory({ base64: csv('CCAS de Metz;CCAS;Metz;15/01/2026;Marie Lang;;;;;;;'), commit: true }),
    );
    expect(report).toMatchObject({ valid: true, committed: true, structuresCreated: 1 });
    const refused = await ok(
      api.partners.importDirectory({ base64: csv('CCAS de Woippy;CCAS;Woippy;16/01/2026;Paul Roth;;;;;;;'), commit: false }),
    );
    expect(refused.lines[0]).toMatchObject({
      status: 'error',
      errors: ['date de convention « 16/01/2026 » invalide (attendu : jj/mm/aaaa, pas dans le futur)'],
    });
    expect((await ok(api.partners.exportDirectory({}))).fileName).toBe('annuaire-commission-clsm-2026-01-15.csv');
  });

  it('filters the journal by Paris day', async () => {
    const { api } = await coordinatorSession({ now: atHalfPastMidnight().now });
    const page = await ok(api.audit.list({ from: '2026-01-15', to: '2026-01-15' }));
    expect(page.events.map((e) => e.action)).toContain('session.unlock');
    expect((await ok(api.audit.list({ to: '2026-01-14' }))).total).toBe(0);
  });
});

describe('a malformed date is a French field error, audited', () => {
  it.each([
    ['', 'Indiquez la date de signature de la convention.'],
    ['abc', 'Cette date n’existe pas ou est mal écrite (jj/mm/aaaa).'],
    ['2025-13-01', 'Cette date n’existe pas ou est mal écrite (jj/mm/aaaa).'],
    ['2026-02-30', 'Cette date n’existe pas ou est mal écrite (jj/mm/aaaa).'],
  ])('« %s »', async (day, message) => {
    const { api, vault } = await coordinatorSession();
    const result = await api.partners.saveStructure(structure(day));
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining(message), fields: { conventionSignedOn: message } },
    });
    const refusal = vault.database().prepare(`SELECT outcome, detail FROM audit_events WHERE action = 'partners.saveStructure'`).get();
    expect(refusal).toEqual({ outcome: 'refused', detail: 'code=INVALID_INPUT' });
  });

  it('explains a reversed date range in the journal filters', async () => {
    const { api } = await coordinatorSession();
    expect(await api.audit.list({ from: '2026-03-10', to: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { to: 'La date de début doit précéder la date de fin.' } },
    });
  });
});
