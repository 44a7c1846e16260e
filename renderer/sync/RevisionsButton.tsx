/** The editor's way into a synced connector's server History (shown while the folder is signed in to a workspace). */
import { useState } from 'react';
import { ConnectorHistoryDialog } from './ConnectorHistoryDialog.js';
import { useSyncStatus } from './useSyncStatus.js';

export function RevisionsButton({ localId, name }: { localId: string; name: string }) {
  const status = useSyncStatus();
  const [open, setOpen] = useState(false);
  if (!status || status.state === 'signed_out') return null;
  return (
    <>
      <button type="button" data-testid="revisions-button" onClick={() => setOpen(true)} title="The team's saved revisions of this connector; restore an earlier one">Revisions</button>
      {open && <ConnectorHistoryDialog localId={localId} name={name} onClose={() => setOpen(false)} />}
    </>
  );
}
