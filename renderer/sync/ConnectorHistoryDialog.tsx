/**
 * A synced connector's server revisions, newest first, with who wrote each and why (kept
 * over someone's revision, restored), and Restore: the chosen revision becomes the current
 * one here and for the team, as a new revision (the current one stays in the history).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ConnectorRevision } from '../../contract/hostApi.js';
import { Dialog } from '../app/Dialog.js';
import { useBusyAction } from '../app/useBusyAction.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';

function describe(revision: ConnectorRevision): string {
  const who = revision.mine ? 'you' : revision.authorName ?? 'a former member';
  switch (revision.kind) {
    case 'created': return `created by ${who}`;
    case 'deleted': return `deleted by ${who}`;
    case 'kept_mine': return `${who} kept ${revision.mine ? 'yours' : 'theirs'} over revision ${revision.replacedRevision} in a conflict`;
    case 'restored': return `${who} restored revision ${revision.restoredFrom}`;
    default: return `saved by ${who}`;
  }
}

export function ConnectorHistoryDialog({ localId, name, onClose, onRestored }: { localId: string; name: string; onClose: () => void; onRestored?: () => void }) {
  const host = useHost();
  const [revisions, setRevisions] = useState<ConnectorRevision[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const { busy, error, run } = useBusyAction();

  const load = useCallback(async () => {
    try {
      setRevisions(await host.sync.history({ localId }));
      setLoadError(null);
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, [host, localId]);
  useEffect(() => {
    void load();
  }, [load]);

  const restore = (revision: number) => run(async () => {
    await host.sync.restore({ localId, revision });
    setConfirming(null);
    await load();
    onRestored?.();
  });

  const current = revisions?.[0]?.revision ?? null;
  return (
    <Dialog title={`History of ${name}`} testId="connector-history" className="connector-history" onClose={onClose} error={error ?? loadError} errorTestId="connector-history-error"
      headerAction={<button type="button" aria-label="Close" data-testid="connector-history-close" onClick={onClose}>✕</button>}>
      {revisions === null && !loadError && <p className="muted">Loading the team's revisions…</p>}
      {revisions?.length === 0 && <p className="muted" data-testid="connector-history-empty">No revisions on the server yet: this connector has not been synced.</p>}
      {revisions && revisions.length > 0 && (
        <ol className="connector-history-list" data-testid="connector-history-list">
          {revisions.map((revision) => (
            <li key={revision.revision} data-testid="connector-revision" data-revision={revision.revision}>
              <div className="row">
                <strong>Revision {revision.revision}</strong>
                <span className="grow">{describe(revision)}</span>
                <time className="muted" dateTime={new Date(revision.at).toISOString()}>{new Date(revision.at).toLocaleString()}</time>
                {revision.revision === current
                  ? <span className="badge">current</span>
                  : !revision.deleted && (
                    <button type="button" data-testid="restore-revision" disabled={busy} onClick={() => setConfirming(revision.revision)}>Restore</button>
                  )}
              </div>
              {confirming === revision.revision && (
                <div className="row connector-history-confirm" role="alert" data-testid="restore-confirm">
                  <span className="grow">Restore revision {revision.revision}? It replaces the current version of {name} here and for the team; the current one stays in this history.</span>
                  <button type="button" className="primary" data-testid="restore-revision-confirm" disabled={busy} onClick={() => void restore(revision.revision)}>Restore revision {revision.revision}</button>
                  <button type="button" disabled={busy} onClick={() => setConfirming(null)}>Cancel</button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
