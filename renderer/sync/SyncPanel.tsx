/**
 * Account and sync in one dialog: the Supabase project, sign-in, the workspace this folder
 * syncs with, "Sync now", open conflicts (with the diff) and the log of what synced.
 * Everything here is optional: the app works fully signed out.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AccountStatus, SyncConflictView, SyncLogEntry, SyncStatus } from '../../contract/hostApi.js';
import { Dialog } from '../app/Dialog.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';
import { ConflictResolver } from './ConflictResolver.js';
import { HeldSecretsSection } from './HeldSecrets.js';
import { SignInForm } from './SignInForm.js';
import { SupabaseSettingsForm } from './SupabaseSettingsForm.js';
import { SyncLogView } from './SyncLogView.js';
import { syncStateLabel } from './syncStateLabel.js';
import { WorkspaceLinkPicker } from './WorkspaceLinkPicker.js';

export function SyncPanel({ status, onClose }: { status: SyncStatus | null; onClose: () => void }) {
  const host = useHost();
  const [account, setAccount] = useState<AccountStatus | null>(null);
  const [conflicts, setConflicts] = useState<SyncConflictView[]>([]);
  const [log, setLog] = useState<SyncLogEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [nextAccount, nextConflicts, nextLog] = await Promise.all([host.account.status(), host.sync.conflicts(), host.sync.log()]);
      setAccount(nextAccount);
      setConflicts(nextConflicts);
      setLog(nextLog);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [host]);

  // Every status change (a sync finished, a conflict appeared) refreshes the lists.
  useEffect(() => {
    void reload();
  }, [reload, status]);

  const syncNow = async () => {
    setError(null);
    try {
      await host.sync.now();
    } catch (e) {
      setError(errorMessage(e));
    }
    await reload();
  };

  const label = status ? syncStateLabel(status) : null;
  return (
    <Dialog title="Sync" testId="sync-panel" className="sync-panel" onClose={onClose}
      headerAction={<button type="button" aria-label="Close" data-testid="sync-panel-close" onClick={onClose}>✕</button>}>
      {label && (
        <p className={`sync-status-line sync-${status!.state}`} data-testid="sync-status-line" role="status">
          {label.icon} {label.text}{status!.message ? ` — ${status!.message}` : ''}
        </p>
      )}
      <SupabaseSettingsForm onSaved={() => void reload()} />
      {account && <SignInForm account={account} onChange={(next) => { setAccount(next); void reload(); }} />}
      {account?.user && <WorkspaceLinkPicker account={account} onChange={(next) => { setAccount(next); void reload(); }} />}
      {account?.workspace && (
        <section className="sync-section">
          <div className="row">
            <h3 className="grow">Activity</h3>
            <button type="button" className="primary" data-testid="sync-now" onClick={() => void syncNow()}>Sync now</button>
          </div>
          <HeldSecretsSection status={status} />
          {conflicts.length > 0 && (
            <div data-testid="conflict-list">
              <h4>Conflicts to resolve</h4>
              {conflicts.map((c) => <ConflictResolver key={c.localId} conflict={c} onResolved={() => void reload()} />)}
            </div>
          )}
          <SyncLogView entries={log} />
        </section>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </Dialog>
  );
}
