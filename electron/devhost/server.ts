// The dev host: the built renderer and the SAME handler table as Electron, over HTTP on 127.0.0.1
// only. Used to test the real UI in a browser where Electron cannot run. Never packaged.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { AppError } from '../errors';
import { createDispatcher } from '../ipc/dispatcher';
import { handlers } from '../ipc/handlers';
import { mimeType, resolveStaticPath, securityHeaders } from '../security';
import { SCAN_MAX_BASE64 } from '../services/consents/schema';
import { IMPORT_MAX_BASE64 } from '../services/partners/schema';
import { AutoLock, Vault } from '../services/vault';

export interface DevHostOptions {
  dataDir: string;
  rendererDir: string;
  port: number;
  autoLockMs?: number;
}

export interface DevHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The largest payload a channel accepts (a scanned consent form, the directory import), plus its JSON envelope. */
export const MAX_BODY_BYTES = Math.max(IMPORT_MAX_BASE64, SCAN_MAX_BASE64) + 64 * 1024;

class BodyTooLarge extends Error {}

/** Refuses to run in production or from a packaged app: the dev host bypasses Electron's shell. */
export function devHostRefusal(env: NodeJS.ProcessEnv, modulePath: string): string | null {
  if (env.NODE_ENV === 'production') return 'L’hôte de développement refuse de démarrer quand NODE_ENV=production.';
  if (/app\.asar/.test(modulePath) || 'resourcesPath' in process) {
    return 'L’hôte de développement ne fonctionne pas dans l’application installée.';
  }
  return null;
}

async function adapterScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'adapter.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        request.resume(); // drain the rest so the answer reaches the page
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The channel named by `/api/<channel>`; null when its percent-encoding is malformed. */
export function channelOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null; // URIError: `%E0%A4%A` and the like name no channel
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const refusal = devHostRefusal(process.env, __filename);
  if (refusal) throw new Error(refusal);
  const token = randomBytes(32).toString('base64url');
  const vault = new Vault({ dataDir: options.dataDir });
  const dispatcher = createDispatcher({ vault, handlers });
  const autoLock = new AutoLock(vault, options.autoLockMs === undefined ? {} : { overrideMs: options.autoLockMs });
  const adapter = await adapterScript();
  let origin = '';

  function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
    response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...securityHeaders() });
    response.end(body);
  }

  async function serveFile(response: ServerResponse, path: string): Promise<void> {
    if (path === '/__devhost/adapter.js') return send(response, 200, mimeType('a.js'), adapter);
    const file = resolveStaticPath(options.rendererDir, path);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Introuvable');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return send(response, 404, 'text/plain; charset=utf-8', 'Introuvable');
      throw error;
    }
    if (file.endsWith('index.html')) {
      // A classic script runs before the app's (deferred) module: window.clsm exists first.
      const html = content.toString('utf8').replace('<head>', '<head><script src="/__devhost/adapter.js"></script>');
      return send(response, 200, mimeType(file), html);
    }
    send(response, 200, mimeType(file), content);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: only requests addressed to our own loopback host and port.
    if (request.headers.host !== origin.replace('http://', '')) return send(response, 403, 'text/plain; charset=utf-8', 'Refusé');
    const url = new URL(request.url ?? '/', origin);
    if (request.method === 'GET') return serveFile(response, url.pathname);
    if (request.method !== 'POST' || !url.pathname.startsWith('/api/')) return send(response, 405, 'text/plain; charset=utf-8', 'Refusé');
    const channel = channelOf(url.pathname);
    if (channel === null) {
      request.resume();
      return send(response, 400, 'text/plain; charset=utf-8', 'Adresse mal formée');
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const originOk = request.headers.origin === undefined || request.headers.origin === origin;
    if (!originOk || !sameSecret(bearer, token)) {
      // Refused before its body is read: the dispatcher records the refusal under no user.
      request.resume();
      const refused = await dispatcher.dispatch(channel, undefined, { trustedSender: false });
      return send(response, 403, 'application/json; charset=utf-8', JSON.stringify(refused));
    }
    let payload: unknown;
    try {
      payload = JSON.parse((await readBody(request)) || '{}');
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return send(
          response,
          413,
          'application/json; charset=utf-8',
          JSON.stringify({ ok: false, error: new AppError('PAYLOAD_TOO_LARGE').toPayload() }),
        );
      }
      payload = undefined; // unreadable body: the dispatcher refuses it as invalid input
    }
    const result = await dispatcher.dispatch(channel, payload, { trustedSender: true });
    send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(`[devhost] ${error instanceof Error ? error.name : typeof error}`);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Erreur interne');
      else response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  autoLock.start(500);
  return {
    url: `${origin}/#token=${token}`,
    port,
    async close() {
      autoLock.stop();
      vault.lock('shutdown');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
