/** The header's sync status (synced, pending, offline, conflict, error); opens the sync panel. Teammates' notices show beneath it. */
import { Suspense } from 'react';
import { useAppStore } from '../store/AppStoreProvider.js';
import { SyncNotices } from './SyncNotices.js';
import { preloadable } from '../app/preloadable.js';
import { syncStateLabel } from './syncStateLabel.js';
import { useSyncStatus } from './useSyncStatus.js';
import './sync.css';

// The panel (a dialog, on Radix) in its own chunk: asked for on hover or focus of the button, not at start-up.
const panel = preloadable(() => import('./SyncPanel.js').then((m) => m.SyncPanel));
const preloadPanel = () => void panel.preload().catch(() => undefined);

export function SyncIndicator() {
  const status = useSyncStatus();
  const open = useAppStore((s) => s.syncPanelOpen);
  const setOpen = useAppStore((s) => s.setSyncPanelOpen);
  const label = status ? syncStateLabel(status) : { icon: '○', text: 'Sync' };
  return (
    <>
      <button
        type="button"
        className={`sync-indicator sync-${status?.state ?? 'unknown'}`}
        data-testid="sync-indicator"
        data-state={status?.state ?? 'unknown'}
        title={status?.message ?? label.text}
        aria-label={`Sync: ${label.text}. Open sync settings`}
        onPointerEnter={preloadPanel}
        onFocus={preloadPanel}
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">{label.icon}</span> {label.text}
      </button>
      {open && <Suspense fallback={null}><panel.Component status={status} onClose={() => setOpen(false)} /></Suspense>}
      <SyncNotices status={status} />
    </>
  );
}
