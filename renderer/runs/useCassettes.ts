/**
 * The open connector's cassettes for the run bar: loaded when the connector changes and
 * again after every finished run (a recording adds one). Keeps the replay choice on a
 * readable cassette: `default` when there is one (what an installed template replays), else
 * the newest.
 */
import { useEffect, useState } from 'react';
import type { CassetteSummary, HostClient } from '../../contract/hostApi.js';
import type { AppStore } from '../store/createAppStore.js';
import { errorMessage } from '../services/errorMessage.js';

export interface CassetteList {
  cassettes: CassetteSummary[] | null;
  error: string | null;
}

export function useCassettes(store: AppStore, host: HostClient, connectorId: string, connectorName: string, refreshKey: unknown): CassetteList {
  const [state, setState] = useState<CassetteList>({ cassettes: null, error: null });
  useEffect(() => {
    let current = true;
    host.runs
      .cassettes({ connectorId, connectorName })
      .then((cassettes) => {
        if (!current) return;
        setState({ cassettes, error: null });
        const chosen = store.getState().runCassette;
        if (!cassettes.some((c) => c.name === chosen && c.error === undefined)) store.getState().setRunCassette(defaultCassette(cassettes));
      })
      .catch((error: unknown) => current && setState({ cassettes: null, error: `Cassettes could not be listed: ${errorMessage(error)}` }));
    return () => {
      current = false;
    };
  }, [store, host, connectorId, connectorName, refreshKey]);
  return state;
}

/** The cassette replay starts with: `default` when readable, else the newest readable one. */
export function defaultCassette(cassettes: CassetteSummary[]): string | null {
  const playable = cassettes.filter((c) => c.error === undefined);
  return (playable.find((c) => c.name === 'default') ?? playable[0])?.name ?? null;
}
