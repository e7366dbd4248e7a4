import { describe, expect, it } from 'vitest';
import { ccasDeMetz } from '../fixtures/people';
import { coordinatorSession, ok } from '../helpers/ipc';

const HEADER =
  'Structure;Secteur;Adresse;Convention signée le;Signataire de la convention;Nom;Prénom;Fonction;Catégorie;Courriel;Téléphone;Type de membre';
const LINES = [
  'Metz Habitat Territoire;Bailleur social;10 rue du Pont des Morts, 57000 Metz;15/01/2026;Jean-Marc Thill;Becker;Sophie;Chargée de gestion locative;Personnel d’un bailleur;s.becker@mht.example;03 87 11 22 33;Permanent',
  'Metz Habitat Territoire;Bailleur social;10 rue du Pont des Morts, 57000 Metz;15/01/2026;Jean-Marc Thill;Nguyen;Thomas;Conseiller social;travailleur social;;;Invité',
  'CCAS de Montigny-lès-Metz;CCAS;"Place Jean Jaurès; 57950 Montigny-lès-Metz";;;Hoffmann;Françoise;Assistante sociale;Travailleur social;;;Permanent',
  'UDAF de la Moselle;Mandataire judiciaire;Metz;;;;;;;;;',
];
const utf8 = (lines: string[], bom = true) =>
  Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8')]);
const cp1252 = (text: string) =>
  Buffer.from([...text].map((c) => (({ é: 0xe9, è: 0xe8, ç: 0xe7, '’': 0x92 }) as Record<string, number>)[c] ?? c.charCodeAt(0)));

