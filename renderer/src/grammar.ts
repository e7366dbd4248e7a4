// The renderer's French grammar is the documents' one (electron/shared/french.ts): one rule.
export { count, of, ofPlace, toPlace } from '../../electron/shared/french';
