/**
 * The host's sync status, live: the last `sync.status` event, seeded by one `sync.status` call.
 * Shared by every component that shows it (the top bar, the editor's banner and its revisions
 * button): one call and one subscription per host while any of them is mounted, instead of one each.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { HostClient, SyncStatus } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { afterNextPaint } from '../app/afterPaint.js';

interface SharedStatus {
  value: SyncStatus | null;
  listeners: Set<() => void>;
  stop: (() => void) | undefined;
}

const statusByHost = new WeakMap<HostClient, SharedStatus>();

function sharedStatus(host: HostClient): SharedStatus {
  let shared = statusByHost.get(host);
  if (!shared) {
    shared = { value: null, listeners: new Set(), stop: undefined };
    statusByHost.set(host, shared);
  }
  return shared;
}

function subscribe(host: HostClient, onChange: () => void): () => void {
  const shared = sharedStatus(host);
  const set = (next: SyncStatus) => {
    // The same status again (the answer, then the event the host sends on subscribing) is no change:
    // keeping the old object spares what refreshes on a change (notices, held connectors) a second read.
    if (shared.value !== null && JSON.stringify(shared.value) === JSON.stringify(next)) return;
    shared.value = next;
    for (const listener of shared.listeners) listener();
  };
  shared.listeners.add(onChange);
  if (shared.listeners.size === 1) {
    let live = true;
    const off = host.subscribe('sync.status', set);
    // An event that arrived first is newer than this answer. Asked once the screen that shows the
    // status is painted: the top bar can show it a frame later, the first screen should not wait.
    const cancel = afterNextPaint(() => void host.sync.status().then((first) => { if (live && shared.value === null) set(first); }).catch(() => undefined));
    shared.stop = () => { live = false; off(); cancel(); };
  }
  return () => {
    shared.listeners.delete(onChange);
    if (shared.listeners.size > 0) return;
    shared.stop?.();
    shared.stop = undefined;
    // Nobody is watching: the next component to mount asks the host again rather than trust an old value.
    shared.value = null;
  };
}

export function useSyncStatus(): SyncStatus | null {
  const host = useHost();
  const subscribeToHost = useCallback((onChange: () => void) => subscribe(host, onChange), [host]);
  return useSyncExternalStore(subscribeToHost, () => sharedStatus(host).value);
}
