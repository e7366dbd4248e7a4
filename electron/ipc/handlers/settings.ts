import { getSettings, updateSettings } from '../../services/settings/settings';
import type { DomainHandlers } from '../dispatcher';

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': updateSettings,
};
