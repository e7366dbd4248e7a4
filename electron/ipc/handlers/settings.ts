import { letterheadSample, letterheadView, setLogo, updateLetterhead } from '../../services/settings/letterhead';
import { mailFolderView, updateMailFolder } from '../../services/mail/folder';
import { getSettings, updateSettings } from '../../services/settings/settings';
import type { DomainHandlers } from '../dispatcher';

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': updateSettings,
  'settings.letterhead': (ctx) => letterheadView(ctx.db),
  'settings.updateLetterhead': updateLetterhead,
  'settings.setLogo': setLogo,
  'settings.mailFolder': (ctx) => mailFolderView(ctx.db),
  'settings.updateMailFolder': updateMailFolder,
  'settings.letterheadSample': letterheadSample,
};
