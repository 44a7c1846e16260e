/**
 * The local gateway, exercised only through @supabase/supabase-js: sign-in, refresh,
 * sign-out, RPCs with named arguments, table reads with filters, errors in PostgREST's
 * shape, and identity applied per request exactly like PostgREST.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspace, startLocalSupabase, type LocalSupabase, type TestUser } from '../../tests/supabase-gateway/index.js';
import { createTestClient } from './helpers/supabaseClient.js';
import { sampleConfig } from './helpers/world.js';

let supa: LocalSupabase;
let alice: TestUser;
let bob: TestUser;
let w1: string;
let w2: string;

beforeAll(async () => {
  supa = await startLocalSupabase();
  alice = await createUser(supa.db, 'alice@example.com', 'alice-password');
  bob = await createUser(supa.db, 'bob@example.com', 'bob-password');
  w1 = await createWorkspace(supa.db, 'W1', alice.id);
  w2 = await createWorkspace(supa.db, 'W2', bob.id);
  await addMember(supa.db, w2, alice.id, 'member');
});
afterAll(async () => {
  await supa?.close();
});

const signedIn = async (user: TestUser) => {
  const client = createTestClient(supa.url, supa.anonKey);
  const { data, error } = await client.auth.signInWithPassword({ email: user.email, password: user.password });
  expect(error).toBeNull();
  expect(data.session?.access_token).toBeTruthy();
  return client;
};

describe('auth (GoTrue subset)', () => {
  it('signs in with a password and returns the user and a session', async () => {
    const client = createTestClient(supa.url, supa.anonKey);
    const { data, error } = await client.auth.signInWithPassword({ email: 'ALICE@example.com', password: 'alice-password' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(alice.id);
    expect(data.session?.expires_at).toBeGreaterThan(Date.now() / 1000);
    const { data: me } = await client.auth.getUser();
    expect(me.user?.email).toBe('alice@example.com');
  });

  it('refuses a wrong password with AuthApiError code invalid_credentials', async () => {
    const client = createTestClient(supa.url, supa.anonKey);
    const { data, error } = await client.auth.signInWithPassword({ email: alice.email, password: 'nope' });
    expect(data.session).toBeNull();
    expect(error?.name).toBe('AuthApiError');
    expect(error?.status).toBe(400);
    expect((error as { code?: string }).code).toBe('invalid_credentials');
  });

  it('refresh rotates the refresh token; the old one cannot be reused', async () => {
    const client = await signedIn(alice);
    const before = (await client.auth.getSession()).data.session!;
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(before.refresh_token);
    const other = createTestClient(supa.url, supa.anonKey);
    const reuse = await other.auth.refreshSession({ refresh_token: before.refresh_token });
    expect((reuse.error as { code?: string } | null)?.code).toBe('refresh_token_already_used');
  });

  it('sign-out revokes the session: refresh and getUser then fail', async () => {
    const client = await signedIn(alice);
    const session = (await client.auth.getSession()).data.session!;
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();
    const other = createTestClient(supa.url, supa.anonKey);
    expect((await other.auth.refreshSession({ refresh_token: session.refresh_token })).error).not.toBeNull();
    const { error: userError } = await other.auth.getUser(session.access_token);
    // GoTrue answers 403 session_not_found, which auth-js surfaces as AuthSessionMissingError.
    expect(userError?.name).toBe('AuthSessionMissingError');
  });

  it('requires an apikey on every request', async () => {
    const response = await fetch(`${supa.url}/rest/v1/connectors?select=*`);
    expect(response.status).toBe(401);
    const forged = await fetch(`${supa.url}/rest/v1/connectors?select=*`, { headers: { apikey: supa.anonKey.slice(0, -4) + 'AAAA' } });
    expect(forged.status).toBe(401);
  });
});

describe('PostgREST subset', () => {
  it('RPC with named arguments applies the caller identity (sync_push then sync_pull)', async () => {
    const client = await signedIn(alice);
    const id = randomUUID();
    const { data, error } = await client.rpc('sync_push', {
      p_workspace_id: w1,
      p_changes: [{ op: 'create', id, name: 'Via gateway', config: sampleConfig('Via gateway') }],
    });
    expect(error).toBeNull();
    expect(data).toEqual([{ id, op: 'create', status: 'applied', revision: 1 }]);
    const pulled = await client.rpc('sync_pull', { p_workspace_id: w1, p_since_cursor: 0 });
    expect(pulled.error).toBeNull();
    expect((pulled.data as { changes: Array<{ id: string; created_from_template: null }> }).changes.map((c) => c.id)).toContain(id);
    const { rows } = await supa.db.query<{ created_by: string }>(`select created_by from connectors where id = $1`, [id]);
    expect(rows[0]!.created_by).toBe(alice.id);
  });

  it('table reads with eq, gt, in, is.null, order and limit', async () => {
    const client = await signedIn(bob);
    const names = ['R1', 'R2', 'R3'];
    await client.rpc('sync_push', { p_workspace_id: w2, p_changes: names.map((name) => ({ op: 'create', id: randomUUID(), name, config: sampleConfig(name) })) });
    const all = await client.from('connectors').select('*').eq('workspace_id', w2).is('deleted_at', null).order('change_seq', { ascending: true });
    expect(all.error).toBeNull();
    expect(all.data!.map((r) => r.name)).toEqual(names);
    const firstSeq = all.data![0].change_seq as number;
    const later = await client.from('connectors').select('name, change_seq').eq('workspace_id', w2).gt('change_seq', firstSeq).order('change_seq', { ascending: false }).limit(1);
    expect(later.data).toEqual([{ name: 'R3', change_seq: all.data![2].change_seq }]);
    const picked = await client.from('connectors').select('name').in('name', ['R1', 'R3', 'x,y']).order('name');
    expect(picked.data).toEqual([{ name: 'R1' }, { name: 'R3' }]);
  });

  it('HEAD with count=exact gives the count from Content-Range', async () => {
    const client = await signedIn(bob);
    const { count, error } = await client.from('connectors').select('*', { count: 'exact', head: true }).eq('workspace_id', w2);
    expect(error).toBeNull();
    expect(count).toBe(3);
  });

  it('.single() returns one object, or PGRST116 with 406', async () => {
    const client = await signedIn(alice);
    const one = await client.from('workspaces').select('*').eq('id', w1).single();
    expect(one.data).toMatchObject({ id: w1, name: 'W1' });
    const none = await client.from('workspaces').select('*').eq('id', randomUUID()).single();
    expect(none.status).toBe(406);
    expect(none.error?.code).toBe('PGRST116');
  });

  it('RLS applies per request: alice sees W1 and W2 (member), anon sees nothing', async () => {
    const client = await signedIn(alice);
    const { data } = await client.from('my_workspaces').select('id, role').order('name');
    expect(data).toEqual([{ id: w1, role: 'owner' }, { id: w2, role: 'member' }]);
    const anon = createTestClient(supa.url, supa.anonKey);
    const result = await anon.from('connectors').select('*');
    expect(result.error).toMatchObject({ code: '42501' });
    expect(result.status).toBe(401);
  });

  it('concurrent requests from different users never see each other\'s identity', async () => {
    const [a, b] = await Promise.all([signedIn(alice), signedIn(bob)]);
    const reads = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).from('my_workspaces').select('id').order('name')),
    );
    reads.forEach((read, i) => {
      expect(read.error).toBeNull();
      expect(read.data!.map((r) => r.id)).toEqual(i % 2 === 0 ? [w1, w2] : [w2]);
    });
  });

  it('PostgREST-shaped errors with HTTP statuses: 42501 → 403, 22023 → 400, PT404 → 404, unknown function → 404 PGRST202', async () => {
    const client = await signedIn(alice);
    const forbidden = await client.rpc('feature_template', { p_template_id: randomUUID() });
    expect(forbidden.status).toBe(403);
    expect(forbidden.error).toEqual({ code: '42501', message: 'only SaaS admins can feature templates', details: null, hint: null });
    const invalid = await client.rpc('sync_push', { p_workspace_id: w1, p_changes: [{ op: 'explode', id: randomUUID() }] });
    expect(invalid.status).toBe(400);
    expect(invalid.error?.code).toBe('22023');
    const missing = await client.rpc('install_template', { p_template_id: randomUUID(), p_workspace_id: w1 });
    expect(missing.status).toBe(404);
    const unknown = await client.rpc('no_such_function', {});
    expect(unknown.status).toBe(404);
    expect(unknown.error?.code).toBe('PGRST202');
    const notMember = await client.rpc('sync_pull', { p_workspace_id: randomUUID(), p_since_cursor: 0 });
    expect(notMember.status).toBe(403);
    expect(notMember.error?.hint).toContain('revoked');
  });

  it('the service key acts as service_role (the executor reads a credential)', async () => {
    const client = await signedIn(alice);
    expect((await client.rpc('set_credential', { p_workspace_id: w1, p_name: 'hubspot_token', p_value: 'pat-na1-secret' })).error).toBeNull();
    const asUser = await client.rpc('get_credential_for_execution', { p_workspace_id: w1, p_name: 'hubspot_token' });
    expect(asUser.status).toBe(403);
    const service = createTestClient(supa.url, supa.serviceKey);
    const asService = await service.rpc('get_credential_for_execution', { p_workspace_id: w1, p_name: 'hubspot_token' });
    expect(asService.error).toBeNull();
    expect(asService.data).toBe('pat-na1-secret');
    const listed = await client.rpc('list_credentials', { p_workspace_id: w1 });
    expect(JSON.stringify(listed.data)).not.toContain('pat-na1-secret');
  });

  it('an expired access token is refused with PGRST303 and 401', async () => {
    const short = await startLocalSupabase({ accessTokenTtlSeconds: -10 });
    try {
      await createUser(short.db, 'carol@example.com', 'carol-password');
      const client = createTestClient(short.url, short.anonKey);
      const { data } = await client.auth.signInWithPassword({ email: 'carol@example.com', password: 'carol-password' });
      const response = await fetch(`${short.url}/rest/v1/connectors?select=*`, {
        headers: { apikey: short.anonKey, authorization: `Bearer ${data.session!.access_token}` },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
    } finally {
      await short.close();
    }
  });

  it('writes to tables are refused: the app writes through RPCs only', async () => {
    const client = await signedIn(alice);
    const { error, status } = await client.from('connectors').insert({ workspace_id: w1, name: 'x', config: {} });
    expect(status).toBe(405);
    expect(error?.code).toBe('PGRST117');
  });
});
