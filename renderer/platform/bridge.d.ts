// The preload bridge (electron/preload.ts) exposes the host client as `window.connectorStudio`.
// Absent in browser mode, where renderer/platform/hostApi.ts falls back to HTTP.
import type { HostClient } from '../../contract/hostApi.js';

declare global {
  interface Window {
    connectorStudio?: HostClient;
  }
}

export {};
