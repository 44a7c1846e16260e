/**
 * The open connector's cassettes for the run bar: loaded when the connector changes and
 * again after every finished run (a recording adds one). Keeps the replay choice on a
 * readable cassette: `default` when there is one (what an installed template replays), else
 * the newest. In Replay mode, inputs left empty are filled from the chosen cassette.
 */
import { useEffect, useState } from 'react';
import type { CassetteSummary, HostClient } from '../../contract/hostApi.js';
import type { AppStore } from '../store/createAppStore.js';
import { errorMessage } from '../services/errorMessage.js';
import { applyCassetteInputs } from '../services/cassetteInputs.js';

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
        // In Replay (e.g. a template just installed to try), inputs left empty start from the cassette's.
        const s = store.getState();
        if (s.runMode === 'replay') applyCassetteInputs(store, cassettes.find((c) => c.name === s.runCassette), { onlyEmpty: true });
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
