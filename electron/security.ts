// Every hardening decision of the Electron shell, as small pure functions. The Electron binary
// cannot run on the build machines, so main.ts only wires these up and the tests check them here.
// No `electron` import: types are structural.
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'clsm';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** BrowserWindow webPreferences: isolated, sandboxed, no Node, web security on. */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: options.devTools,
  } as const;
}

/**
 * Strict CSP for every page the app serves (Electron and dev host alike): only the app's own
 * scripts and styles, no eval, no inline script, no remote origin, no framing, no plugins.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
  ].join('; ');
}

/** Headers sent with every served file. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=()',
  };
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file inside `root`, or null when it would escape it (`..`, encoded
 * separators, absolute paths, NUL). Paths without an extension are client-side routes: index.html.
 */
export function resolveStaticPath(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split(/[?#]/, 1)[0] ?? '/');
  } catch {
    return null; // malformed percent-encoding: not a path we serve
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded.replace(/^\/+/, '');
  if (relative.split('/').some((segment) => segment === '..')) return null;
  const base = resolve(root);
  const target = relative === '' || extname(relative) === '' ? resolve(base, 'index.html') : resolve(base, relative);
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

/** Maps an app:// URL to a file in `root` (same rules), or null for any other origin. */
export function resolveAppUrl(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return resolveStaticPath(root, parsed.pathname);
}

/** The network filter: web contents may load the app's own files (and blobs it made), nothing else. */
export function isAllowedRequest(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url === APP_ORIGIN || url.startsWith(`blob:${APP_ORIGIN}/`);
}

/** Only the app's own top frame may call the main process. */
export function isTrustedSenderUrl(frameUrl: string | undefined | null): boolean {
  if (!frameUrl) return false;
  try {
    const parsed = new URL(frameUrl);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** will-navigate: the app is a single page; any navigation is refused. */
export function shouldBlockNavigation(_url: string): true {
  return true;
}

/** New windows (window.open, target=_blank) are refused. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, microphone, notifications, geolocation…: all denied, whatever is asked. */
export function permissionDecision(_permission: string): false {
  return false;
}

// Structural views of Electron's objects: enough to register the hardening hooks, and to test that
// each registered hook refuses, without the Electron binary.
interface PreventableEvent {
  preventDefault(): void;
}
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}
export interface SessionLike {
  webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** Every web contents: no navigation, no redirect, no webview, no new window. */
export function hardenContents(contents: ContentsLike): void {
  const refuse = (event: PreventableEvent, url: string) => {
    if (shouldBlockNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

/** The session: the app's own files only on the network, every permission denied. */
export function hardenSession(session: SessionLike, options: { allowDevTools: boolean }): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const devTools = options.allowDevTools && details.url.startsWith('devtools://');
    callback({ cancel: !(isAllowedRequest(details.url) || devTools) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
}
