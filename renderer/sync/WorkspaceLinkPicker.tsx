/** Picks which of the user's remote workspaces the open folder syncs with (from their memberships). */
import { useEffect, useState } from 'react';
import type { AccountStatus, RemoteWorkspace } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';

export function WorkspaceLinkPicker({ account, onChange }: { account: AccountStatus; onChange: (next: AccountStatus) => void }) {
  const host = useHost();
  const [workspaces, setWorkspaces] = useState<RemoteWorkspace[] | null>(null);
  const [selected, setSelected] = useState(account.workspace?.id ?? '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    host.account.workspaces().then((list) => live && setWorkspaces(list)).catch((e: unknown) => live && setError(errorMessage(e)));
    return () => { live = false; };
  }, [host, account.user?.id]);

  const link = async (workspaceId: string | null, pushRuns?: boolean) => {
    setError(null);
    try {
      onChange(await host.account.selectWorkspace({ workspaceId, ...(pushRuns === undefined ? {} : { pushRuns }) }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="sync-section">
      <h3>Workspace</h3>
      {account.workspace ? (
        <p data-testid="linked-workspace">This folder syncs with <strong>{account.workspace.name}</strong>.</p>
      ) : (
        <p className="muted">Pick the team workspace this folder's connectors go to.</p>
      )}
      <div className="row">
        <select className="grow" data-testid="workspace-select" aria-label="Remote workspace" value={selected} onChange={(e) => setSelected(e.target.value)} disabled={!workspaces}>
          <option value="">{workspaces ? 'Choose a workspace…' : 'Loading…'}</option>
          {workspaces?.map((w) => <option key={w.id} value={w.id}>{w.name} ({w.role})</option>)}
        </select>
        <button type="button" className="primary" data-testid="workspace-link" disabled={!selected || selected === account.workspace?.id} onClick={() => void link(selected)}>Sync this folder</button>
        {account.workspace && <button type="button" data-testid="workspace-unlink" onClick={() => void link(null)}>Stop syncing</button>}
      </div>
      <label className="row sync-checkbox">
        <input type="checkbox" data-testid="push-runs" checked={account.pushRuns} onChange={(e) => void link(account.workspace?.id ?? null, e.target.checked)} disabled={!account.workspace} />
        Send my test runs (redacted) to the workspace's statistics
      </label>
      {error && <p className="field-error" role="alert">{error}</p>}
    </section>
  );
}
