import { z } from 'zod';
import { noInput } from '../../services/common/schema';
import type { DocumentFile } from '../../services/common/documents';
import { letterheadInput, mailFolder, settingsInput } from '../../services/settings/schema';
import type { LetterheadView } from '../../services/settings/letterhead';
import type { MailFolderView } from '../../services/mail/folder';
import type { AppSettings } from '../../services/settings/settings';
import { channel, returns } from './shared';

/** The logo as base64 (≤ 500 KB once decoded, checked by the service with its own message), or null to remove it. */
const mailFolderInput = z.object({ folder: mailFolder }).strict();

const logoInput = z.object({ base64: z.string().max(800_000).nullable() }).strict();

export const settingsChannels = {
  'settings.get': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<AppSettings>() }),
  'settings.update': channel({ input: settingsInput, access: ['coordinator'], effect: 'write', output: returns<AppSettings>() }),
  'settings.letterhead': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<LetterheadView>() }),
  'settings.updateLetterhead': channel({
    input: letterheadInput,
    access: ['coordinator'],
    effect: 'write',
    output: returns<LetterheadView>(),
  }),
  'settings.setLogo': channel({ input: logoInput, access: ['coordinator'], effect: 'write', output: returns<LetterheadView>() }),
  'settings.mailFolder': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<MailFolderView>() }),
  'settings.updateMailFolder': channel({
    input: mailFolderInput,
    access: ['coordinator'],
    effect: 'write',
    output: returns<MailFolderView>(),
  }),
  'settings.letterheadSample': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<DocumentFile>() }),
};
