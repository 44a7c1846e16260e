/** The host's sync status, live: the last `sync.status` event, seeded by one `sync.status` call. */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';

export function useSyncStatus(): SyncStatus | null {
  const host = useHost();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    const off = host.subscribe('sync.status', (next) => setStatus(next));
    host.sync.status().then((first) => live && setStatus((current) => current ?? first)).catch(() => undefined);
    return () => {
      live = false;
      off();
    };
  }, [host]);
  return status;
}
