/**
 * Where the user was, so a reload lands them back there: the screen (and open connector) per
 * workspace, and per connector the run mode and the last test inputs.
 */
import type { InputValue } from '#core';
import type { Route } from '../store/slices/uiSlice.js';
import type { RunMode } from '../store/slices/runSlice.js';

const ROUTE_PREFIX = 'connectorStudio.lastRoute.';
/** The last route of any workspace, read before the host has said which workspace is open. */
const LAST_ROUTE = 'connectorStudio.lastRoute';
const RUN_PREFIX = 'connectorStudio.runPrefs.';

export interface RunPrefs {
  mode: RunMode;
  inputs: Record<string, InputValue>;
}

const RUN_MODES: readonly RunMode[] = ['live', 'mock', 'replay'];
const RESTORABLE = new Set<Route['name']>(['dashboard', 'editor', 'marketplace', 'settings', 'credentials']);

function read<T>(storage: Storage, key: string): T | null {
  try {
    const raw = storage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: unknown): void {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: coming back to the same place is a convenience.
  }
}

export function rememberRoute(workspacePath: string, route: Route, storage: Storage = localStorage): void {
  if (!RESTORABLE.has(route.name)) return;
  write(storage, ROUTE_PREFIX + workspacePath, route);
  write(storage, LAST_ROUTE, { workspacePath, route });
}

/** The connector the user had open when the app last closed, and in which workspace. */
export interface LastOpened {
  workspacePath: string;
  connectorId: string;
}

/**
 * The connector open when the app was last closed, if the editor was the screen: read at page
 * load (app/startupCalls.ts) so its chunks and file load beside the first host calls. Only a
 * hint: it is used when the host's open workspace turns out to be the same one.
 */
export function lastOpenedConnector(storage: Storage = localStorage): LastOpened | null {
  const last = read<{ workspacePath?: unknown; route?: Partial<Route> & { connectorId?: unknown } }>(storage, LAST_ROUTE);
  if (!last || typeof last !== 'object' || typeof last.workspacePath !== 'string') return null;
  if (last.route?.name !== 'editor' || typeof last.route.connectorId !== 'string') return null;
  return { workspacePath: last.workspacePath, connectorId: last.route.connectorId };
}

export function lastRoute(workspacePath: string, storage: Storage = localStorage): Route | null {
  const route = read<Route>(storage, ROUTE_PREFIX + workspacePath);
  if (!route || typeof route !== 'object' || !RESTORABLE.has(route.name)) return null;
  if (route.name === 'editor' && typeof route.connectorId !== 'string') return null;
  return route;
}

export function rememberRunPrefs(workspacePath: string, connectorId: string, prefs: RunPrefs, storage: Storage = localStorage): void {
  write(storage, `${RUN_PREFIX}${workspacePath}::${connectorId}`, prefs);
}

export function lastRunPrefs(workspacePath: string, connectorId: string, storage: Storage = localStorage): RunPrefs | null {
  const prefs = read<RunPrefs>(storage, `${RUN_PREFIX}${workspacePath}::${connectorId}`);
  if (!prefs || !RUN_MODES.includes(prefs.mode) || typeof prefs.inputs !== 'object' || prefs.inputs === null) return null;
  return prefs;
}
