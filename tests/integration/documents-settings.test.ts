// The letterhead (Administration › Documents) and the names printed on documents, through the
// typed client: fields checked, the logo's type read from its bytes, a sample page drawn by the
// engine with the letterhead, page numbers, title and language; display names corrected by their
// owner and by the coordination, refused with a character the documents cannot draw.
import { describe, expect, it } from 'vitest';
import { accountFor, COORDINATOR, LETTERHEAD_FIELDS, SECRETARY } from '../fixtures/people';
import { coordinatorSession, firstUnlock, ok } from '../helpers/ipc';
import { refusal } from '../helpers/meetings';
import { pdfInfo, pdfText } from '../helpers/pdf';

// A 1 × 1 PNG, and a small self-contained SVG: logos as the hospital's communication gives them.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SVG = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#1f4e79"/></svg>',
).toString('base64');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the letterhead', () => {
  it('is kept from the settings page, drawn on a sample page, and warns about what letters need', async () => {
    const { api } = await coordinatorSession();
    const empty = await ok(api.settings.letterhead({}));
    expect(empty.missing.join(' ')).toContain('téléphone de la coordination');
    expect(await api.settings.updateLetterhead({ ...LETTERHEAD_FIELDS, phone: 'appeler le standard' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { phone: expect.stringContaining('03 87') } },
    });
    expect(await api.settings.updateLetterhead({ ...LETTERHEAD_FIELDS, city: 'Metz 🏥' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { city: expect.stringContaining('« 🏥 »') } },
    });
    const saved = await ok(api.settings.updateLetterhead(LETTERHEAD_FIELDS));
    expect(saved).toMatchObject({ ...LETTERHEAD_FIELDS, missing: [] });

    const sample = await ok(api.settings.letterheadSample({}));
    const pdf = Buffer.from(sample.base64, 'base64');
    const text = flat(pdfText(pdf));
    for (const part of [
      'Coordination du Conseil local de santé mentale',
      '1 rue Jean-Burger',
      '57070 Metz',
      'Tél. 03 87 56 00 00',
      'page 1 / 1',
    ])
      expect(text).toContain(part);
    expect(text).toMatch(/Fait à Metz, le \d\d\/\d\d\/\d{4}/);
    expect(pdfInfo(pdf)).toMatchObject({ Title: 'Exemple de page', Creator: 'Commission CLSM' });
    expect(pdf.toString('latin1')).toContain('/Lang (fr-FR)');
  });

  it('takes a PNG or SVG logo read from its bytes, and refuses anything else with a French message', async () => {
    const { api } = await coordinatorSession();
    expect(await refusal(api.settings.setLogo({ base64: b64('GIF89a……') }))).toMatchObject({ code: 'LOGO_TYPE' });
    expect(
      await refusal(api.settings.setLogo({ base64: b64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') })),
    ).toMatchObject({ code: 'LOGO_SVG_UNSAFE' });
    expect(
      await refusal(
        api.settings.setLogo({ base64: b64('<svg xmlns="http://www.w3.org/2000/svg"><image href="http://x.example/a.png"/></svg>') }),
      ),
    ).toMatchObject({ code: 'LOGO_SVG_UNSAFE' });
    expect(await refusal(api.settings.setLogo({ base64: Buffer.alloc(520 * 1024, 1).toString('base64') }))).toMatchObject({
      code: 'LOGO_TOO_LARGE',
    });
    expect((await ok(api.settings.setLogo({ base64: PNG }))).logo).toMatchObject({ type: 'image/png' });
    const withPng = Buffer.from((await ok(api.settings.letterheadSample({}))).base64, 'base64');
    expect(withPng.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect((await ok(api.settings.setLogo({ base64: SVG }))).logo).toMatchObject({ type: 'image/svg+xml' });
    expect((await ok(api.settings.setLogo({ base64: null }))).logo).toBeNull();
    // Only the coordination sets the letterhead.
    await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    await firstUnlock(api, SECRETARY);
    expect(await refusal(api.settings.updateLetterhead(LETTERHEAD_FIELDS))).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('names on documents', () => {
  it('a display name and a civility are corrected by their owner and by the coordination, audited without the names', async () => {
    const { api, vault } = await coordinatorSession();
    expect(await api.users.updateProfile({ displayName: 'Françoise 😀 Marchal', civility: 'madame' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { displayName: expect.stringContaining('« 😀 »') } },
    });
    await ok(api.users.updateProfile({ displayName: 'Françoise Marchal-Œhler', civility: 'madame' }));
    expect(await ok(api.session.info({}))).toMatchObject({ displayName: 'Françoise Marchal-Œhler', civility: 'madame' });
    const secretary = await ok(api.users.create(accountFor(SECRETARY, 'secretariat')));
    const corrected = await ok(api.users.update({ userId: secretary.id, displayName: 'Stéphane Kieffer-Strauß', civility: 'monsieur' }));
    expect(corrected).toMatchObject({ displayName: 'Stéphane Kieffer-Strauß', civility: 'monsieur', member: null });
    // Only an animation account is linked to a member record.
    expect(await refusal(api.users.linkMember({ userId: secretary.id, memberId: 1 }))).toMatchObject({ code: 'USER_LINK_NOT_ANIMATEUR' });
    await firstUnlock(api, SECRETARY);
    expect(await refusal(api.users.update({ userId: secretary.id, displayName: 'X', civility: 'monsieur' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await ok(api.session.unlock({ login: COORDINATOR.login, password: COORDINATOR.password }));
    const details = vault
      .database()
      .prepare(`SELECT detail FROM audit_events WHERE action IN ('users.updateProfile', 'users.update') AND outcome = 'success'`)
      .pluck()
      .all() as string[];
    expect(details).toEqual(['fields=displayName,civility', 'fields=displayName,civility']);
  });
});
