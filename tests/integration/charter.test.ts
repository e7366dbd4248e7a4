import { describe, expect, it } from 'vitest';
import { coordinatorSession, ok } from '../helpers/ipc';
import { pdfText } from '../helpers/pdf';

async function setUp() {
  const session = await coordinatorSession();
  const gem = await ok(
    session.api.partners.saveStructure({
      name: 'GEM Le Bon Accueil',
      sector: 'association_usagers_aidants',
      address: 'Borny, 57070 Metz',
      conventionSignedOn: '2026-01-20',
      conventionSignatory: 'Nadia Haddad',
    }),
  );
  const member = await ok(
    session.api.partners.saveMember({
      structureId: gem.id,
      lastName: 'Muller',
      firstName: 'Stéphane',
      function: 'Animateur du GEM',
      category: 'representant_usagers_aidants',
      email: '',
      phone: '',
      membership: 'invited',
    }),
  );
  return { ...session, member };
}

describe('ethics charter', () => {
  it('G3 before and after a new version: sign v1, adopt v2, the member must sign again', async () => {
    const { api, member, vault } = await setUp();
    const [draft] = await ok(api.charter.list({}));
    expect(draft).toMatchObject({ version: 1, status: 'draft', adoptedOn: null });
    expect(await api.charter.recordSignature({ memberId: member.id, versionId: draft!.id, signedOn: '2026-02-01' })).toMatchObject({
      ok: false,
      error: { code: 'CHARTER_NOT_CURRENT' },
    });

    await ok(api.charter.saveDraft({ text: `${draft!.text}\n\nArticle 9 — Ajout du comité technique\nTexte ajouté.` }));
    const v1 = await ok(api.charter.adopt({ versionId: draft!.id, adoptedOn: '2026-02-01' }));
    expect(v1).toMatchObject({ status: 'current', adoptedOn: '2026-02-01' });
    expect(await api.charter.saveDraft({ text: 'réécriture' })).toMatchObject({ ok: false, error: { code: 'CHARTER_NO_DRAFT' } });
    expect(await api.charter.recordSignature({ memberId: member.id, versionId: v1.id, signedOn: '2026-01-31' })).toMatchObject({
      ok: false,
      error: { code: 'CHARTER_SIGNED_BEFORE' },
    });

    const signed = await ok(api.charter.recordSignature({ memberId: member.id, versionId: v1.id, signedOn: '2026-02-03' }));
    expect(signed).toMatchObject({ signedVersions: [1], charterReasons: [] });
    expect(await api.charter.recordSignature({ memberId: member.id, versionId: v1.id, signedOn: '2026-02-04' })).toMatchObject({
      ok: false,
      error: { code: 'CHARTER_ALREADY_SIGNED' },
    });
    expect(await ok(api.partners.listMembers({ charter: 'unsigned' }))).toEqual([]);

    const v2draft = await ok(api.charter.newDraft({}));
    expect(v2draft).toMatchObject({ version: 2, status: 'draft', text: v1.text });
    expect(await api.charter.newDraft({})).toMatchObject({ ok: false, error: { code: 'CHARTER_DRAFT_EXISTS' } });
    expect(await api.charter.adopt({ versionId: v2draft.id, adoptedOn: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'CHARTER_DATE' },
    });
    await ok(api.charter.adopt({ versionId: v2draft.id, adoptedOn: '2026-03-01' }));

    const [flagged] = await ok(api.partners.listMembers({ charter: 'unsigned' }));
    expect(flagged).toMatchObject({ id: member.id, signedVersions: [1] });
    expect(flagged!.charterReasons.map((r) => r.message)).toEqual([
      'Stéphane Muller a signé la version 1 de la charte mais pas la version 2 en vigueur : une nouvelle signature est requise.',
    ]);
    expect(await api.charter.recordSignature({ memberId: member.id, versionId: v1.id, signedOn: '2026-03-02' })).toMatchObject({
      ok: false,
      error: { code: 'CHARTER_NOT_CURRENT' },
    });
    expect((await ok(api.charter.list({}))).map((v) => [v.version, v.status])).toEqual([
      [2, 'current'],
      [1, 'superseded'],
    ]);

    // Immutable in the database itself, not only in the service.
    expect(() => vault.database().prepare(`UPDATE charter_versions SET text = 'falsifié' WHERE version = 1`).run()).toThrow(/immutable/);
    const audit = vault
      .database()
      .prepare(`SELECT action, detail FROM audit_events WHERE action LIKE 'charter.%' AND outcome = 'success'`)
      .all();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'charter.adopt', detail: 'version=1' },
        { action: 'charter.recordSignature', detail: 'version=1' },
        { action: 'charter.newDraft', detail: null },
        { action: 'charter.adopt', detail: 'version=2' },
      ]),
    );
  });

  it('prints the charter and the commitment prefilled for a member, named after the member (a professional, never a person in care)', async () => {
    const { api, member } = await setUp();
    const [draft] = await ok(api.charter.list({}));
    await ok(api.charter.adopt({ versionId: draft!.id, adoptedOn: '2026-02-01' }));
    const charter = await ok(api.charter.pdf({ versionId: draft!.id }));
    expect(charter.fileName).toBe('charte-ethique-v1.pdf');
    expect(pdfText(Buffer.from(charter.base64, 'base64'))).toContain('Version 1 — adoptée le 01/02/2026');
    const commitment = await ok(api.charter.commitmentPdf({ memberId: member.id }));
    expect(commitment.fileName).toBe('acte-engagement-charte-v1-stephane-muller.pdf');
    const text = pdfText(Buffer.from(commitment.base64, 'base64')).replace(/\s+/g, ' ');
    // No civility recorded: a wording that needs no agreement, never « (e) ».
    expect(text).toContain('Je, Stéphane Muller, Animateur du GEM, GEM Le Bon Accueil,');
    expect(text).not.toContain('(e)');
  });

  it('cancels a signature recorded by mistake, with its reason kept, and the member must sign again', async () => {
    const { api, member, vault } = await setUp();
    expect(await api.charter.abandonDraft({})).toMatchObject({ ok: false, error: { code: 'CHARTER_FIRST_DRAFT' } });
    const [v1] = await ok(api.charter.list({}));
    await ok(api.charter.adopt({ versionId: v1!.id, adoptedOn: '2026-02-01' }));
    await ok(api.charter.recordSignature({ memberId: member.id, versionId: v1!.id, signedOn: '2026-02-03' }));
    const [signature] = await ok(api.charter.signatures({ versionId: v1!.id }));
    expect(await api.charter.cancelSignature({ signatureId: signature!.id, reason: ' ' })).toMatchObject({
      ok: false,
      error: { fields: { reason: 'Indiquez pourquoi la signature est annulée.' } },
    });
    const cancelled = await ok(api.charter.cancelSignature({ signatureId: signature!.id, reason: 'Saisie sur la mauvaise fiche' }));
    expect(cancelled).toMatchObject({
      cancelReason: 'Saisie sur la mauvaise fiche',
      cancelledBy: 'Françoise Marchal',
      cancelledAt: expect.any(String),
    });
    expect(await api.charter.cancelSignature({ signatureId: signature!.id, reason: 'encore' })).toMatchObject({
      ok: false,
      error: { code: 'SIGNATURE_ALREADY_CANCELLED' },
    });
    const [again] = await ok(api.partners.listMembers({ charter: 'unsigned' }));
    expect(again!.charterReasons.map((r) => r.code)).toEqual(['CHARTER_NOT_SIGNED']);
    expect((await ok(api.charter.list({})))[0]!.signatureCount).toBe(0);
    await ok(api.charter.recordSignature({ memberId: member.id, versionId: v1!.id, signedOn: '2026-02-04' }));
    expect((await ok(api.charter.signatures({ versionId: v1!.id }))).map((s) => [s.signedOn, s.cancelledAt === null])).toEqual([
      ['2026-02-04', true],
      ['2026-02-03', false],
    ]);
    const trail = vault
      .database()
      .prepare(`SELECT detail FROM audit_events WHERE action = 'charter.cancelSignature' AND outcome = 'success'`)
      .pluck()
      .all();
    expect(trail).toEqual(['version=1']); // the reason stays in the table, never in the trail
  });
});
