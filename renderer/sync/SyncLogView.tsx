/** What synced, newest first. */
import type { SyncLogEntry } from '../../contract/hostApi.js';

const VERB: Record<SyncLogEntry['action'], string> = { created: 'created', updated: 'updated', deleted: 'deleted', conflict: 'conflict', set_aside: 'set aside (not valid)', resolved: 'conflict resolved' };

export function SyncLogView({ entries }: { entries: SyncLogEntry[] }) {
  if (entries.length === 0) return <p className="muted">Nothing synced yet.</p>;
  return (
    <ol className="sync-log" data-testid="sync-log">
      {entries.map((entry, index) => (
        <li key={`${entry.at}-${index}`} data-testid="sync-log-entry" className={entry.action === 'conflict' || entry.action === 'set_aside' ? 'conflict' : ''}>
          <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleTimeString()}</time>
          <span aria-label={entry.direction === 'push' ? 'sent' : 'received'}>{entry.direction === 'push' ? '↑' : '↓'}</span>
          <span className="grow">{entry.name}</span>
          <span className="badge">{entry.detail ? `${VERB[entry.action]}: ${entry.detail}` : VERB[entry.action]}</span>
        </li>
      ))}
    </ol>
  );
}
