/**
 * The host calls of the first screen (app info, settings, the open workspace and its connector
 * list), sent while the page is still loading the rest of its code: main.tsx imports this
 * module first and the build puts it in a chunk of its own (vite.config.ts), so the host answers
 * while zod, core and React load instead of after React's first commit. App takes them once;
 * every later load (a remount, another workspace) calls the host as usual. When the user left a
 * connector open, its file and the editor's chunks are asked for in the same round.
 */
import type { AppInfo, AppSettings, HostClient } from '../../contract/hostApi.js';
import { getHostApi } from '../platform/hostApi.js';
import { lastOpenedConnector, type LastOpened } from '../services/sessionMemory.js';
import { startWorkspaceLoad, type WorkspaceLoad } from '../services/workspaceLoad.js';

export interface StartupCalls {
  info: Promise<AppInfo>;
  /** null when the settings cannot be read (the app starts with its defaults). */
  settings: Promise<AppSettings | null>;
  workspace: WorkspaceLoad;
}

function startStartupCalls(host: HostClient, lastOpened: LastOpened | null = null): StartupCalls {
  const info = host.app.info();
  // Awaited by App; never an unhandled rejection before it does.
  info.catch(() => undefined);
  return { info, settings: host.settings.get().catch(() => null), workspace: startWorkspaceLoad(host, lastOpened) };
}

const earlyHost = getHostApi();
const lastOpened = lastOpenedConnector();
let early: StartupCalls | undefined = startStartupCalls(earlyHost, lastOpened);
// The user left the editor open: its chunks load now, beside the host calls, rather than once
// the workspace has answered and React has rendered (app/screens.ts imports the same modules).
if (lastOpened) {
  void import('../editor/EditorScreen.js').catch(() => undefined);
  void import('../canvas/Canvas.js').catch(() => undefined);
}

/** The calls sent at page load the first time (if `host` is the client they went to), a fresh round afterwards. */
export function takeStartupCalls(host: HostClient): StartupCalls {
  const calls = early && host === earlyHost ? early : startStartupCalls(host);
  early = undefined;
  return calls;
}
