import { noInput } from '../../services/common/schema';
import { settingsInput } from '../../services/settings/schema';
import type { AppSettings } from '../../services/settings/settings';
import { channel, returns } from './shared';

export const settingsChannels = {
  'settings.get': channel({ input: noInput, access: ['coordinator'], effect: 'read', output: returns<AppSettings>() }),
  'settings.update': channel({ input: settingsInput, access: ['coordinator'], effect: 'write', output: returns<AppSettings>() }),
};
