// The `.eml` composer: accented names and file names survive the MIME encoding, the draft header
// is there, and no attachment is ever read from a path.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeDraft } from '../../electron/services/mail/draft';
import { attachmentPassword } from '../../electron/services/mail/password';

describe('an e-mail draft', () => {
  it('keeps accented names, subject and file names, and opens as a draft', async () => {
    const eml = await composeDraft({
      to: { name: 'Françoise Hœrner', address: 'f.hoerner@udaf57.example' },
      from: { name: 'Coordination du CLSM — Centre hospitalier de Jury', address: 'clsm@ch-jury.example' },
      subject: 'Convocation — séance du jeudi 2 avril 2026 (Ève, Stéphane)',
      text: 'Madame,\n\nVous êtes conviée à la séance.\n',
      attachments: [{ fileName: 'convocation-éve-hœrner.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 test') }],
      date: new Date('2026-03-20T09:00:00Z'),
    });
    const mail = await simpleParser(eml);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.to).toMatchObject({ value: [{ name: 'Françoise Hœrner', address: 'f.hoerner@udaf57.example' }] });
    expect(mail.from?.value[0]?.name).toBe('Coordination du CLSM — Centre hospitalier de Jury');
    expect(mail.subject).toBe('Convocation — séance du jeudi 2 avril 2026 (Ève, Stéphane)');
    expect(mail.text).toBe('Madame,\n\nVous êtes conviée à la séance.\n');
    expect(mail.date?.toISOString()).toBe('2026-03-20T09:00:00.000Z');
    expect(mail.attachments[0]).toMatchObject({ filename: 'convocation-éve-hœrner.pdf', contentType: 'application/pdf' });
    expect(mail.attachments[0]!.content.toString()).toBe('%PDF-1.7 test');
    // Headers are 7-bit: the accents travel encoded, as every mail client expects.
    const head = eml.toString('latin1').split('\r\n\r\n')[0]!;
    expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/);
  });

  it('leaves the sender to the mail client when the letterhead has no address', async () => {
    const eml = await composeDraft({
      to: { name: 'Anne Klein', address: 'a.klein@ccas.example' },
      from: null,
      subject: 'Convocation',
      text: 'Madame,',
      attachments: [],
      date: new Date('2026-03-20T09:00:00Z'),
    });
    expect((await simpleParser(eml)).from).toBeUndefined();
  });
});

describe('the password of an encrypted attachment', () => {
  it('reads aloud without ambiguity and is new each time', () => {
    const passwords = Array.from({ length: 200 }, attachmentPassword);
    for (const p of passwords) expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){4}$/);
    expect(new Set(passwords).size).toBe(200);
  });
});
