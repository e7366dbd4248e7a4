import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevHost, devHostRefusal, MAX_BODY_BYTES, startDevHost } from '../../electron/devhost/server';
import { tempDir } from '../helpers/vault';

let host: DevHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start(): Promise<{ host: DevHost; token: string; dataDir: string }> {
  const root = tempDir();
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'ne doit pas sortir');
  host = await startDevHost({ dataDir: join(root, 'data'), rendererDir, port: 0 });
  return { host, token: new URL(host.url).hash.replace('#token=', ''), dataDir: join(root, 'data') };
}

function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('dev host', () => {
  it('listens on loopback only and prints a URL carrying a random token', async () => {
    const { host: h, token } = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(token).toHaveLength(43);
  });

  it('serves the renderer with the strict CSP and the browser adapter injected before the app', async () => {
    const { host: h } = await start();
    const page = await raw(h.port, { path: '/administration/utilisateurs', headers: { host: `127.0.0.1:${h.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('<head><script src="/__devhost/adapter.js"></script>');
    const adapter = await raw(h.port, { path: '/__devhost/adapter.js', headers: { host: `127.0.0.1:${h.port}` } });
    expect(adapter.body).toContain('session.unlock');
    expect(adapter.body).not.toMatch(/better-sqlite3|argon2/);
  });

  it('refuses path traversal and foreign Host headers', async () => {
    const { host: h } = await start();
    for (const path of ['/../secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      const res = await raw(h.port, { path, headers: { host: `127.0.0.1:${h.port}` } });
      expect(res.body).not.toContain('ne doit pas sortir');
    }
    const rebinding = await raw(h.port, { path: '/', headers: { host: `evil.example:${h.port}` } });
    expect(rebinding.status).toBe(403);
  });

  it('runs the same handler table, and refuses calls without the token or from another origin', async () => {
    const { host: h, token } = await start();
    const call = (channel: string, headers: Record<string, string>, body = '{}') =>
      raw(h.port, {
        method: 'POST',
        path: `/api/${channel}`,
        headers: { host: `127.0.0.1:${h.port}`, 'content-type': 'application/json', ...headers },
        body,
      }).then((r) => JSON.parse(r.body));
    expect(await call('setup.status', { authorization: `Bearer ${token}` })).toEqual({
      ok: true,
      value: { state: 'uninitialized', problem: null },
    });
    expect(await call('setup.status', {})).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(await call('setup.status', { authorization: `Bearer ${token.slice(1)}x` })).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    });
    expect(await call('setup.status', { authorization: `Bearer ${token}`, origin: 'http://evil.example' })).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    });
    expect(await call('setup.status', { authorization: `Bearer ${token}` }, '{pas du json')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await call('system.shell', { authorization: `Bearer ${token}` })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('answers 400 to a malformed address, before authentication, and keeps serving', async () => {
    const { host: h, token } = await start();
    const host = `127.0.0.1:${h.port}`;
    for (const path of ['/api/%E0%A4%A', '/api/%', '/api/session.info%ZZ']) {
      const refused = await raw(h.port, { method: 'POST', path, headers: { host }, body: '{}' });
      expect(refused, path).toMatchObject({ status: 400, body: 'Adresse mal formée' });
    }
    const after = await raw(h.port, {
      method: 'POST',
      path: '/api/setup.status',
      headers: { host, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(after.status).toBe(200);
  });

  it('accepts a body as large as the import accepts, and refuses a larger one in French', async () => {
    const { host: h, token } = await start();
    const post = (body: string) =>
      raw(h.port, {
        method: 'POST',
        path: '/api/setup.status',
        headers: { host: `127.0.0.1:${h.port}`, 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
    // A 5 MB file, base64-encoded, reaches the dispatcher (which then judges the payload).
    const fiveMegabytes = JSON.stringify({ base64: Buffer.alloc(5 * 1024 * 1024, 1).toString('base64'), commit: false });
    expect(JSON.parse((await post(fiveMegabytes)).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const tooLarge = await post(JSON.stringify({ base64: 'A'.repeat(MAX_BODY_BYTES) }));
    expect(tooLarge.status).toBe(413);
    // Without the token the body is not even read: refused as an outsider, not as too large.
    const outsider = await raw(h.port, {
      method: 'POST',
      path: '/api/setup.status',
      headers: { host: `127.0.0.1:${h.port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ base64: 'A'.repeat(MAX_BODY_BYTES) }),
    });
    expect(outsider.status).toBe(403);
    expect(JSON.parse(outsider.body)).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(JSON.parse(tooLarge.body)).toEqual({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'Les données envoyées sont trop volumineuses (6 Mo au plus).' },
    });
  });

  it('refuses to start in production or from a packaged app', async () => {
    expect(devHostRefusal({ NODE_ENV: 'production' }, '/opt/app/electron/devhost/server.ts')).toMatch(/NODE_ENV=production/);
    expect(devHostRefusal({}, 'C:\\Program Files\\Commission CLSM\\resources\\app.asar\\dist\\devhost.js')).toMatch(
      /application installée/,
    );
    expect(devHostRefusal({ NODE_ENV: 'test' }, '/work/electron/devhost/server.ts')).toBeNull();
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(startDevHost({ dataDir: tempDir(), rendererDir: tempDir(), port: 0 })).rejects.toThrow(/refuse de démarrer/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
