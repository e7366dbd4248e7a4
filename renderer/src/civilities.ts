// The civility choices of the forms; documents agree with them (shared/french.ts).
import { CIVILITIES, CIVILITY_CODES } from '../../electron/shared/french';

export const CIVILITY_OPTIONS = CIVILITY_CODES.map((value) => ({ value, label: CIVILITIES[value] }));
