/**
 * The names of every host call and event, without zod, so the sandboxed preload can
 * build its named functions from this list without bundling the schemas.
 * `contract/hostApi.ts` checks at compile time that its schema map has exactly these keys.
 */
export const HOST_CALL_NAMES = [
  'app.info',
  'workspace.current',
  'workspace.open',
  'workspace.create',
  'workspace.recent',
  'workspace.pickFolder',
  'connectors.list',
  'connectors.get',
  'connectors.save',
  'connectors.delete',
  'connectors.import',
  'connectors.export',
  'openapi.inspect',
  'openapi.convert',
  'environments.list',
  'environments.save',
  'environments.delete',
  'environments.rename',
  'environments.setSecret',
  'credentials.list',
  'credentials.set',
  'credentials.delete',
  'connections.connect',
  'connections.finish',
  'connections.status',
  'connections.disconnect',
  'runs.start',
  'runs.cancel',
  'runs.history',
  'runs.get',
  'runs.cassettes',
  'runs.prune',
  'settings.get',
  'settings.update',
  'account.status',
  'account.signIn',
  'account.signOut',
  'account.workspaces',
  'account.selectWorkspace',
  'sync.now',
  'sync.status',
  'sync.conflicts',
  'sync.resolve',
  'sync.log',
  'sync.notices',
  'sync.held',
  'sync.moveSecret',
  'sync.dismissNotice',
  'sync.history',
  'sync.restore',
  'serverRuns.enqueue',
  'serverRuns.list',
  'serverRuns.retry',
  'admin.metrics',
  'templates.list',
  'templates.get',
  'templates.install',
  'templates.publishPreview',
  'templates.publish',
  'templates.feature',
  'templates.hide',
  'templates.rate',
  'templates.updates',
  'templates.applyUpdate',
  'templates.reports',
  'templates.report',
  'templates.resolveReport',
] as const;
export type HostCallName = (typeof HOST_CALL_NAMES)[number];

export const HOST_EVENT_NAMES = ['run.event', 'store.changed', 'workspace.changed', 'sync.status', 'app.command'] as const;
export type HostEventName = (typeof HOST_EVENT_NAMES)[number];

/** The IPC channel of one call: direction (renderer → main) and name in the channel itself. */
export const ipcCallChannel = (name: HostCallName): string => `host:call:${name}`;
/** The IPC channel of one event (main → renderer). */
export const ipcEventChannel = (name: HostEventName): string => `host:event:${name}`;

export function isHostCallName(value: unknown): value is HostCallName {
  return typeof value === 'string' && (HOST_CALL_NAMES as readonly string[]).includes(value);
}

export function isHostEventName(value: unknown): value is HostEventName {
  return typeof value === 'string' && (HOST_EVENT_NAMES as readonly string[]).includes(value);
}

/** Browser mode: the header that carries the per-launch token on API calls. */
export const BROWSER_TOKEN_HEADER = 'x-connector-studio-token';
/** Browser mode's event socket: its subprotocol, and the prefix of the one that carries the token (sockets can't send headers). */
export const BROWSER_EVENTS_PROTOCOL = 'connector-studio.events';
export const BROWSER_TOKEN_PROTOCOL_PREFIX = 'connector-studio.token.';
