import { describe, expect, it, vi } from 'vitest';
import { buildApi } from './api';
import { CHANNEL_NAMES as CHANNELS } from '../shared/channels';
import { contract } from './contract';

describe('window.clsm shape', () => {
  it('has one function per channel, grouped by domain, passing only the payload', async () => {
    const invoke = vi.fn(() => Promise.resolve({ ok: true, value: null }));
    const api = buildApi(CHANNELS, invoke);
    const functions = Object.entries(api).flatMap(([domain, actions]) => Object.keys(actions).map((a) => `${domain}.${a}`));
    expect(functions.sort()).toEqual([...CHANNELS].sort());
    await api.users.list({});
    await api.session.lock(undefined as never);
    expect(invoke.mock.calls).toEqual([
      ['users.list', {}],
      ['session.lock', {}],
    ]);
  });

  it('is built from a names list that is exactly the contract’s channels', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
  });
});
