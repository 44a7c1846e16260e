/**
 * The sandboxed preload: exposes `window.connectorStudio` with one named function per
 * contract call (each bound to its own channel) and `subscribe`. Never a generic
 * invoke(channel). Functions return the HostCallOutcome envelope: Error objects lose their
 * code and hint through contextBridge, so renderer/platform/hostApi.ts unwraps them.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { HOST_CALL_NAMES, HOST_EVENT_NAMES, ipcCallChannel, ipcEventChannel, type HostEventName } from '../contract/hostCallNames.js';

const bridge: Record<string, Record<string, (params?: unknown) => Promise<unknown>>> = {};
for (const name of HOST_CALL_NAMES) {
  const [namespace, method] = name.split('.') as [string, string];
  const channel = ipcCallChannel(name);
  bridge[namespace] ??= {};
  bridge[namespace][method] = (params?: unknown) => ipcRenderer.invoke(channel, params);
}

function subscribe(name: HostEventName, handler: (payload: unknown) => void): () => void {
  if (!(HOST_EVENT_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown host event "${String(name)}".`);
  if (typeof handler !== 'function') throw new Error('subscribe needs a handler function.');
  const channel = ipcEventChannel(name);
  // The IPC event object (with its sender) never reaches the page: only the payload does.
  const listener = (_event: IpcRendererEvent, payload: unknown) => handler(payload);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

contextBridge.exposeInMainWorld('connectorStudio', { ...bridge, subscribe });
