import { readSetting, writeSetting } from '../../services/settings';
import type { Db } from '../../../db/connection';
import type { AppSettings } from '../contract';
import type { DomainHandlers } from '../dispatcher';

function current(db: Db): AppSettings {
  return {
    establishmentName: readSetting(db, 'establishmentName') ?? '',
    autoLockMinutes: readSetting(db, 'autoLockMinutes') ?? 10,
  };
}

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings.get': (_input, { vault }) => current(vault.database()),
  'settings.update': (input, ctx) => {
    const db = ctx.vault.database();
    db.transaction(() => {
      writeSetting(db, 'establishmentName', input.establishmentName);
      writeSetting(db, 'autoLockMinutes', input.autoLockMinutes);
      ctx.vault.audit({ userId: ctx.actor().userId, action: 'settings.update', outcome: 'success', detail: `autoLockMinutes=${input.autoLockMinutes}` });
    })();
    return current(db);
  },
};