describe('directory CSV import', () => {
  it('names each line to be created, and neutralises cells that begin like a formula, as they will be stored', async () => {
    const { api } = await coordinatorSession();
    const base64 = utf8([
      LINES[0]!,
      "CCAS de Metz;CCAS;Metz;;;=cmd|' /C calc'!A0;+Anne;@Assistante;Travailleur social;;+33 3 87 00 00 00;Permanent",
    ]).toString('base64');
    const preview = await ok(api.partners.importDirectory({ base64, commit: false }));
    expect(preview.lines.map((l) => [l.line, l.status, l.label])).toEqual([
      [2, 'new', 'Sophie Becker — Metz Habitat Territoire'],
      [3, 'new', "'+Anne '=cmd|' /C calc'!A0 — CCAS de Metz"],
    ]);
    expect(preview.lines[1]!.neutralized).toEqual([
      { field: 'Nom', stored: "'=cmd|' /C calc'!A0" },
      { field: 'Prénom', stored: "'+Anne" },
      { field: 'Fonction', stored: "'@Assistante" },
    ]);
    await ok(api.partners.importDirectory({ base64, commit: true }));
    const stored = (await ok(api.partners.listMembers({}))).find((m) => m.structureName === 'CCAS de Metz')!;
    expect([stored.lastName, stored.firstName, stored.function, stored.phone]).toEqual([
      "'=cmd|' /C calc'!A0",
      "'+Anne",
      "'@Assistante",
      '+33 3 87 00 00 00',
    ]);
  });

  it('reports a quote never closed once, at its line, and checks the lines after it', async () => {
    const { api } = await coordinatorSession();
    const base64 = utf8(['"CCAS de Metz;CCAS;Metz;;;;;;;;;', LINES[3]!]).toString('base64');
    const preview = await ok(api.partners.importDirectory({ base64, commit: false }));
    expect(preview.valid).toBe(false);
    expect(preview.lines.map((l) => [l.line, l.status, l.errors])).toEqual([
      [2, 'error', ['guillemet ouvert et jamais refermé']],
      [3, 'new', []],
    ]);
  });

  it('previews, then imports everything in one go, and a second import changes nothing', async () => {
    const { api } = await coordinatorSession();
    const base64 = utf8(LINES).toString('base64');
    const preview = await ok(api.partners.importDirectory({ base64, commit: false }));
    expect(preview).toMatchObject({ encoding: 'utf-8', valid: true, committed: false, fileErrors: [] });
    expect(preview.lines.map((l) => l.status)).toEqual(['new', 'new', 'new', 'new']);
    expect(await ok(api.partners.listStructures({}))).toEqual([]);
    const done = await ok(api.partners.importDirectory({ base64, commit: true }));
    expect(done).toMatchObject({ committed: true, structuresCreated: 3, membersCreated: 3 });
    const members = await ok(api.partners.listMembers({}));
    expect(members.map((m) => `${m.displayName} (${m.structureName}, ${m.category}, ${m.membership})`)).toEqual([
      'Sophie Becker (Metz Habitat Territoire, personnel_bailleur, permanent)',
      'Françoise Hoffmann (CCAS de Montigny-lès-Metz, travailleur_social, permanent)',
      'Thomas Nguyen (Metz Habitat Territoire, travailleur_social, invited)',
    ]);
    const structures = await ok(api.partners.listStructures({}));
    expect(structures.find((s) => s.name === 'Metz Habitat Territoire')).toMatchObject({
      conventionSignedOn: '2026-01-15',
      conventionSignatory: 'Jean-Marc Thill',
    });
    expect(structures.find((s) => s.name.startsWith('CCAS'))?.address).toBe('Place Jean Jaurès; 57950 Montigny-lès-Metz');
    const again = await ok(api.partners.importDirectory({ base64, commit: true }));
    expect(again).toMatchObject({ structuresCreated: 0, membersCreated: 0, unchanged: 4 });
  });

  it('imports nothing when one line is wrong, and says which line and why', async () => {
    const { api } = await coordinatorSession();
    const bad = [
      ...LINES.slice(0, 2),
      'CCAS de Woippy;Mairie;Woippy;31/02/2026;X;Klein;Anne;;Travailleuse sociale;anne@;;Permanent',
      LINES[3]!,
    ];
    const base64 = utf8(bad, false).toString('base64');
    const preview = await ok(api.partners.importDirectory({ base64, commit: false }));
    expect(preview.valid).toBe(false);
    const wrong = preview.lines.filter((l) => l.status === 'error');
    expect(wrong.map((l) => l.line)).toEqual([4]);
    expect(wrong[0]!.errors).toEqual([
      expect.stringMatching(/^secteur « Mairie » inconnu/),
      'date de convention « 31/02/2026 » invalide (attendu : jj/mm/aaaa, pas dans le futur)',
      expect.stringMatching(/^catégorie « Travailleuse sociale » inconnue/),
      'courriel « anne@ » invalide',
    ]);
    expect(await api.partners.importDirectory({ base64, commit: true })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_INVALID', message: 'Le fichier contient des erreurs : rien n’a été importé.' },
    });
    expect(await ok(api.partners.listStructures({ includeInactive: true }))).toEqual([]);
    expect(await ok(api.partners.listMembers({ includeInactive: true }))).toEqual([]);
  });

  it('reports a wrong header or separator for the whole file', async () => {
    const { api } = await coordinatorSession();
    const comma = Buffer.from('Structure,Secteur\nCCAS de Metz,CCAS\n').toString('base64');
    expect((await ok(api.partners.importDirectory({ base64: comma, commit: false }))).fileErrors).toContain(
      'le séparateur doit être le point-virgule (;)',
    );
    const unknown = Buffer.from('Structure;Secteur;Date de naissance\nCCAS de Metz;CCAS;01/01/1970\n').toString('base64');
    expect((await ok(api.partners.importDirectory({ base64: unknown, commit: false }))).fileErrors).toEqual([
      'colonne « Date de naissance » inconnue',
    ]);
  });

  it('keeps the accents of a Windows-1252 file, and exports a file that imports back unchanged', async () => {
    const { api } = await coordinatorSession();
    const text = [
      HEADER,
      'Centre Moselle Solidarité Metz-Borny;Centre Moselle Solidarité;Borny;;;Lefèvre;Cécile;Assistante sociale;Travailleur social;;;Permanent',
    ].join('\r\n');
    const report = await ok(api.partners.importDirectory({ base64: cp1252(text).toString('base64'), commit: true }));
    expect(report).toMatchObject({ encoding: 'windows-1252', committed: true, membersCreated: 1 });
    const [cecile] = await ok(api.partners.listMembers({}));
    expect(cecile).toMatchObject({ firstName: 'Cécile', lastName: 'Lefèvre', structureName: 'Centre Moselle Solidarité Metz-Borny' });

    const exported = await ok(api.partners.exportDirectory({}));
    expect(exported).toMatchObject({
      mimeType: 'text/csv',
      fileName: expect.stringMatching(/^annuaire-commission-clsm-\d{4}-\d{2}-\d{2}\.csv$/),
    });
    const bytes = Buffer.from(exported.base64, 'base64');
    expect(bytes.subarray(3).toString('utf8')).toContain(
      'Centre Moselle Solidarité Metz-Borny;Centre Moselle Solidarité;Borny;;;Lefèvre;Cécile;Assistante sociale;Travailleur social;;;Membre permanent',
    );
    const roundTrip = await ok(api.partners.importDirectory({ base64: exported.base64, commit: false }));
    expect(roundTrip).toMatchObject({ valid: true, unchanged: 1 });
  });

  it('reports the physical line of each error, counting blank lines and line breaks inside fields', async () => {
    const { api } = await coordinatorSession();
    const text = [
      HEADER,
      '',
      'CCAS de Metz;CCAS;"22 rue du Wad Billy\n57000 Metz";;;Klein;Anne;;Travailleur social;;;Permanent',
      '',
      'UDAF de la Moselle;Tribunal;Metz;;;;;;;;;',
      'CMP de Metz-Sud;CMP;"Fort ""Queuleu""" Metz;;;;;;;;;',
    ].join('\r\n');
    const report = await ok(api.partners.importDirectory({ base64: Buffer.from(text, 'utf8').toString('base64'), commit: false }));
    expect(report.lines.map((l) => [l.line, l.status])).toEqual([
      [3, 'new'],
      [6, 'error'],
      [7, 'error'],
    ]);
    expect(report.lines[1]!.errors[0]).toMatch(/^secteur « Tribunal » inconnu/);
    // Strict quotes: a quoted field followed by more text is an error, not silently glued together.
    expect(report.lines[2]!.errors).toEqual([expect.stringMatching(/^guillemet mal placé/)]);
  });

  it('checks imported members with the same rules as the form: phone, lengths, email', async () => {
    const { api } = await coordinatorSession();
    const long = 'x'.repeat(101);
    const report = await ok(
      api.partners.importDirectory({
        base64: utf8([`CCAS de Metz;CCAS;Metz;;;${long};Anne;;Travailleur social;anne@ccas;03 87 XX;Permanent`]).toString('base64'),
        commit: false,
      }),
    );
    expect(report.lines[0]!.errors).toEqual([
      expect.stringMatching(/^nom : /),
      'courriel « anne@ccas » invalide',
      'téléphone « 03 87 XX » invalide',
    ]);
    // The form says the same about the same values.
    const structure = await ok(api.partners.saveStructure(ccasDeMetz));
    const typed = await api.partners.saveMember({
      structureId: structure.id,
      lastName: long,
      firstName: 'Anne',
      function: '',
      category: 'travailleur_social',
      email: 'anne@ccas',
      phone: '03 87 XX',
      membership: 'permanent',
    });
    expect(typed).toMatchObject({
      ok: false,
      error: { fields: { lastName: expect.any(String), email: 'Adresse de courriel invalide.', phone: 'Numéro de téléphone invalide.' } },
    });
  });

  it('offers to update known structures and members: old → new, line by line, written only when confirmed', async () => {
    const { api } = await coordinatorSession();
    await ok(api.partners.importDirectory({ base64: utf8(LINES).toString('base64'), commit: true }));
    const corrected = [
      'Metz Habitat Territoire;Bailleur social;12 rue du Pont des Morts, 57000 Metz;15/01/2026;Jean-Marc Thill;Becker;Sophie;Chargée de gestion locative;Personnel d’un bailleur;s.becker@mht.example;03 87 11 22 44;Permanent',
      'metz habitat territoire;Bailleur social;12 rue du Pont des Morts, 57000 Metz;15/01/2026;Jean-Marc Thill;Nguyen;Thomas;Conseiller social;travailleur social;;;Invité',
      LINES[2]!,
      'UDAF de la Moselle;Mandataire judiciaire;Metz;;;Roth;Yves;Mandataire;Mandataire judiciaire;;;Permanent',
    ];
    const base64 = utf8(corrected).toString('base64');
    const preview = await ok(api.partners.importDirectory({ base64, commit: false }));
    expect(preview.lines.map((l) => [l.line, l.status])).toEqual([
      [2, 'update'],
      [3, 'existing'],
      [4, 'existing'],
      [5, 'new'],
    ]);
    expect(preview.lines[0]!.changes).toEqual([
      { field: 'Adresse', from: '10 rue du Pont des Morts, 57000 Metz', to: '12 rue du Pont des Morts, 57000 Metz' },
      { field: 'Téléphone', from: '03 87 11 22 33', to: '03 87 11 22 44' },
    ]);
    // Nothing written by the preview.
    const before = await ok(api.partners.listStructures({}));
    expect(before.find((s) => s.name === 'Metz Habitat Territoire')!.address).toBe('10 rue du Pont des Morts, 57000 Metz');

    const done = await ok(api.partners.importDirectory({ base64, commit: true }));
    expect(done).toMatchObject({ committed: true, structuresCreated: 0, membersCreated: 1, structuresUpdated: 1, membersUpdated: 1 });
    const after = await ok(api.partners.listStructures({}));
    expect(after.find((s) => s.name === 'Metz Habitat Territoire')).toMatchObject({ address: '12 rue du Pont des Morts, 57000 Metz' });
    const sophie = (await ok(api.partners.listMembers({ search: 'Becker' })))[0];
    expect(sophie).toMatchObject({ phone: '03 87 11 22 44' });
    expect((await ok(api.partners.importDirectory({ base64, commit: false }))).lines.every((l) => l.status === 'existing')).toBe(true);
  });
});
