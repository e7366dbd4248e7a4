// Sending by e-mail as the hospital does: `.eml` drafts the mail client opens ready to send. The
// drafts are read back with mailparser (a maintained MIME parser), their PDFs with pdftotext; the
// extract's PDF opens only with the password returned once, which is found nowhere else.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ClsmApi } from '../../electron/ipc/api';
import { SYLVIE } from '../fixtures/situations';
import { ok } from '../helpers/ipc';
import { convenedMeeting, heldMeeting, refusal } from '../helpers/meetings';
import { pdfText } from '../helpers/pdf';
import { signMinutes } from '../helpers/signing';
import { tempDir } from '../helpers/vault';

type Member = Awaited<ReturnType<ClsmApi['partners']['saveMember']>> extends { ok: true; value: infer V } ? V : never;

/** The member's directory entry with an e-mail address and a civility. */
async function withEmail(api: ClsmApi, member: Member, email: string, civility: 'madame' | 'monsieur' | 'unspecified') {
  const { id, structureId, lastName, firstName, function: role, category, phone, membership } = member;
  return ok(
    api.partners.saveMember({ id, structureId, lastName, firstName, civility, function: role, category, email, phone, membership }),
  );
}

const parse = (file: string): Promise<ParsedMail> => simpleParser(readFileSync(file));

function auditOf(vault: { database(): { prepare(sql: string): { all(): unknown[] } } }) {
  // Refusals are in the trail too (`code=…`): these are the acts that went through.
  const events = vault.database().prepare('SELECT action, detail FROM audit_events ORDER BY id').all() as {
    action: string;
    detail: string | null;
  }[];
  return events.filter((e) => !e.detail?.startsWith('code='));
}

