// Electron main process: lifecycle and window only. Every decision it applies lives in
// security.ts and wiring.ts (tested) and every rule in services/ (tested); this file wires them to Electron.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, powerMonitor, protocol, session } from 'electron';
import { createDispatcher } from './ipc/dispatcher';
import { handlers } from './ipc/handlers';
import { APP_ORIGIN, APP_SCHEME, hardenSession, mimeType, resolveAppUrl, secureWebPreferences, securityHeaders } from './security';
import { AutoLock, Vault } from './services/vault';
import { CHANNEL_NAMES } from './shared/channels';
import { hardenEveryContents, lockOnSystemEvents, registerChannels } from './wiring';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// The app is French only: date fields read jj/mm/aaaa whatever the workstation's language.
app.commandLine.appendSwitch('lang', 'fr-FR');

const RENDERER_ROOT = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, 'preload.js');

let mainWindow: BrowserWindow | null = null;

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Commission CLSM',
    show: false,
    webPreferences: secureWebPreferences(PRELOAD, { devTools: !app.isPackaged }),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/`);
}

async function serveAppFile(request: Request): Promise<Response> {
  const file = resolveAppUrl(RENDERER_ROOT, request.url);
  if (!file) return new Response('Introuvable', { status: 404 });
  try {
    return new Response(await readFile(file), { headers: { 'Content-Type': mimeType(file), ...securityHeaders() } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Response('Introuvable', { status: 404 });
    throw error;
  }
}

function start(): void {
  const vault = new Vault({ dataDir: join(app.getPath('userData'), 'data') });
  const dispatcher = createDispatcher({ vault, handlers });
  const autoLock = new AutoLock(vault);

  hardenEveryContents(app);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(
    () => {
      protocol.handle(APP_SCHEME, serveAppFile);
      hardenSession(session.defaultSession, { allowDevTools: !app.isPackaged });

      registerChannels(ipcMain, CHANNEL_NAMES, dispatcher);
      autoLock.start();
      lockOnSystemEvents(powerMonitor, vault);
      createWindow();
    },
    (error: unknown) => {
      console.error(`[clsm] start-up failed: ${error instanceof Error ? error.name : typeof error}`);
      app.exit(1);
    },
  );

  app.on('before-quit', () => {
    autoLock.stop();
    vault.lock('shutdown');
  });
  app.on('window-all-closed', () => app.quit());
}

// One instance only: two processes on the same encrypted database would fight over it.
if (app.requestSingleInstanceLock()) start();
else app.quit();
