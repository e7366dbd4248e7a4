// Browser-side twin of preload.ts for the dev host: the same `window.clsm`, over HTTP on loopback.
// The bearer token arrives in the URL fragment (never sent to a server), is kept for this tab only
// and removed from the address bar.
import { buildApi } from '../ipc/api';
import { CHANNEL_NAMES } from '../shared/channels';

const TOKEN_KEY = 'clsm-devhost-token';
const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
if (fromHash) {
  sessionStorage.setItem(TOKEN_KEY, fromHash);
  history.replaceState(null, '', window.location.pathname + window.location.search);
}
const token = sessionStorage.getItem(TOKEN_KEY) ?? '';

const UNREACHABLE = { ok: false, error: { code: 'INTERNAL', message: 'L’hôte de développement ne répond pas correctement.' } };

async function invoke(channel: string, payload: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(payload ?? {}),
    });
  } catch {
    return UNREACHABLE; // the host stopped: every caller gets a French error, none waits for ever
  }
  // Refusals (an oversized body included) come back as a result envelope, whatever the status.
  return (response.headers.get('Content-Type') ?? '').startsWith('application/json') ? response.json() : UNREACHABLE;
}

Object.defineProperty(window, 'clsm', { value: Object.freeze(buildApi(CHANNEL_NAMES, invoke)), writable: false });
