// Preload (sandboxed): exposes `window.clsm`, one function per contract channel, and nothing else.
// Never `ipcRenderer` itself, never raw events. It bundles the channel names only, not the contract.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './ipc/api';
import { CHANNEL_NAMES } from './shared/channels';

contextBridge.exposeInMainWorld(
  'clsm',
  buildApi(CHANNEL_NAMES, (channel, payload) => ipcRenderer.invoke(channel, payload)),
);
