// The rest of main.ts's decisions, as functions over structural views of Electron's objects, so the
// tests execute exactly what main.ts wires: which frame may call, how each channel is registered,
// which system events lock the vault, and that every new web contents is hardened.
import type { Dispatcher } from './ipc/dispatcher';
import { ContentsLike, hardenContents, isTrustedSenderUrl } from './security';
import type { LockReason } from './services/vault';

interface FrameLike {
  url: string;
}

/** What an IPC event tells about its sender: the frame that called, and its window's main frame. */
export interface IpcEventLike {
  senderFrame: FrameLike | null;
  sender: { mainFrame: FrameLike };
}

/** Only the top frame of the app's own page: not a subframe, not another origin, not a detached frame. */
export function isTrustedSender(event: IpcEventLike): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isTrustedSenderUrl(frame.url);
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, payload: unknown) => Promise<unknown>): void;
}

/** One handler per channel of the contract (no generic channel), each judging its sender first. */
export function registerChannels(ipcMain: IpcMainLike, channels: readonly string[], dispatcher: Dispatcher): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload) => dispatcher.dispatch(channel, payload, { trustedSender: isTrustedSender(event) }));
  }
}

export interface PowerMonitorLike {
  on(event: 'lock-screen' | 'suspend', listener: () => void): unknown;
}

/** The session closes when the workstation is locked or goes to sleep. */
export function lockOnSystemEvents(powerMonitor: PowerMonitorLike, vault: { lock(reason: LockReason): void }): void {
  powerMonitor.on('lock-screen', () => vault.lock('system'));
  powerMonitor.on('suspend', () => vault.lock('system'));
}

export interface AppLike {
  on(event: 'web-contents-created', listener: (event: unknown, contents: ContentsLike) => void): unknown;
}

/** Every web contents the app ever creates (windows, devtools) gets the navigation and window hooks. */
export function hardenEveryContents(app: AppLike): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}
