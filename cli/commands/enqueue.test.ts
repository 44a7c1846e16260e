/**
 * connector-studio enqueue, the real command against the local Supabase gateway (PostgREST
 * RPC + GoTrue sign-in): runs land in connector_run_requests for a member's own connector,
 * and the server's refusals come back as one readable line.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userClaims, withClaims } from '../../tests/supabase-gateway/claims.js';
import { createUser, createWorkspace, type TestUser } from '../../tests/supabase-gateway/fixtures.js';
import { startLocalSupabase, type LocalSupabase } from '../../tests/supabase-gateway/localSupabase.js';
import { buildCliOnce, createWorkDir, runCli } from '../test-helpers/runCli.js';

let supabase: LocalSupabase;
let work: Awaited<ReturnType<typeof createWorkDir>>;
let owner: TestUser;
let workspaceId: string;
let otherWorkspaceId: string;
let connectorId: string;
let disabledId: string;
let token: string;

const config = { schemaVersion: 2, id: 'c', name: 'C', steps: [{ id: 's', url: 'https://api.example.com/{{email}}' }] };

beforeAll(async () => {
  buildCliOnce();
  work = await createWorkDir();
  supabase = await startLocalSupabase();
  owner = await createUser(supabase.db, 'cli-owner@example.com');
  const other = await createUser(supabase.db, 'cli-other@example.com');
  workspaceId = await createWorkspace(supabase.db, 'Mine', owner.id);
  otherWorkspaceId = await createWorkspace(supabase.db, 'Theirs', other.id);
  const insert = (name: string, enabled: boolean) =>
    withClaims(supabase.db, userClaims(owner.id), async (s) =>
      (await s.query<{ id: string }>(`insert into connectors (workspace_id, name, config, enabled) values ($1, $2, $3, $4) returning id`, [workspaceId, name, JSON.stringify({ ...config, name }), enabled])).rows[0]!.id);
  connectorId = await insert('Enabled one', true);
  disabledId = await insert('Disabled one', false);
  const signIn = await fetch(`${supabase.url}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: supabase.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  token = ((await signIn.json()) as { access_token: string }).access_token;
});
afterAll(async () => {
  await supabase?.close();
  await work?.cleanup();
});

const env = () => ({ SUPABASE_URL: supabase.url, SUPABASE_ANON_KEY: supabase.anonKey, SUPABASE_ACCESS_TOKEN: token });

describe('connector-studio enqueue', () => {
  it('queues one run per contact and prints the run ids', async () => {
    const contacts = [randomUUID(), randomUUID()];
    const file = join(work.dir, 'contacts.txt');
    await writeFile(file, `${contacts[1]}\n\n`);
    const result = await runCli(['enqueue', connectorId, '--workspace', workspaceId, '--input', 'email=ada@example.com', '--contact', contacts[0]!, '--contacts', file], { env: env() });
    expect(result.code).toBe(0);
    const ids = result.stdout.trim().split('\n');
    expect(ids).toHaveLength(2);
    const { rows } = await supabase.db.query<{ id: string; contact_id: string; inputs: unknown }>(`select id, contact_id, inputs from connector_run_requests where id = any($1::uuid[])`, [ids]);
    expect(ids.map((id) => rows.find((row) => row.id === id)?.contact_id)).toEqual(contacts);
    expect(rows[0]!.inputs).toEqual({ email: 'ada@example.com' });
  });

  it('prints {"runIds"} with --json', async () => {
    const result = await runCli(['enqueue', connectorId, '-w', workspaceId, '--json'], { env: env() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ runIds: [expect.stringMatching(/^[0-9a-f-]{36}$/)] });
  });

  it('says why the server refused: disabled, other workspace', async () => {
    const disabled = await runCli(['enqueue', disabledId, '-w', workspaceId], { env: env() });
    expect(disabled.code).toBe(1);
    expect(disabled.stderr).toMatch(/The server refused the runs: connector "Disabled one" is disabled\. Enable it on the dashboard/);
    const foreign = await runCli(['enqueue', connectorId, '-w', otherWorkspaceId], { env: env() });
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/not a member of this workspace/);
  });

  it('is a usage error without the connection settings or the workspace', async () => {
    const noEnv = await runCli(['enqueue', connectorId, '-w', workspaceId], { env: { SUPABASE_URL: '', SUPABASE_ANON_KEY: '', SUPABASE_ACCESS_TOKEN: '' } });
    expect(noEnv.code).toBe(2);
    expect(noEnv.stderr).toMatch(/SUPABASE_URL is not set/);
    const noWorkspace = await runCli(['enqueue', connectorId], { env: env() });
    expect(noWorkspace.code).toBe(2);
    expect(noWorkspace.stderr).toMatch(/--workspace is required/);
  });
});
