/**
 * The renderer's one way to reach the host. In Electron the preload bridge
 * (`window.connectorStudio`) is used; in browser mode, HTTP + WebSocket to the local server.
 * Components should call `getHostApi()` rather than touching either transport.
 */
import type { HostClient } from '../../contract/hostApi.js';
import { createBrowserHostClient } from './browserHostClient.js';
import { createElectronHostClient } from './electronHostClient.js';
import type {} from './bridge.js';

let client: HostClient | null = null;

export function getHostApi(): HostClient {
  client ??= window.connectorStudio ? createElectronHostClient(window.connectorStudio) : createBrowserHostClient();
  return client;
}

export type { HostClient } from '../../contract/hostApi.js';
