export { Vault } from './vault';
export type { VaultOptions } from './vault';
export type { VaultState } from './data-folder';
export type { LockReason, Session } from './session';
export { AutoLock } from './autolock';
