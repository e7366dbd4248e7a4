// Browser-side twin of preload.ts for the dev host: the same `window.clsm`, over HTTP on loopback.
// The bearer token arrives in the URL fragment (never sent to a server), is kept for this tab only
// and removed from the address bar.
import { buildApi } from '../ipc/api';
import { CHANNELS } from '../ipc/contract';

const TOKEN_KEY = 'clsm-devhost-token';
const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
if (fromHash) {
  sessionStorage.setItem(TOKEN_KEY, fromHash);
  history.replaceState(null, '', window.location.pathname + window.location.search);
}
const token = sessionStorage.getItem(TOKEN_KEY) ?? '';

async function invoke(channel: string, payload: unknown): Promise<unknown> {
  const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(payload ?? {}),
  });
  if (!response.ok) {
    return { ok: false, error: { code: 'INTERNAL', message: "L'hôte de développement ne répond pas correctement." } };
  }
  return response.json();
}

Object.defineProperty(window, 'clsm', { value: Object.freeze(buildApi(CHANNELS, invoke)), writable: false });
