import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationCode, type Auth, type ConnectorError } from '#core';
import { createFetchTransport } from '../http/createFetchTransport.js';
import { createAuthorizationServer, type AuthorizationServer } from '#core/test-helpers';
import { nodeSignInCrypto } from './nodeSignInCrypto.js';
import { startSignIn } from './signInFlow.js';

let server: AuthorizationServer;
beforeAll(async () => { server = await createAuthorizationServer({ clientSecret: 'client-secret-9Xq' }); });
afterAll(() => server.close());

const block = (): Extract<Auth, { type: 'oauth2_authorization_code' }> => ({ type: 'oauth2_authorization_code', authorizationUrl: `${server.url}/authorize`, tokenUrl: `${server.url}/token`, clientId: server.clientId, clientSecret: '{{credentials.crm_client_secret}}', scope: 'contacts.read offline', extraParams: [{ key: 'prompt', value: 'consent' }, { key: 'state', value: 'not-allowed' }], tokens: '{{credentials.crm_connection}}' });
const transport = createFetchTransport();
const start = (auth: Auth = block(), secret = 'client-secret-9Xq') => startSignIn(auth, { credentials: { crm_client_secret: secret }, credentialsPlace: 'the Credentials panel', transport });
const tokensOf = async (flow: { value: Promise<string> }) => authorizationCode.parseTokenSet(await flow.value);
const pkce = async () => {
  const verifier = nodeSignInCrypto.randomBase64Url(32);
  return { verifier, challenge: await nodeSignInCrypto.sha256Base64Url(verifier) };
};

/** The browser's part: follow the authorization URL to the loopback redirect. */
async function browse(url: string): Promise<Response> {
  const answer = await fetch(url, { redirect: 'manual' });
  const location = answer.headers.get('location');
  if (!location) throw new Error(`no redirect: ${answer.status} ${await answer.text()}`);
  return fetch(location);
}

describe('authorization code + PKCE against a local RFC 6749/7636 server', () => {
  it('signs in: S256 challenge and state on the URL, the loopback redirect, the code exchanged with the verifier', async () => {
    const flow = await start();
    expect(flow.connection).toBe('crm_connection');
    expect(flow.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const query = new URL(flow.url).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({ response_type: 'code', client_id: server.clientId, redirect_uri: flow.redirectUri, scope: 'contacts.read offline', code_challenge_method: 'S256', prompt: 'consent' });
    expect(query.get('state')).not.toBe('not-allowed');
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const page = await browse(flow.url);
    expect(await page.text()).toContain('Connected');
    const tokens = await tokensOf(flow);
    expect(tokens).toMatchObject({ accessToken: expect.stringMatching(/^at-/), refreshToken: expect.stringMatching(/^rt-/), scopes: ['contacts.read', 'offline'], subject: 'alice@example.com' });
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
    expect(server.grants.at(-1)).toBe('authorization_code');
  });

  it('ignores a redirect whose state is not the one it sent, and exchanges nothing', async () => {
    const flow = await start();
    server.answerWithState('forged-state');
    const grants = server.grants.length;
    await browse(flow.url);
    await expect(flow.value).rejects.toMatchObject({ message: expect.stringContaining('state does not match'), hint: expect.stringContaining('Connect again') });
    expect(server.grants.length).toBe(grants);
  });

  it('refuses a code exchanged with the wrong verifier, in user terms (RFC 6749 §5.2 invalid_grant)', async () => {
    const { challenge } = await pkce();
    const redirectUri = 'http://127.0.0.1:9/callback';
    const url = authorizationCode.authorizationUrl({ authorizationUrl: `${server.url}/authorize`, clientId: server.clientId, redirectUri, state: 's', codeChallenge: challenge });
    const location = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '');
    const code = authorizationCode.readAuthorizationResponse(location.searchParams, 's');
    const error = await authorizationCode.exchangeCode({ tokenUrl: `${server.url}/token`, clientId: server.clientId, clientSecret: 'client-secret-9Xq' }, { code, redirectUri, codeVerifier: (await pkce()).verifier }, { transport, clock: { now: Date.now, sleep: async () => {} }, signal: new AbortController().signal }).catch((e: ConnectorError) => e);
    expect(error).toMatchObject({ code: 'HTTP_ERROR', message: 'Connecting failed: the authorization code was refused (it expired, was already used, or the PKCE code verifier does not match) (invalid_grant: PKCE verification failed.).' });
  });

  it('says plainly when the user declined, and when the client secret is wrong', async () => {
    server.deny();
    const declined = await start();
    const page = await browse(declined.url);
    expect(await page.text()).toContain('Not connected');
    await expect(declined.value).rejects.toMatchObject({ message: 'Connecting failed: access was declined (The user declined.).' });

    const wrongSecret = await start(block(), 'nope');
    await browse(wrongSecret.url);
    await expect(wrongSecret.value).rejects.toMatchObject({ message: expect.stringContaining('the client id or client secret was refused (invalid_client'), hint: expect.stringContaining('client secret') });
  });

  it('names a missing client credential before any browser opens, and refuses a kind that has nothing to sign in', async () => {
    await expect(startSignIn(block(), { credentials: {}, credentialsPlace: 'the Credentials panel', transport })).rejects.toMatchObject({ code: 'MISSING_CREDENTIAL', message: 'The client secret credential "crm_client_secret" has no value.', hint: 'Store it in the Credentials panel, then connect again.' });
    await expect(startSignIn({ ...block(), authorizationUrl: 'file:///etc/passwd' }, { credentials: { crm_client_secret: 'x' }, credentialsPlace: 'the Credentials panel', transport })).rejects.toMatchObject({ message: expect.stringContaining('is not an https:// address') });
    await expect(startSignIn({ type: 'bearer', token: '{{credentials.t}}' } as Auth, { credentials: {}, credentialsPlace: 'the Credentials panel', transport })).rejects.toMatchObject({ message: expect.stringContaining('has nothing to connect') });
  });
});
