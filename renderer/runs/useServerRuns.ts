/**
 * A connector's server runs, kept live: read on mount and after every change the caller makes
 * (`refresh`), and polled every `pollMs` while one is queued or running — the way sync polls
 * the server's change cursor (the local gateway has no Realtime).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostClient, ServerRunList } from '../../contract/hostApi.js';
import { errorMessage } from '../services/errorMessage.js';

export const SERVER_RUN_POLL_MS = 1500;

export const isUnfinished = (status: string) => status === 'queued' || status === 'running';

/** Every view of a connector's server runs re-reads them when one of them queues a run. */
const listeners = new Set<(connectorId: string) => void>();
export function notifyServerRunsChanged(connectorId: string): void {
  for (const listener of listeners) listener(connectorId);
}

export function useServerRuns(host: HostClient, connectorId: string | undefined, pollMs = SERVER_RUN_POLL_MS) {
  const [list, setList] = useState<ServerRunList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  const refresh = useCallback(async () => {
    if (!connectorId) return;
    try {
      const next = await host.serverRuns.list({ connectorId });
      if (alive.current) {
        setList(next);
        setError(null);
      }
    } catch (e) {
      if (alive.current) setError(errorMessage(e));
    }
  }, [host, connectorId]);

  useEffect(() => {
    alive.current = true;
    void refresh();
    const listener = (changed: string) => {
      if (changed === connectorId) void refresh();
    };
    listeners.add(listener);
    // A finished sync may have given this connector its synced copy (so it can run on the server).
    const off = host.subscribe('sync.status', (status) => {
      if (status.state === 'synced') void refresh();
    });
    return () => {
      alive.current = false;
      listeners.delete(listener);
      off();
    };
  }, [refresh, host, connectorId]);

  const live = list?.status === 'available' && list.runs.some((run) => isUnfinished(run.status));
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => void refresh(), pollMs);
    return () => clearInterval(timer);
  }, [live, refresh, pollMs]);

  return { list, error, refresh };
}
