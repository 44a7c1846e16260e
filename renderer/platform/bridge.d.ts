// The preload bridge (electron/preload.ts) exposes the host as `window.connectorStudio`.
// Absent in browser mode, where renderer/platform/hostApi.ts falls back to HTTP.
import type { HostBridge } from '../../contract/hostApi.js';

declare global {
  interface Window {
    connectorStudio?: HostBridge;
  }
}

export {};