describe('convocations as e-mail drafts', () => {
  it('asks for the folder first, then writes one draft per member with an address, their convocation and the .ics attached', async () => {
    const session = await convenedMeeting();
    const { api, meeting, referrer, psychiatrist, landlord, vault } = session;
    expect(await refusal(api.meetings.mailConvocations({ meetingId: meeting.id }))).toMatchObject({ code: 'MAIL_FOLDER_MISSING' });
    const missing = await api.settings.updateMailFolder({ folder: join(tempDir(), 'absent') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'MAIL_FOLDER_UNREACHABLE', fields: { folder: expect.any(String) } } });

    const folder = tempDir();
    expect(await ok(api.settings.updateMailFolder({ folder }))).toEqual({ folder, reachable: true });
    expect(await refusal(api.meetings.mailConvocations({ meetingId: meeting.id }))).toMatchObject({ code: 'MEETING_NO_EMAIL' });
    expect(readdirSync(folder)).toEqual([]);

    await withEmail(api, referrer as Member, 'anne.klein@ccas-woippy.example', 'madame');
    await withEmail(api, landlord as Member, 'k.benali@vivest.example', 'monsieur');
    const result = await ok(api.meetings.mailConvocations({ meetingId: meeting.id }));
    expect(result).toEqual({
      folder: join(folder, 'convocations-2026-04-02'),
      drafts: 2,
      withoutEmail: [{ memberId: psychiatrist.id, displayName: 'Stéphane Kessler-Lentz' }],
    });
    expect(readdirSync(folder)).toEqual(['convocations-2026-04-02']);
    expect(readdirSync(result.folder).sort()).toEqual(['convocation-2026-04-02-anne-klein.eml', 'convocation-2026-04-02-karim-benali.eml']);

    const anne = await parse(join(result.folder, 'convocation-2026-04-02-anne-klein.eml'));
    expect(anne.headers.get('x-unsent')).toBe('1');
    expect(anne.to).toMatchObject({ value: [{ name: 'Anne Klein', address: 'anne.klein@ccas-woippy.example' }] });
    expect(anne.from?.value[0]?.address).toBe('coordination.clsm@ch-jury.example');
    expect(anne.subject).toBe('Convocation — Commission de réflexion et d’aide du jeudi 2 avril 2026');
    expect(anne.text).toMatch(/^Madame,\n/);
    expect(anne.text).toContain('le jeudi 2 avril 2026, de 14 h 00 à 17 h 30, au CH de Jury, salle du conseil.');
    expect(anne.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['convocation-2026-04-02-anne-klein.pdf', 'application/pdf'],
      ['seance-2026-04-02.ics', 'text/calendar'],
    ]);
    const anneConvocation = pdfText(anne.attachments[0]!.content);
    expect(anneConvocation).toContain('Anne Klein');
    expect(anneConvocation).toContain('S-2026-001');
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(anne.attachments[1]!.content.toString('utf8'))).getFirstSubcomponent('vevent')!,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-04-02T12:00:00.000Z');

    // Vivest was excluded by the person: its officer's own convocation hides the item, as the printed one does.
    const karim = await parse(join(result.folder, 'convocation-2026-04-02-karim-benali.eml'));
    expect(karim.text).toMatch(/^Monsieur,\n/);
    const karimConvocation = pdfText(karim.attachments[0]!.content);
    expect(karimConvocation).toContain('Karim Benali');
    expect(karimConvocation).not.toContain('Quel relais pour le logement');
    const printed = await ok(api.meetings.convocation({ meetingId: meeting.id, memberId: landlord.id }));
    expect(pdfText(Buffer.from(printed.base64, 'base64'))).toBe(karimConvocation);

    for (const file of readdirSync(result.folder)) {
      const raw = readFileSync(join(result.folder, file), 'utf8');
      for (const identity of [SYLVIE.lastName, SYLVIE.firstName, SYLVIE.address]) expect(raw).not.toContain(identity);
    }
    // A draft is a convocation given: tracked like a print.
    const status = await ok(api.meetings.convocationStatus({ meetingId: meeting.id }));
    expect(
      status
        .filter((s) => s.printedAt !== null)
        .map((s) => s.memberId)
        .sort(),
    ).toEqual([referrer.id, landlord.id].sort());
    expect(auditOf(vault).filter((e) => e.action === 'meetings.mailConvocations')).toEqual([
      { action: 'meetings.mailConvocations', detail: 'drafts=2,without_email=1' },
    ]);

    // Again: a new folder beside the first, never a file overwritten.
    expect((await ok(api.meetings.mailConvocations({ meetingId: meeting.id }))).folder).toBe(join(folder, 'convocations-2026-04-02-2'));
  });

  it('writes nothing when a convened member may no longer sit (G3), or when the folder went away', async () => {
    const session = await convenedMeeting();
    const { api, meeting, referrer, landlord } = session;
    const folder = tempDir();
    await ok(api.settings.updateMailFolder({ folder }));
    await withEmail(api, referrer as Member, 'anne.klein@ccas-woippy.example', 'madame');
    await ok(api.partners.setMemberActive({ id: landlord.id, active: false }));
    expect(await refusal(api.meetings.mailConvocations({ meetingId: meeting.id }))).toEqual({
      code: 'GATE_REFUSED',
      reasons: ['G3:MEMBER_INACTIVE'],
    });
    expect(readdirSync(folder)).toEqual([]);
    await ok(api.partners.setMemberActive({ id: landlord.id, active: true }));

    // The folder chosen, then disconnected: a file stands where the folder was.
    const chosen = tempDir();
    await ok(api.settings.updateMailFolder({ folder: chosen }));
    execFileSync('rm', ['-r', chosen]);
    writeFileSync(chosen, '');
    expect(await ok(api.settings.mailFolder({}))).toEqual({ folder: chosen, reachable: false });
    expect(await refusal(api.meetings.mailConvocations({ meetingId: meeting.id }))).toMatchObject({ code: 'MAIL_FOLDER_UNREACHABLE' });
  });
});

