/** One sync conflict: both versions side by side, and keep mine / keep theirs / keep both. */
import type { SyncConflictView } from '../../contract/hostApi.js';
import { useBusyAction } from '../app/useBusyAction.js';
import { useHost } from '../app/useHost.js';
import { MonacoDiff } from './MonacoDiff.js';

const WHY: Record<SyncConflictView['kind'], string> = {
  edited_on_both: 'It was changed here and on the server.',
  deleted_on_server: 'It was deleted on the server but changed here.',
  edited_on_server_deleted_here: 'It was deleted here but changed on the server.',
  name_taken: 'Another connector on the server already has this name.',
  id_taken: 'Its server id belongs to a connector you cannot see.',
};

/** "Deleted by Bob on the server, but changed here." when the server names who. */
function why(conflict: SyncConflictView): string {
  const by = conflict.serverAuthor;
  if (!by) return WHY[conflict.kind];
  if (conflict.kind === 'deleted_on_server') return `It was deleted by ${by} but changed here.`;
  if (conflict.kind === 'edited_on_both') return `It was changed here and by ${by} on the server.`;
  if (conflict.kind === 'edited_on_server_deleted_here') return `It was deleted here but changed by ${by} on the server.`;
  return WHY[conflict.kind];
}

const pretty = (doc: Record<string, unknown> | null) => (doc ? `${JSON.stringify(doc, null, 2)}\n` : '// (deleted)\n');

export function ConflictResolver({ conflict, onResolved }: { conflict: SyncConflictView; onResolved: () => void }) {
  const host = useHost();
  const { busy, error, run } = useBusyAction();
  const resolve = (resolution: 'keep-mine' | 'keep-theirs' | 'keep-both') => run(async () => {
    await host.sync.resolve({ localId: conflict.localId, resolution });
    onResolved();
  });
  return (
    <div className="sync-conflict" data-testid="conflict-item" data-connector-id={conflict.localId}>
      <div className="row">
        <strong className="grow">{conflict.name}</strong>
        <span className="muted" data-testid="conflict-why">{why(conflict)}</span>
      </div>
      {conflict.summary.length > 0 && (
        <ul className="sync-conflict-summary" data-testid="conflict-summary" aria-label="What differs">
          {conflict.summary.map((line) => <li key={line}>{line}</li>)}
        </ul>
      )}
      <div className="row sync-diff-labels"><span className="grow">This computer</span><span className="grow">Server{conflict.serverRevision ? ` (revision ${conflict.serverRevision}${conflict.serverAuthor ? `, ${conflict.serverAuthor}` : ''})` : ''}</span></div>
      <MonacoDiff original={pretty(conflict.mine)} modified={pretty(conflict.theirs)} testId="conflict-diff" />
      <div className="row">
        <button type="button" data-testid="keep-mine" disabled={busy} onClick={() => void resolve('keep-mine')}>Keep mine</button>
        <button type="button" data-testid="keep-theirs" disabled={busy} onClick={() => void resolve('keep-theirs')}>Keep theirs</button>
        <button type="button" data-testid="keep-both" disabled={busy} onClick={() => void resolve('keep-both')}>Keep both</button>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
