import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  hardenContents,
  hardenSession,
  isAllowedRequest,
  isTrustedSenderUrl,
  resolveAppUrl,
  resolveStaticPath,
  secureWebPreferences,
} from './security';

const root = resolve('/opt/clsm/renderer');

describe('web preferences', () => {
  it('isolate and sandbox the page, with no Node and web security on', () => {
    expect(secureWebPreferences('/p/preload.js', { devTools: false })).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('set nothing else: no experimental or Blink features, no insecure switch', () => {
    expect(Object.keys(secureWebPreferences('/p/preload.js', { devTools: false })).sort()).toEqual([
      'allowRunningInsecureContent',
      'contextIsolation',
      'devTools',
      'navigateOnDragDrop',
      'nodeIntegration',
      'nodeIntegrationInSubFrames',
      'nodeIntegrationInWorker',
      'preload',
      'safeDialogs',
      'sandbox',
      'spellcheck',
      'webSecurity',
      'webviewTag',
    ]);
  });
});

describe('content security policy', () => {
  it('allows only the app itself: no eval, no inline script, no remote origin', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

describe('app:// file resolution', () => {
  it('serves files inside the renderer folder and routes to index.html', () => {
    expect(resolveAppUrl(root, 'app://clsm/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveAppUrl(root, 'app://clsm/')).toBe(join(root, 'index.html'));
    expect(resolveAppUrl(root, 'app://clsm/administration/utilisateurs')).toBe(join(root, 'index.html'));
  });

  it('refuses path traversal in every spelling, and other origins', () => {
    for (const path of [
      '/../secret.db',
      '/assets/../../etc/passwd.txt',
      '/%2e%2e/etc/passwd.txt',
      '/..%2fkeyring.json',
      '/a%5c..%5cb.js',
      '/x%00.js',
      '/%E0%A4%A.js',
    ]) {
      expect(resolveStaticPath(root, path), path).toBeNull();
    }
    expect(resolveAppUrl(root, 'app://autre/index.html')).toBeNull();
    expect(resolveAppUrl(root, 'file:///etc/passwd')).toBeNull();
  });
});

describe('request filter, sender check, navigation and permissions', () => {
  it('lets through the app’s own files only', () => {
    expect(isAllowedRequest('app://clsm/assets/x.js')).toBe(true);
    expect(isAllowedRequest('blob:app://clsm/0b1c')).toBe(true);
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:8080/api',
      'file:///etc/passwd',
      'app://other/x.js',
      'ws://localhost/',
      'data:text/html,x',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('trusts calls from the app:// frame only', () => {
    expect(isTrustedSenderUrl('app://clsm/administration')).toBe(true);
    for (const url of ['https://clsm/', 'app://evil/', 'file:///index.html', '', undefined, 'pas une url']) {
      expect(isTrustedSenderUrl(url), String(url)).toBe(false);
    }
  });

  it('registers hooks on every web contents that refuse navigation, redirects, webviews and new windows', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | null = null;
    hardenContents({
      on: (name: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: () => { action: 'deny' }) => {
        openHandler = handler;
      },
    } as never);
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    for (const [name, listener] of listeners) {
      let prevented = false;
      listener({ preventDefault: () => (prevented = true) }, 'https://example.org/');
      expect(prevented, name).toBe(true);
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('registers a network filter and permission handlers on the session that refuse everything foreign', () => {
    let filter: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null = null;
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((contents: unknown, permission: string) => boolean) | null = null;
    const session = {
      webRequest: { onBeforeRequest: (listener: typeof filter) => (filter = listener) },
      setPermissionRequestHandler: (handler: typeof request) => (request = handler),
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
    };
    hardenSession(session, { allowDevTools: false });
    const cancelled = (url: string) => {
      let verdict: boolean | null = null;
      filter!({ url }, (r) => (verdict = r.cancel));
      return verdict;
    };
    expect(cancelled('app://clsm/assets/x.js')).toBe(false);
    expect(cancelled('https://example.org/')).toBe(true);
    expect(cancelled('devtools://devtools/bundled/x.html')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      request!(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(check!(null, permission), permission).toBe(false);
    }
    hardenSession(session, { allowDevTools: true });
    expect(cancelled('devtools://devtools/bundled/x.html')).toBe(false);
  });
});
