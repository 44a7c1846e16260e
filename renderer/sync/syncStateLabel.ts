/** Words and a symbol for each sync state (the indicator and the panel say the same thing). */
import type { SyncStatus } from '../../contract/hostApi.js';

const LABELS: Record<SyncStatus['state'], { icon: string; text: string }> = {
  signed_out: { icon: '○', text: 'Not syncing' },
  synced: { icon: '✓', text: 'Synced' },
  pending: { icon: '↑', text: 'Changes to sync' },
  syncing: { icon: '⟳', text: 'Syncing…' },
  offline: { icon: '⚡', text: 'Offline' },
  conflict: { icon: '⚠', text: 'Conflict' },
  error: { icon: '✕', text: 'Sync error' },
};

export function syncStateLabel(status: SyncStatus): { icon: string; text: string } {
  const base = LABELS[status.state];
  if (status.state === 'offline' && status.reason === 'unreachable') return { ...base, text: 'Supabase unreachable' };
  if (status.state === 'signed_out' && status.reason === 'session') return { ...base, text: 'Session expired' };
  if (status.state === 'pending' && status.pending) return { ...base, text: `${status.pending} to sync` };
  if (status.state === 'conflict' && status.conflicts) return { ...base, text: `${status.conflicts} conflict${status.conflicts === 1 ? '' : 's'}` };
  return base;
}
