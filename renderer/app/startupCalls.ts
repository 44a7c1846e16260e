/**
 * The host calls of the first screen (app info, settings, the open workspace and its connector
 * list), sent while the page is still evaluating the rest of its code: main.tsx imports this
 * module first and the build puts it in a chunk of its own (vite.config.ts), so the host answers
 * while zod, core and React load instead of after React's first commit. App takes them once;
 * every later load (a remount, another workspace) calls the host as usual.
 */
import type { AppInfo, AppSettings, HostClient } from '../../contract/hostApi.js';
import { getHostApi } from '../platform/hostApi.js';
import { startWorkspaceLoad, type WorkspaceLoad } from '../services/workspaceLoad.js';

export interface StartupCalls {
  info: Promise<AppInfo>;
  /** null when the settings cannot be read (the app starts with its defaults). */
  settings: Promise<AppSettings | null>;
  workspace: WorkspaceLoad;
}

function startStartupCalls(host: HostClient): StartupCalls {
  const info = host.app.info();
  // Awaited by App; never an unhandled rejection before it does.
  info.catch(() => undefined);
  return { info, settings: host.settings.get().catch(() => null), workspace: startWorkspaceLoad(host) };
}

const earlyHost = getHostApi();
let early: StartupCalls | undefined = startStartupCalls(earlyHost);

/** The calls sent at page load the first time (if `host` is the client they went to), a fresh round afterwards. */
export function takeStartupCalls(host: HostClient): StartupCalls {
  const calls = early && host === earlyHost ? early : startStartupCalls(host);
  early = undefined;
  return calls;
}
