// Preload (sandboxed): exposes `window.clsm`, one function per contract channel, and nothing else.
// Never `ipcRenderer` itself, never raw events.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './ipc/api';
import { CHANNELS } from './ipc/contract';

contextBridge.exposeInMainWorld(
  'clsm',
  buildApi(CHANNELS, (channel, payload) => ipcRenderer.invoke(channel, payload)),
);
