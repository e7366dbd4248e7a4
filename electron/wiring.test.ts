// main.ts cannot run here (no Electron binary): what it decides is executed through wiring.ts with
// fakes, and a source check makes sure main.ts wires exactly these functions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Dispatcher } from './ipc/dispatcher';
import type { ContentsLike } from './security';
import { CHANNEL_NAMES } from './shared/channels';
import { hardenEveryContents, IpcEventLike, isTrustedSender, lockOnSystemEvents, registerChannels } from './wiring';

const APP_FRAME = { url: 'app://clsm/index.html' };
const event = (senderFrame: { url: string } | null, mainFrame = APP_FRAME): IpcEventLike => ({ senderFrame, sender: { mainFrame } });

describe('sender frame', () => {
  it('trusts the app’s own top frame only', () => {
    expect(isTrustedSender(event(APP_FRAME))).toBe(true);
    expect(isTrustedSender(event({ url: 'app://clsm/index.html' }))).toBe(false); // a subframe, even of the app
    const evil = { url: 'https://exemple.invalid/' };
    expect(isTrustedSender(event(evil, evil))).toBe(false);
    expect(isTrustedSender(event(null))).toBe(false); // a frame already gone
  });
});

describe('channel registration', () => {
  it('registers each contract channel once and nothing else, passing the sender verdict to the dispatcher', async () => {
    const registered = new Map<string, (event: IpcEventLike, payload: unknown) => Promise<unknown>>();
    const handle = vi.fn((channel: string, listener: (event: IpcEventLike, payload: unknown) => Promise<unknown>) => {
      registered.set(channel, listener);
    });
    const dispatch = vi.fn<Dispatcher['dispatch']>(() => Promise.resolve({ ok: true, value: null }));
    registerChannels({ handle }, CHANNEL_NAMES, { dispatch });
    expect(handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    expect([...registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());

    await registered.get('users.list')!(event(APP_FRAME), { any: 1 });
    await registered.get('users.list')!(event({ url: 'app://clsm/' }), {});
    expect(dispatch.mock.calls).toEqual([
      ['users.list', { any: 1 }, { trustedSender: true }],
      ['users.list', {}, { trustedSender: false }],
    ]);
  });
});

describe('system events and web contents', () => {
  it('locks the vault when the screen locks or the machine sleeps', () => {
    const listeners = new Map<string, () => void>();
    const lock = vi.fn();
    lockOnSystemEvents({ on: (name, listener) => listeners.set(name, listener) }, { lock });
    listeners.get('lock-screen')!();
    listeners.get('suspend')!();
    expect(lock.mock.calls).toEqual([['system'], ['system']]);
  });

  it('hardens every web contents the app creates', () => {
    let created: ((event: unknown, contents: ContentsLike) => void) | undefined;
    hardenEveryContents({ on: (_name, listener) => (created = listener) });
    const hooks: string[] = [];
    let windowOpen: (() => { action: 'deny' }) | undefined;
    const contents: ContentsLike = {
      on: (name: string) => hooks.push(name),
      setWindowOpenHandler: (handler: () => { action: 'deny' }) => (windowOpen = handler),
    };
    created!({}, contents);
    expect(hooks.sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    expect(windowOpen!()).toEqual({ action: 'deny' });
  });
});

describe('main.ts', () => {
  it('wires these functions and the hardened preferences, and registers no channel by itself', () => {
    const main = readFileSync(join(__dirname, 'main.ts'), 'utf8');
    for (const call of [
      'registerChannels(ipcMain, CHANNEL_NAMES, dispatcher)',
      'hardenEveryContents(app)',
      'lockOnSystemEvents(powerMonitor, vault)',
      'hardenSession(session.defaultSession',
      'webPreferences: secureWebPreferences(PRELOAD',
      'app.requestSingleInstanceLock()',
    ]) {
      expect(main).toContain(call);
    }
    expect(main).not.toMatch(/ipcMain\.(handle|on)\(/);
    const preload = readFileSync(join(__dirname, 'preload.ts'), 'utf8');
    expect(preload).toMatch(/exposeInMainWorld\(\s*'clsm',\s*buildApi\(CHANNEL_NAMES/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer[,)]/);
  });

  it('no source opens external content: no shell.openExternal, no remote URL loaded', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? sources(join(dir, entry.name))
          : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')
            ? [join(dir, entry.name)]
            : [],
      );
    const files = [...sources(__dirname), ...sources(join(__dirname, '..', 'renderer', 'src'))];
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/openExternal|shell\.openPath|loadURL\(\s*['`"]https?:/);
    }
  });
});
