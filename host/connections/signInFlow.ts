/**
 * One sign-in for any auth kind that has one (its `signIn` part), the same for the desktop app,
 * browser mode and the CLI: listen on a loopback redirect (RFC 8252 §7.3), let the kind build the
 * page to open, and hand the browser's answer back to the kind. `url` is returned at once (the caller
 * opens it: Electron's shell.openExternal, a browser tab, or a line in the terminal); `value` settles
 * with the connection credential's new value when the browser comes back.
 */
import { authKindOf, ConnectorError, systemClock, type Auth, type HttpTransport, type SignInDefinition } from '#core';
import { listenForRedirect } from './loopbackRedirect.js';
import { nodeSignInCrypto } from './nodeSignInCrypto.js';

export interface SignInFlow {
  /** The credential the connection is kept in. */
  connection: string;
  url: string;
  redirectUri: string;
  value: Promise<string>;
  cancel(): void;
}

export interface SignInFlowOptions {
  credentials: Readonly<Record<string, string>>;
  /** Where the user stores a missing credential, for messages. */
  credentialsPlace: string;
  transport: HttpTransport;
  timeoutMs?: number;
}

/** A sign-in left unfinished this long is given up (and its listener closed). */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

const CONNECTION_REF = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The kind's sign-in part, or a plain refusal for a kind whose credentials are typed. */
export function signInOf(auth: Auth): SignInDefinition<Auth> {
  const kind = authKindOf(auth);
  if (!kind.signIn) throw new ConnectorError('INVALID_DOCUMENT', `${kind.label} has nothing to connect: its credentials are typed in.`, { hint: 'Store them in the Credentials panel.' });
  return kind.signIn as SignInDefinition<Auth>;
}

/** The credential the block keeps its connection in; a block naming none is refused. */
export function connectionOf(auth: Auth): string {
  const connection = signInOf(auth).connection(auth);
  if (!CONNECTION_REF.test(connection)) throw new ConnectorError('INVALID_DOCUMENT', 'Name the credential that keeps the connection, as {{credentials.name}}.', { hint: 'Fill in "Keep the connection in".' });
  return connection;
}

export async function startSignIn(auth: Auth, options: SignInFlowOptions): Promise<SignInFlow> {
  const signIn = signInOf(auth);
  const connection = connectionOf(auth);
  const loopback = await listenForRedirect();
  let attempt;
  try {
    attempt = await signIn.start(auth, { credentials: options.credentials, credentialsPlace: options.credentialsPlace, redirectUri: loopback.redirectUri, crypto: nodeSignInCrypto, transport: options.transport, clock: systemClock });
  } catch (error) {
    await loopback.close();
    throw error;
  }
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(new ConnectorError('TIMEOUT', `The sign-in was not finished within ${Math.round(timeoutMs / 60_000)} minutes.`, { hint: 'Press Connect again and finish the sign-in in the browser.' })), timeoutMs);
  const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true }));
  const value = (async () => {
    try {
      const query = await Promise.race([loopback.query, aborted]);
      return await attempt.complete(query, controller.signal);
    } finally {
      clearTimeout(timer);
      await loopback.close();
    }
  })();
  // The caller may only look at the outcome later (after the browser came back): not unhandled meanwhile.
  value.catch(() => {});
  return {
    connection,
    url: attempt.url,
    redirectUri: loopback.redirectUri,
    value,
    cancel: () => controller.abort(new ConnectorError('CANCELLED', 'The sign-in was cancelled.')),
  };
}
