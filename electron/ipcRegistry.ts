/**
 * One ipcMain.handle per named contract call (channel `host:call:<name>`), never a generic
 * channel. Each message has its sender checked (our own app:// frame only, checklist 17)
 * and its payload validated by the host services against the contract. Results and errors
 * travel as a HostCallOutcome, so error codes and hints survive IPC.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { HOST_CALL_NAMES, ipcCallChannel, ipcEventChannel, type HostCallOutcome } from '../contract/hostApi.js';
import type { HostServices } from '../host/api/createHostServices.js';
import { invokeHostCall } from '../host/api/invokeHostCall.js';
import { isAppUrl } from './appOrigin.js';

/** The frame that sent the message must be our own renderer, top-level or not. */
export function isAllowedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  return isAppUrl(event.senderFrame?.url);
}

export function createCallHandler(services: Pick<HostServices, 'api'>, name: (typeof HOST_CALL_NAMES)[number]) {
  return async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, params: unknown): Promise<HostCallOutcome> => {
    if (!isAllowedSender(event)) {
      return { ok: false, error: { name: 'HostError', code: 'UNAUTHORIZED', message: 'This window may not call the host.' } };
    }
    return invokeHostCall(services.api, name, params);
  };
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, services: Pick<HostServices, 'api'>): () => void {
  for (const name of HOST_CALL_NAMES) ipcMain.handle(ipcCallChannel(name), createCallHandler(services, name));
  return () => {
    for (const name of HOST_CALL_NAMES) ipcMain.removeHandler(ipcCallChannel(name));
  };
}

/** Forwards every host event to the windows showing our app. */
export function forwardHostEvents(services: Pick<HostServices, 'subscribeAll'>, windows: () => WebContents[]): () => void {
  return services.subscribeAll((name, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(ipcEventChannel(name), payload);
    }
  });
}
