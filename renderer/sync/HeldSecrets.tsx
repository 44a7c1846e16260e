/**
 * Connectors the team does not get yet because a header, query parameter or URL holds a
 * literal secret, each with its one-click fix: "Move into credential api_token" stores the
 * value in the vault, makes the field refer to it and syncs. Shown in the Sync panel and,
 * for the open connector, as a banner in the editor.
 */
import { useCallback, useEffect, useState } from 'react';
import type { HeldConnector, SyncStatus } from '../../contract/hostApi.js';
import { useBusyAction } from '../app/useBusyAction.js';
import { useHost } from '../app/useHost.js';
import { useSyncStatus } from './useSyncStatus.js';

function HeldSecretRows({ connector, onMoved }: { connector: HeldConnector; onMoved: (credential: string) => void }) {
  const host = useHost();
  const { busy, error, run } = useBusyAction();
  const move = (path: string) => run(async () => {
    const { credential } = await host.sync.moveSecret({ localId: connector.localId, path });
    onMoved(credential);
  });
  return (
    <>
      {connector.secrets.map((secret) => (
        <div key={secret.path} className="row held-secret" data-testid="held-secret">
          <span className="grow">{secret.where} holds a literal secret ({secret.mask}).</span>
          <button type="button" className="primary" data-testid="move-secret" disabled={busy} onClick={() => void move(secret.path)}>
            Move into credential “{secret.suggestedName}”
          </button>
        </div>
      ))}
      {error && <p className="field-error" role="alert">{error}</p>}
    </>
  );
}

/**
 * The held connectors, refreshed on every sync status change (and when `version` changes), read
 * once the status is known: asking before it arrives made every screen ask twice at start-up.
 */
function useHeld(status: SyncStatus | null, version?: string | null): [HeldConnector[], () => void] {
  const host = useHost();
  const [held, setHeld] = useState<HeldConnector[]>([]);
  const load = useCallback(() => void host.sync.held().then(setHeld, () => setHeld([])), [host]);
  useEffect(() => {
    if (status !== null) load();
  }, [load, status, version]);
  return [held, load];
}

export function HeldSecretsSection({ status }: { status: SyncStatus | null }) {
  const [held, reload] = useHeld(status);
  if (held.length === 0) return null;
  return (
    <div className="sync-held" data-testid="held-list">
      <h4>Not shared with the team</h4>
      <p className="muted">A literal secret in a request would reach every member and the server. Move it into a credential (kept in this computer's vault) and the connector syncs.</p>
      {held.map((connector) => (
        <div key={connector.localId} data-testid="held-connector" data-connector-id={connector.localId}>
          <strong>{connector.name}</strong>
          <HeldSecretRows connector={connector} onMoved={reload} />
        </div>
      ))}
    </div>
  );
}

/** In the editor: the open connector is held back. Hidden while signed out (nothing is shared then). */
export function HeldSecretBanner({ localId, hash }: { localId: string; hash: string | null }) {
  const status = useSyncStatus();
  // Read again when the file changes (a move into a credential saves it).
  const [held, reload] = useHeld(status, hash);
  const [moved, setMoved] = useState<string | null>(null);
  const mine = held.find((connector) => connector.localId === localId);
  if (!status || status.state === 'signed_out') return null;
  if (!mine) {
    return moved ? <div className="banner" role="status" data-testid="secret-moved">Moved into credential “{moved}”: the connector now refers to it and is shared with the team.</div> : null;
  }
  return (
    <div className="banner held-banner" role="alert" data-testid="held-secret-banner">
      <span>This connector is not shared with the team until its literal secret moves into a credential.</span>
      <HeldSecretRows connector={mine} onMoved={(credential) => { setMoved(credential); reload(); }} />
    </div>
  );
}
