/** "Connect" for an authorization-code block: who it is connected as, until when, with which scopes; Reconnect / Disconnect. */
import { useCallback, useEffect, useState } from 'react';
import type { Auth } from '#core';
import type { OAuthConnectionStatus } from '../../../contract/hostApi.js';
import { useHost } from '../../app/useHost.js';
import { useAppStoreApi } from '../../store/AppStoreProvider.js';
import { refreshCredentials } from '../../services/refreshLists.js';
import { errorMessage } from '../../services/errorMessage.js';

type Block = Extract<Auth, { type: 'oauth2_authorization_code' }>;

export function ConnectionPanel({ auth, credential }: { auth: Block; credential: string }) {
  const host = useHost();
  const store = useAppStoreApi();
  const [status, setStatus] = useState<OAuthConnectionStatus | null>(null);
  const [busy, setBusy] = useState<'connecting' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!credential) return setStatus(null);
    try {
      setStatus(await host.oauth.status({ credential }));
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
      const started = await host.oauth.connect({ auth });
      if (started.opened) tab?.close();
      else if (tab) tab.location.href = started.authorizationUrl;
      else window.location.assign(started.authorizationUrl);
      setStatus(await host.oauth.finish({ flowId: started.flowId }));
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
      setStatus(await host.oauth.disconnect({ credential }));
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
