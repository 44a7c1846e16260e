/**
 * "Connect" for a block of any auth kind that signs in (its `signIn` part): who it is connected as,
 * until when, with which scopes; Reconnect / Disconnect. A kind's editor places it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Auth } from '#core';
import type { ConnectionStatus } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { refreshCredentials } from '../services/refreshLists.js';
import { errorMessage } from '../services/errorMessage.js';

/** `credential`: the one the block names ('' while it names none: Connect is disabled). */
export function ConnectionPanel({ auth, credential }: { auth: Auth; credential: string }) {
  const host = useHost();
  const store = useAppStoreApi();
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  // The status follows the credential's name, not every keystroke in the block's other fields.
  const authRef = useRef(auth);
  authRef.current = auth;
  const [busy, setBusy] = useState<'connecting' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!credential) return setStatus(null);
    try {
      setStatus(await host.connections.status({ auth: authRef.current }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [host, credential]);
  useEffect(() => { void load(); }, [load]);

  const connect = async () => {
    setError(null);
    setBusy('connecting');
    // Opened during the click, so the browser does not take it for a pop-up; the desktop app opens the system browser instead.
    const tab = window.open('', '_blank');
    try {
      const started = await host.connections.connect({ auth });
      if (started.opened) tab?.close();
      else if (tab) tab.location.href = started.authorizationUrl;
      else window.location.assign(started.authorizationUrl);
      setStatus(await host.connections.finish({ flowId: started.flowId }));
      await refreshCredentials(store, host);
      store.getState().notify({ kind: 'success', message: `Connected ${credential}.` });
    } catch (e) {
      tab?.close();
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const disconnect = async () => {
    setError(null);
    try {
      setStatus(await host.connections.disconnect({ auth }));
      await refreshCredentials(store, host);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const connected = status?.connected === true;
  return (
    <div className="field oauth-connection">
      <label>Connection</label>
      <p data-testid="oauth-status">
        {busy === 'connecting' ? 'Waiting for the sign-in in your browser…'
          : !connected ? 'Not connected.'
          : [
              status.subject ? `Connected as ${status.subject}` : 'Connected',
              status.expiresAt ? `access token expires ${new Date(status.expiresAt).toLocaleString()}` : null,
              status.scopes.length > 0 ? `scopes: ${status.scopes.join(' ')}` : null,
              status.refreshable ? null : 'no refresh token: connect again when it expires',
            ].filter(Boolean).join(' · ')}
      </p>
      <div className="row">
        <button type="button" className="primary" data-testid="oauth-connect-button" disabled={!credential || busy !== null} onClick={() => void connect()}>{connected ? 'Reconnect' : 'Connect'}</button>
        {connected && <button type="button" data-testid="oauth-disconnect-button" onClick={() => void disconnect()}>Disconnect</button>}
      </div>
      {error && <p className="error-text" role="alert" data-testid="oauth-error">{error}</p>}
    </div>
  );
}
