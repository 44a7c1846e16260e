import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizationServer, type AuthorizationServer } from '#core/test-helpers';
import { BIN, buildCliOnce, createWorkDir, REPO_ROOT, runCli } from '../test-helpers/runCli.js';

const CLIENT_SECRET = 'cli-client-secret-7Hq2';
let server: AuthorizationServer;
let work: Awaited<ReturnType<typeof createWorkDir>>;
let file: string;
let env: Record<string, string>;

beforeAll(async () => {
  buildCliOnce();
  server = await createAuthorizationServer({ clientSecret: CLIENT_SECRET });
  work = await createWorkDir();
  env = { CONNECTOR_STUDIO_HOME: `${work.dir}/store`, CONNECTOR_STUDIO_CREDENTIAL_CRM_CLIENT_SECRET: CLIENT_SECRET };
  file = await work.write('crm.connector.json', {
    schemaVersion: 2, id: 'crm', name: 'CRM', inputs: [], credentials: [{ name: 'crm_oauth', label: 'CRM connection' }, { name: 'crm_client_secret', label: 'Client secret' }],
    auth: { type: 'oauth2_authorization_code', authorizationUrl: `${server.url}/authorize`, tokenUrl: `${server.url}/token`, clientId: server.clientId, clientSecret: '{{credentials.crm_client_secret}}', scope: 'contacts', tokens: '{{credentials.crm_oauth}}' },
    steps: ['a', 'b', 'c'].map((id) => ({ id, method: 'GET', url: `${server.url}/api/me`, outputs: [{ name: 'email', path: '$.email' }] })),
    edges: [], fieldMappings: [{ source: 'a.email', target: 'email' }],
  });
});
afterAll(async () => {
  await server.close();
  await work.cleanup();
});

/** `auth login` as a user runs it: read the URL it prints, "open" it (follow the redirects), wait for exit. */
function login(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'auth', 'login', file, '--credential', 'crm_oauth'], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  let browsed = false;
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    const url = /^\s+(http\S+\/authorize\?\S+)$/m.exec(stdout)?.[1];
    if (url && !browsed) {
      browsed = true;
      void fetch(url, { redirect: 'manual' }).then((answer) => fetch(answer.headers.get('location') ?? ''));
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('connector-studio auth login', () => {
  it('signs in on a loopback redirect, stores the tokens encrypted, and live runs use and refresh them', async () => {
    const result = await login();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Waiting for the sign-in to come back to http:\/\/127\.0\.0\.1:\d+\/callback/);
    expect(result.stdout).toMatch(/✓ Connected "crm_oauth" as alice@example\.com; the access token expires .*; scopes: contacts\./);
    const vaultText = await readFile(`${work.dir}/store/vault-keyFile.json`, 'utf8');
    expect(vaultText).toContain('crm_oauth');
    expect(vaultText).not.toMatch(/at-|rt-/);

    const first = await runCli(['run', file, '--json'], { env });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'success', contact: { email: 'alice@example.com' } });

    // The provider kills the access token: the next run refreshes once for its three parallel steps.
    server.expireAccessTokens();
    const refreshesBefore = server.grants.filter((g) => g === 'refresh_token').length;
    const second = await runCli(['run', file, '--json'], { env });
    expect(second.code).toBe(0);
    expect(server.grants.filter((g) => g === 'refresh_token').length - refreshesBefore).toBe(1);
    expect(second.stdout).not.toMatch(/at-|rt-/);

    // The refreshed set was written back: a third run needs no refresh.
    const third = await runCli(['run', file, '--json'], { env });
    expect(third.code).toBe(0);
    expect(server.grants.filter((g) => g === 'refresh_token').length - refreshesBefore).toBe(1);

    // Revoked at the provider: the run says how to reconnect.
    server.expireAccessTokens();
    server.revokeRefreshTokens();
    const revoked = await runCli(['run', file], { env });
    expect(revoked.code).toBe(1);
    expect(revoked.stdout).toContain('The OAuth connection "crm_oauth" was revoked or has expired');
    expect(revoked.stdout).toContain('connector-studio auth login <connector file> --credential crm_oauth');
  });

  it('names the connections to pick from when --credential names none of them', async () => {
    const result = await runCli(['auth', 'login', file, '--credential', 'other'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Pick the connection with --credential: crm_oauth.');
  });
});
