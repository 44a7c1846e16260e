import { useEffect, useRef, useState } from 'react';
import type { RecentWorkspace } from '../../contract/hostApi.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { useBusyAction } from '../app/useBusyAction.js';
import { openWorkspace } from '../services/workspaceActions.js';
import { errorMessage } from '../services/errorMessage.js';
import './workspace.css';

export function WorkspacePicker() {
  const store = useAppStoreApi();
  const host = useHost();
  const [path, setPath] = useState('');
  const { busy, error, setError, run } = useBusyAction();
  const [recent, setRecent] = useState<RecentWorkspace[]>([]);
  const [dialogSupported, setDialogSupported] = useState(true);
  const pathInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    host.workspace.recent().then(setRecent).catch(() => setRecent([]));
  }, [host]);

  const open = async (target: string, create: boolean) => {
    if (!target.trim()) { setError('Type the full path of a folder, e.g. /home/you/connectors.'); return; }
    await run(() => openWorkspace(store, host, target.trim(), create));
  };

  const pick = async () => {
    const result = await host.workspace.pickFolder({ title: 'Open a workspace folder' }).catch((e: unknown) => ({ status: 'unsupported' as const, reason: errorMessage(e) }));
    if (result.status === 'picked') await open(result.path, false);
    else if (result.status === 'unsupported') {
      // Browser mode has no folder dialog: say so, and send the user to the path field.
      setDialogSupported(false);
      pathInput.current?.focus();
    }
  };

  return (
    <section className="workspace-picker" aria-labelledby="wp-title">
      <h1 id="wp-title">Open a workspace</h1>
      <p className="muted">A workspace is a folder: each connector is one JSON file in it, ready for git.</p>
      {dialogSupported
        ? <button type="button" className="primary" onClick={() => void pick()}>Choose a folder…</button>
        : <p className="muted" role="status" data-testid="workspace-no-dialog">This window cannot show a folder dialog. Type the folder's full path below.</p>}
      <form className="workspace-form" onSubmit={(e) => { e.preventDefault(); void open(path, false); }}>
        <label htmlFor="workspace-path">Folder path</label>
        <input ref={pathInput} id="workspace-path" data-testid="workspace-path-input" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/you/connectors" autoFocus />
        <div className="row">
          <button type="submit" data-testid="workspace-open-button" disabled={busy}>Open</button>
          <button type="button" data-testid="workspace-create-button" disabled={busy} onClick={() => void open(path, true)}>Create new workspace</button>
        </div>
        {error && <p className="error-text" role="alert" data-testid="workspace-error">{error}</p>}
      </form>
      {recent.length > 0 && (
        <>
          <h2>Recent</h2>
          <ul className="recent-list">
            {recent.map((w) => (
              <li key={w.path}>
                <button type="button" data-testid="recent-workspace" data-path={w.path} disabled={!w.exists || busy} onClick={() => void open(w.path, false)}>
                  <strong>{w.name}</strong> <span className="muted">{w.path}{w.exists ? '' : ' (missing)'}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
