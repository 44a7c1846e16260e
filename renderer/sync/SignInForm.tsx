/** Email + password sign-in, or who is signed in with a sign-out button. */
import { useState } from 'react';
import type { AccountStatus } from '../../contract/hostApi.js';
import { useBusyAction } from '../app/useBusyAction.js';
import { useHost } from '../app/useHost.js';

export function SignInForm({ account, onChange }: { account: AccountStatus; onChange: (next: AccountStatus) => void }) {
  const host = useHost();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useBusyAction();

  const act = (action: () => Promise<AccountStatus>) => run(async () => {
    onChange(await action());
    setPassword('');
  });

  if (account.user) {
    return (
      <section className="sync-section">
        <h3>Account</h3>
        <div className="row">
          <span className="grow" data-testid="signed-in-as">Signed in as {account.user.email}</span>
          <button type="button" data-testid="sign-out" disabled={busy} onClick={() => void act(() => host.account.signOut())}>Sign out</button>
        </div>
        {error && <p className="field-error" role="alert">{error}</p>}
      </section>
    );
  }
  return (
    <form className="sync-section" onSubmit={(e) => { e.preventDefault(); void act(() => host.account.signIn({ email, password })); }}>
      <h3>Sign in</h3>
      {!account.configured && <p className="muted">Save the project URL and anon key first.</p>}
      <div className="field">
        <label htmlFor="signin-email">Email</label>
        <input id="signin-email" data-testid="signin-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="signin-password">Password</label>
        <input id="signin-password" data-testid="signin-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <button type="submit" className="primary" data-testid="signin-submit" disabled={busy || !account.configured || !email || !password}>Sign in</button>
      {error && <p className="field-error" role="alert" data-testid="signin-error">{error}</p>}
    </form>
  );
}