describe('an extract by e-mail, encrypted', () => {
  it('carries only the encrypted PDF; the password is returned once and found in no mail, file or trail', async () => {
    const session = await heldMeeting();
    const { api, meeting, referrer, mandataire, outsider, vault } = session;
    const folder = tempDir();
    await ok(api.settings.updateMailFolder({ folder }));
    await signMinutes(api, meeting.id);
    expect(await refusal(api.minutes.mailExtract({ meetingId: meeting.id, memberId: referrer.id }))).toMatchObject({
      code: 'MEMBER_NO_EMAIL',
    });
    await withEmail(api, referrer as Member, 'anne.klein@ccas-woippy.example', 'madame');
    const draft = await ok(api.minutes.mailExtract({ meetingId: meeting.id, memberId: referrer.id }));
    expect(draft.file).toBe(join(folder, 'extrait-compte-rendu-2026-04-02-anne-klein.eml'));
    expect(draft.recipientName).toBe('Anne Klein');
    expect(draft.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);

    const mail = await parse(draft.file);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.subject).toBe('Extrait du compte rendu — Commission de réflexion et d’aide du jeudi 2 avril 2026');
    expect(mail.text).toContain('son mot de passe vous est communiqué par téléphone');
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['extrait-compte-rendu-2026-04-02-anne-klein.pdf', 'application/pdf'],
    ]);
    const pdf = mail.attachments[0]!.content;
    const file = join(tempDir(), 'extrait.pdf');
    writeFileSync(file, pdf);
    // Without the password, pdftotext cannot open it; with it, the extract reads as the printed one.
    const locked = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(locked.status).not.toBe(0);
    expect(locked.stderr).toMatch(/Incorrect password|encrypted/i);
    const text = execFileSync('pdftotext', ['-upw', draft.password, '-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('EXTRAIT DU COMPTE RENDU');
    expect(text).toContain('Destinataire : Anne Klein (CCAS de Woippy)');
    expect(text).toContain(`${SYLVIE.firstName} ${SYLVIE.lastName}`);
    expect(execFileSync('pdfinfo', ['-upw', draft.password, file], { encoding: 'utf8' })).toMatch(
      /Encrypted:\s+yes \(print:yes copy:no change:no addNotes:no algorithm:AES-256\)/,
    );
    // The clear text of the extract is nowhere in the draft, nor the password.
    const raw = readFileSync(draft.file, 'utf8');
    expect(raw).not.toContain(draft.password);
    expect(pdf.toString('latin1')).not.toContain(SYLVIE.lastName);

    // The password is given by telephone: the fact is audited, the password never.
    expect(await ok(api.minutes.extractPasswordGiven({ meetingId: meeting.id, memberId: referrer.id }))).toEqual({ recorded: true });
    const events = auditOf(vault);
    expect(events.filter((e) => e.action.startsWith('minutes.mailExtract') || e.action === 'minutes.extractPasswordGiven')).toEqual([
      { action: 'minutes.mailExtract', detail: `member=${referrer.id},items=1,omitted=0` },
      { action: 'minutes.extractPasswordGiven', detail: `member=${referrer.id}` },
    ]);
    expect(JSON.stringify(events)).not.toContain(draft.password);
    const database = readFileSync(vault.dbPath).toString('latin1');
    expect(database).not.toContain(draft.password);

    // The same gates as the printed extract: a member who is not a recipient gets nothing.
    expect(await refusal(api.minutes.mailExtract({ meetingId: meeting.id, memberId: outsider.id }))).toMatchObject({
      code: 'MEMBER_NOT_RECIPIENT',
    });
    expect(await refusal(api.minutes.extractPasswordGiven({ meetingId: meeting.id, memberId: outsider.id }))).toMatchObject({
      code: 'MEMBER_NOT_RECIPIENT',
    });
    // A second draft for the same member gets a new password and a new file.
    await withEmail(api, mandataire as Member, 'f.weber@udaf57.example', 'madame');
    const again = await ok(api.minutes.mailExtract({ meetingId: meeting.id, memberId: referrer.id }));
    expect(again.password).not.toBe(draft.password);
    expect(again.file).toBe(join(folder, 'extrait-compte-rendu-2026-04-02-anne-klein-2.eml'));
  });
});
