/**
 * What teammates did that this user should hear about once ("Bob kept their version of
 * Phone lookup; yours is in History"), under the top bar until dismissed, with the
 * connector's History one click away. Refreshed whenever the sync status changes.
 */
import { Suspense, useCallback, useEffect, useState } from 'react';
import type { SyncNotice, SyncStatus } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { preloadable } from '../app/preloadable.js';

// The History dialog (on Radix's Dialog) in its own chunk: most starts show no notice at all.
const historyDialog = preloadable(() => import('./ConnectorHistoryDialog.js').then((m) => m.ConnectorHistoryDialog));

export function SyncNotices({ status }: { status: SyncStatus | null }) {
  const host = useHost();
  const [notices, setNotices] = useState<SyncNotice[]>([]);
  const [history, setHistory] = useState<SyncNotice | null>(null);

  const load = useCallback(async () => {
    setNotices(await host.sync.notices().catch(() => []));
  }, [host]);
  // Read once the status is known, and on each change of it (before, every start-up asked twice).
  useEffect(() => {
    if (status !== null) void load();
  }, [load, status]);

  const dismiss = async (id: string) => {
    await host.sync.dismissNotice({ id }).catch(() => undefined);
    await load();
  };

  useEffect(() => {
    if (notices.length > 0) void historyDialog.preload().catch(() => undefined);
  }, [notices.length]);

  if (notices.length === 0 && !history) return null;
  return (
    <>
      <div className="sync-notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className="sync-notice" data-testid="sync-notice">
            <span className="grow">{notice.message}</span>
            <button type="button" data-testid="sync-notice-history" onClick={() => setHistory(notice)}>Open History</button>
            <button type="button" data-testid="sync-notice-dismiss" aria-label="Dismiss" onClick={() => void dismiss(notice.id)}>✕</button>
          </div>
        ))}
      </div>
      {history && <Suspense fallback={null}><historyDialog.Component localId={history.localId} name={history.name} onClose={() => setHistory(null)} onRestored={() => void dismiss(history.id)} /></Suspense>}
    </>
  );
}
