/**
 * The host client for browser mode: the same contract over HTTP (POST /api/<call>) and a
 * WebSocket for events (/api/events). The per-launch token arrives in the page URL
 * (`?token=`); it is kept in sessionStorage and removed from the address bar so it does not
 * end up in history or screenshots. The server also sets it as an HttpOnly cookie.
 */
// The zod-free parts of the contract only: the schemas are the host's to check (it validates
// every payload), and building them was part of every page load's module evaluation.
import { buildHostApi } from '../../contract/buildHostApi.js';
import { BROWSER_EVENTS_PROTOCOL, BROWSER_TOKEN_HEADER, BROWSER_TOKEN_PROTOCOL_PREFIX, isHostEventName, type HostCallName, type HostEventName } from '../../contract/hostCallNames.js';
import { fromSerializedHostError, HostError } from '../../contract/hostError.js';
import type { HostCallOutcome, HostClient, HostEventHandler, HostEventMessage } from '../../contract/hostApi.js';

const TOKEN_KEY = 'connectorStudio.token';
const TOKEN_HEADER = BROWSER_TOKEN_HEADER;

export function readBrowserToken(location: Location = window.location, storage: Storage | undefined = safeSessionStorage()): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage?.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    try {
      window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    } catch {
      // Not fatal: the token merely stays visible.
    }
    return fromUrl;
  }
  return storage?.getItem(TOKEN_KEY) ?? null;
}

function safeSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export interface BrowserHostClientOptions {
  /** Origin of the local server; default: the page's own origin. */
  baseUrl?: string;
  token?: string | null;
  fetchImpl?: typeof fetch;
  WebSocketImpl?: typeof WebSocket;
}

export function createBrowserHostClient(options: BrowserHostClientOptions = {}): HostClient {
  const baseUrl = options.baseUrl ?? window.location.origin;
  const token = options.token !== undefined ? options.token : readBrowserToken();
  const fetchImpl = options.fetchImpl ?? window.fetch.bind(window);
  const WebSocketImpl = options.WebSocketImpl ?? window.WebSocket;

  async function invoke(name: HostCallName, params: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/${name}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
        body: JSON.stringify({ params: params ?? null }),
      });
    } catch (cause) {
      throw new HostError('NETWORK_ERROR', 'The local Connector Studio server is not reachable.', { hint: 'Is `npm run web` still running? Restart it and reload this page.', cause });
    }
    let outcome: HostCallOutcome;
    try {
      outcome = (await response.json()) as HostCallOutcome;
    } catch (cause) {
      throw new HostError('INTERNAL', `The local server answered ${response.status} without a result.`, { cause });
    }
    if (!outcome.ok) throw fromSerializedHostError(outcome.error);
    return outcome.value;
  }

  const handlers = new Map<HostEventName, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let retryDelayMs = 250;

  function connect(): void {
    const wsUrl = new URL('/api/events', baseUrl);
    wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    // Not in the URL (logs, history): as a subprotocol, the one place a browser socket can carry it.
    const ws = new WebSocketImpl(wsUrl.toString(), token ? [BROWSER_EVENTS_PROTOCOL, `${BROWSER_TOKEN_PROTOCOL_PREFIX}${token}`] : [BROWSER_EVENTS_PROTOCOL]);
    socket = ws;
    ws.onopen = () => {
      retryDelayMs = 250;
    };
    ws.onmessage = (message: MessageEvent) => {
      let parsed: HostEventMessage;
      try {
        parsed = JSON.parse(String(message.data)) as HostEventMessage;
      } catch {
        return;
      }
      if (!isHostEventName(parsed.event)) return;
      for (const handler of handlers.get(parsed.event) ?? []) handler(parsed.payload);
    };
    // A failed connection is followed by close, which reconnects; nothing to do here (and without a
    // listener, Node's ws would throw the error).
    ws.onerror = () => {};
    ws.onclose = () => {
      socket = null;
      if (totalHandlers() === 0) return;
      // Reconnect with a capped backoff: the server may be restarting.
      setTimeout(() => {
        if (!socket && totalHandlers() > 0) connect();
      }, retryDelayMs);
      retryDelayMs = Math.min(retryDelayMs * 2, 5_000);
    };
  }

  const totalHandlers = () => [...handlers.values()].reduce((n, set) => n + set.size, 0);

  function subscribe<E extends HostEventName>(name: E, handler: HostEventHandler<E>): () => void {
    const set = handlers.get(name) ?? new Set();
    handlers.set(name, set);
    const untyped = handler as (payload: unknown) => void;
    set.add(untyped);
    if (!socket) connect();
    return () => {
      set.delete(untyped);
      if (totalHandlers() === 0 && socket) {
        socket.close();
        socket = null;
      }
    };
  }

  return { ...buildHostApi(invoke), subscribe };
}
