/** The header's sync status (synced, pending, offline, conflict, error); opens the sync panel. Teammates' notices show beneath it. */
import { useAppStore } from '../store/AppStoreProvider.js';
import { SyncNotices } from './SyncNotices.js';
import { SyncPanel } from './SyncPanel.js';
import { syncStateLabel } from './syncStateLabel.js';
import { useSyncStatus } from './useSyncStatus.js';
import './sync.css';

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
        onClick={() => setOpen(true)}
      >
        <span aria-hidden="true">{label.icon}</span> {label.text}
      </button>
      {open && <SyncPanel status={status} onClose={() => setOpen(false)} />}
      <SyncNotices status={status} />
    </>
  );
}
