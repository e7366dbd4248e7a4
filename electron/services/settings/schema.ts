import { z } from 'zod';

const establishmentName = z
  .string()
  .trim()
  .min(1, { message: 'Le nom de l’établissement est obligatoire.' })
  .max(200, { message: 'Le nom de l’établissement ne doit pas dépasser 200 caractères.' });
const autoLockMinutes = z
  .number({ message: 'Indiquez un nombre de minutes.' })
  .int({ message: 'Indiquez un nombre entier de minutes.' })
  .min(1, { message: 'Le délai de verrouillage automatique est d’une minute au moins.' })
  .max(240, { message: 'Le délai de verrouillage automatique est de 240 minutes au plus.' });

/** How each setting is stored and checked when read back. */
/** True from the moment a recovery key is shown until the coordinator confirms it is stored. */
const recoveryKeyPending = z.boolean();

export const settingSchemas = { establishmentName, autoLockMinutes, recoveryKeyPending } as const;

export const settingsInput = z.object({ establishmentName, autoLockMinutes }).strict();
