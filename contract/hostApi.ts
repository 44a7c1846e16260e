/**
 * The host API contract: every call the renderer can make and every event it can
 * receive, as zod schemas plus the types derived from them. Each domain declares its
 * calls in contract/domains/<domain>.ts (the domains of host/api/hostCallRegistry.ts);
 * this file composes them and re-exports their schemas. Shared by the renderer
 * (renderer/platform/hostApi.ts), the Electron main process (electron/ipcRegistry.ts)
 * and browser mode (host/server/). Every payload is validated against `hostCalls`
 * before it reaches a host service.
 *
 * Results are described with zod too, but the host trusts its own results: complex
 * core records (ExecutionRecord, RunEvent) are typed with `z.custom` instead of being
 * re-declared here.
 */
import { z } from 'zod';
import type { HostCallName, HostEventName } from './hostCallNames.js';
import type { SerializedHostError } from './hostError.js';
import type { CallSpec } from './domains/call.js';
import { accountCalls } from './domains/account.js';
import { appCalls, appEvents } from './domains/app.js';
import { connectorsCalls, connectorsEvents } from './domains/connectors.js';
import { credentialsCalls } from './domains/credentials.js';
import { environmentsCalls } from './domains/environments.js';
import { connectionsCalls } from './domains/connections.js';
import { openapiCalls } from './domains/openapi.js';
import { runsCalls, runsEvents } from './domains/runs.js';
import { adminCalls, serverRunsCalls } from './domains/serverRuns.js';
import { settingsCalls } from './domains/settings.js';
import { syncCalls, syncEvents } from './domains/sync.js';
import { templatesCalls } from './domains/templates.js';
import { workspaceCalls, workspaceEvents } from './domains/workspace.js';

export * from './hostCallNames.js';
export * from './hostError.js';
export * from './toSerializedHostError.js';
export * from './domains/app.js';
export * from './domains/workspace.js';
export * from './domains/connectors.js';
export * from './domains/openapi.js';
export * from './domains/environments.js';
export * from './domains/credentials.js';
export * from './domains/connections.js';
export * from './domains/runs.js';
export * from './domains/settings.js';
export * from './domains/account.js';
export * from './domains/sync.js';
export * from './domains/serverRuns.js';
export * from './domains/templates.js';

/** Bumped on any incompatible change to a call or event. */
export const HOST_API_VERSION = 1 as const;

// ── calls: one list per domain (contract/domains/<domain>.ts, as host/api/hostCallRegistry.ts registers them) ──

export const hostCalls = {
  ...appCalls,
  ...workspaceCalls,
  ...connectorsCalls,
  ...openapiCalls,
  ...environmentsCalls,
  ...credentialsCalls,
  ...connectionsCalls,
  ...runsCalls,
  ...settingsCalls,
  ...accountCalls,
  ...syncCalls,
  ...serverRunsCalls,
  ...adminCalls,
  ...templatesCalls,
} as const satisfies Record<HostCallName, CallSpec<z.ZodType, z.ZodType>>;

// Compile-time check that hostCallNames.ts and hostCalls list the same calls.
type _SameCalls = [keyof typeof hostCalls] extends [HostCallName] ? ([HostCallName] extends [keyof typeof hostCalls] ? true : never) : never;
const _sameCalls: _SameCalls = true;
void _sameCalls;

export type HostCallParams<N extends HostCallName> = z.input<(typeof hostCalls)[N]['params']>;
export type HostCallParsedParams<N extends HostCallName> = z.output<(typeof hostCalls)[N]['params']>;
export type HostCallResult<N extends HostCallName> = z.output<(typeof hostCalls)[N]['result']>;

type Namespace<N extends string> = N extends `${infer NS}.${string}` ? NS : never;
type Method<N extends string, NS extends string> = N extends `${NS}.${infer M}` ? M : never;
type CallFn<N extends HostCallName> = undefined extends HostCallParams<N>
  ? (params?: HostCallParams<N>) => Promise<HostCallResult<N>>
  : (params: HostCallParams<N>) => Promise<HostCallResult<N>>;

/**
 * The host API as the renderer sees it: one namespace per domain, one named method per
 * call, e.g. `host.connectors.save({ connector, baseHash })`.
 */
export type HostApi = {
  [NS in Namespace<HostCallName>]: { [M in Method<HostCallName, NS>]: CallFn<`${NS}.${M}` & HostCallName> };
};

// ── events ─────────────────────────────────────────────────────────────────────

export const hostEvents = {
  ...runsEvents,
  ...connectorsEvents,
  ...workspaceEvents,
  ...syncEvents,
  ...appEvents,
} as const satisfies Record<HostEventName, z.ZodType>;

export type HostEvents = { [E in HostEventName]: z.output<(typeof hostEvents)[E]> };
export type HostEventHandler<E extends HostEventName> = (payload: HostEvents[E]) => void;
export type Unsubscribe = () => void;

/** Everything that can be subscribed to: the renderer's client and the host services share this. */
export interface HostEventSource {
  subscribe<E extends HostEventName>(name: E, handler: HostEventHandler<E>): Unsubscribe;
}

/** What `getHostApi()` returns in the renderer. */
export type HostClient = HostApi & HostEventSource;

/**
 * What the Electron preload exposes as `window.connectorStudio`: the same named methods,
 * returning the outcome envelope (contextBridge strips an Error's code and hint), plus subscribe.
 */
export type HostBridge = {
  [NS in keyof HostApi]: { [M in keyof HostApi[NS]]: (params?: unknown) => Promise<HostCallOutcome> };
} & HostEventSource;

/** The envelope every call returns across IPC and HTTP (errors are values, so nothing is lost in transit). */
export type HostCallOutcome<T = unknown> = { ok: true; value: T } | { ok: false; error: SerializedHostError };

/** One event as pushed over the browser-mode WebSocket. */
export interface HostEventMessage<E extends HostEventName = HostEventName> {
  event: E;
  payload: HostEvents[E];
}