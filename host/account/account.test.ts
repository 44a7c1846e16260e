/**
 * The account and sync through the real host services, @supabase/supabase-js and the local
 * gateway on a real database (PGlite, or PostgreSQL with DATABASE_URL): sign-in, the
 * encrypted session, refresh, sign-out, memberships, two app instances on one workspace,
 * conflicts, a revoked membership, and test runs uploaded without their secrets.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvents } from '../../contract/hostApi.js';
import { invokeHostCall } from '../api/invokeHostCall.js';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';
import { createKeyFileProtector } from '../vault/keyFileProtector.js';
import { Vault } from '../vault/vault.js';
import { addMember, createUser, createWorkspace, freePort, removeMember, startGateway, startLocalSupabase, type Gateway, type LocalSupabase, type TestUser } from '../../tests/supabase-gateway/index.js';
import { accountExtension } from './accountExtension.js';
import { DEFAULT_REMOTE_POLL_MS, type AccountService } from './AccountService.js';
import { SESSION_STORAGE_KEY } from './createAccountClient.js';

let supa: LocalSupabase;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  supa = await startLocalSupabase();
  alice = await createUser(supa.db, 'alice@example.com', 'alice-pw');
  bob = await createUser(supa.db, 'bob@example.com', 'bob-pw');
});
afterAll(async () => {
  await supa?.close();
});

interface App {
  services: HostServices;
  account: AccountService;
  userDataDir: string;
  workspaceDir: string;
  events: Array<HostEvents['store.changed']>;
  statuses: Array<HostEvents['sync.status']>;
  reopen(): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function startApp(options: { url?: string; localCheckMs?: number; remotePollMs?: number; networkUp?: () => boolean; userDataDir?: string; workspaceDir?: string } = {}): Promise<App> {
  const userData = options.userDataDir ? { dir: options.userDataDir, cleanup: async () => {} } : await makeTempDir('cs-account-user-');
  const workspace = options.workspaceDir ? { dir: options.workspaceDir, cleanup: async () => {} } : await makeTempDir('cs-account-ws-');
  const app = { userDataDir: userData.dir, workspaceDir: workspace.dir, events: [], statuses: [] } as unknown as App;
  const open = async () => {
    app.services = await createHostServices({
      userDataDir: userData.dir,
      extensions: [accountExtension({ syncIntervalMs: 0, localCheckMs: options.localCheckMs ?? 0, remotePollMs: options.remotePollMs ?? 0, ...(options.networkUp ? { networkUp: options.networkUp } : {}), onService: (s) => (app.account = s) })],
    });
    app.services.subscribe('store.changed', (e) => app.events.push(e));
    app.services.subscribe('sync.status', (s) => app.statuses.push(s));
    await app.services.api.workspace.open({ path: workspace.dir });
    await app.services.api.settings.update({ supabaseUrl: options.url ?? supa.url, supabaseAnonKey: supa.anonKey });
  };
  await open();
  let closed = false;
  app.reopen = async () => {
    await app.services.close();
    await open();
  };
  cleanups.push(async () => {
    if (!closed) await app.services.close();
    closed = true;
    await userData.cleanup();
    await workspace.cleanup();
  });
  return app;
}

async function signedInApp(user: TestUser, workspaceId: string, options: Parameters<typeof startApp>[0] = {}): Promise<App> {
  const app = await startApp(options);
  await app.services.api.account.signIn({ email: user.email, password: user.password });
  await app.services.api.account.selectWorkspace({ workspaceId });
  return app;
}

const serverRows = async (workspaceId: string) =>
  (await supa.db.query<{ id: string; name: string; revision: number; deleted: boolean; description: string | null }>(
    `select id, name, revision, deleted_at is not null as deleted, config->>'description' as description from connectors where workspace_id = $1 order by name`,
    [workspaceId],
  )).rows;

const connectorFiles = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.connector.json')).sort();
const readDoc = async (dir: string, file: string) => JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;

let workspaceId: string;
beforeEach(async () => {
  workspaceId = await createWorkspace(supa.db, `Team ${randomUUID().slice(0, 6)}`, alice.id);
  await addMember(supa.db, workspaceId, bob.id, 'member');
});

describe('signing in', () => {
  it('works signed out: no settings means signed_out, never an error, and local work goes on', async () => {
    const app = await startApp();
    await app.services.api.settings.update({ supabaseUrl: '', supabaseAnonKey: '' });
    expect(await app.services.api.account.status()).toEqual({ configured: false, user: null, workspace: null, pushRuns: false });
    expect(await app.services.api.sync.now()).toMatchObject({ state: 'signed_out', message: expect.stringContaining('Sync › Supabase project') });
    expect(await invokeHostCall(app.services.api, 'account.signIn', { email: alice.email, password: alice.password })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED', hint: expect.stringContaining('anon key') },
    });
    expect((await app.services.api.connectors.save({ connector: sampleConnector() })).status).toBe('saved');
  });

  it('refuses a wrong password with a clear error and stays signed out', async () => {
    const app = await startApp();
    const outcome = await invokeHostCall(app.services.api, 'account.signIn', { email: alice.email, password: 'wrong' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('Sign-in failed') } });
    expect((await app.services.api.account.status()).user).toBeNull();
  });

  it('keeps the session encrypted in the vault and restores it after a restart', async () => {
    const app = await startApp();
    const status = await app.services.api.account.signIn({ email: alice.email, password: alice.password });
    expect(status).toMatchObject({ configured: true, user: { id: alice.id, email: alice.email } });

    const sessionVault = new Vault(join(app.userDataDir, 'account'), createKeyFileProtector(join(app.userDataDir, 'vault.key')));
    const session = JSON.parse((await sessionVault.get(SESSION_STORAGE_KEY))!) as { access_token: string; refresh_token: string };
    expect(session.access_token).toMatch(/^ey/);
    const onDisk = (await Promise.all((await readdir(app.userDataDir, { recursive: true })).map((f) => readFile(join(app.userDataDir, f)).catch(() => Buffer.alloc(0))))).map((b) => b.toString('utf8')).join('\n');
    expect(onDisk).not.toContain(session.access_token);
    expect(onDisk).not.toContain(session.refresh_token);
    // Not one of the workspace credentials (never listed, never used in runs).
    expect(await app.services.api.credentials.list()).toEqual([]);

    await app.reopen();
    expect((await app.services.api.account.status()).user).toEqual({ id: alice.id, email: alice.email });
    expect((await app.services.api.account.workspaces()).map((w) => w.id)).toContain(workspaceId);
  });

  it('refreshes an expired access token and keeps the new one', async () => {
    const shortLived: Gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, accessTokenTtlSeconds: 3 });
    cleanups.push(() => shortLived.close());
    const app = await startApp({ url: shortLived.url });
    await app.services.api.account.signIn({ email: alice.email, password: alice.password });
    const vault = new Vault(join(app.userDataDir, 'account'), createKeyFileProtector(join(app.userDataDir, 'vault.key')));
    const first = JSON.parse((await vault.get(SESSION_STORAGE_KEY))!) as { access_token: string };
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await app.services.api.account.selectWorkspace({ workspaceId });
    expect(await app.services.api.sync.now()).toMatchObject({ state: 'synced' });
    const refreshes = shortLived.stats.byRoute.get('POST /auth/v1/token') ?? 0;
    expect(refreshes).toBeGreaterThanOrEqual(2); // the password grant, then at least one refresh
    const second = JSON.parse((await vault.get(SESSION_STORAGE_KEY))!) as { access_token: string };
    expect(second.access_token).not.toBe(first.access_token);
  });

  it('signs out: the session leaves the vault, sync stops, local files stay', async () => {
    const app = await signedInApp(alice, workspaceId);
    await app.services.api.connectors.save({ connector: sampleConnector() });
    expect((await app.services.api.sync.now()).state).toBe('synced');
    const status = await app.services.api.account.signOut();
    expect(status.user).toBeNull();
    const vault = new Vault(join(app.userDataDir, 'account'), createKeyFileProtector(join(app.userDataDir, 'vault.key')));
    expect(await vault.get(SESSION_STORAGE_KEY)).toBeUndefined();
    expect(await app.services.api.sync.status()).toMatchObject({ state: 'signed_out' });
    expect(await invokeHostCall(app.services.api, 'account.workspaces', undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await connectorFiles(app.workspaceDir)).toEqual(['contact-lookup.connector.json']);
  });

  it('lists the workspaces the user is a member of, and refuses any other', async () => {
    const second = await createWorkspace(supa.db, `Second ${randomUUID().slice(0, 6)}`, alice.id);
    const foreign = await createWorkspace(supa.db, `Foreign ${randomUUID().slice(0, 6)}`, bob.id);
    const app = await startApp();
    await app.services.api.account.signIn({ email: alice.email, password: alice.password });
    const mine = await app.services.api.account.workspaces();
    expect(mine.filter((w) => [workspaceId, second].includes(w.id)).map((w) => w.role)).toEqual(['owner', 'owner']);
    expect(mine.map((w) => w.id)).not.toContain(foreign);
    expect(await invokeHostCall(app.services.api, 'account.selectWorkspace', { workspaceId: foreign })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.services.api.account.selectWorkspace({ workspaceId: second })).toMatchObject({ workspace: { id: second } });
  });
});

describe('two app instances on one workspace', () => {
  it('a save in A appears in B\'s workspace folder, and B\'s edit comes back to A', async () => {
    const a = await signedInApp(alice, workspaceId);
    const b = await signedInApp(bob, workspaceId);
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'phone', name: 'Phone lookup' }) });
    expect(await a.services.api.sync.now()).toMatchObject({ state: 'synced', pending: 0 });
    expect((await serverRows(workspaceId)).map((r) => r.name)).toEqual(['Phone lookup']);

    expect((await b.services.api.sync.now()).state).toBe('synced');
    expect(await connectorFiles(b.workspaceDir)).toEqual(['phone-lookup.connector.json']);
    expect(await readDoc(b.workspaceDir, 'phone-lookup.connector.json')).toMatchObject({ id: 'phone', name: 'Phone lookup' });
    // The UI hears about it (the watcher ignores the host's own writes).
    expect(b.events).toContainEqual(expect.objectContaining({ kind: 'added', id: 'phone' }));
    expect((await b.services.api.connectors.list()).map((e) => e.kind === 'connector' && e.name)).toEqual(['Phone lookup']);

    const stored = await b.services.api.connectors.get({ id: 'phone' });
    await b.services.api.connectors.save({ connector: { ...stored.connector, description: 'edited by bob' }, baseHash: stored.hash });
    await b.services.api.sync.now();
    await a.services.api.sync.now();
    expect((await a.services.api.connectors.get({ id: 'phone' })).connector.description).toBe('edited by bob');
    expect((await a.services.api.sync.log()).map((e) => [e.direction, e.action])).toEqual([['pull', 'updated'], ['push', 'created']]);

    // A delete travels as a tombstone.
    await a.services.api.connectors.delete({ id: 'phone' });
    await a.services.api.sync.now();
    await b.services.api.sync.now();
    expect(await connectorFiles(b.workspaceDir)).toEqual([]);
    expect((await serverRows(workspaceId))[0]).toMatchObject({ deleted: true });
  });

  it('syncs a save without being asked (sync on save)', async () => {
    const a = await signedInApp(alice, workspaceId, { localCheckMs: 100 });
    await a.account.syncNow();
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'auto', name: 'Auto synced' }) });
    await expect.poll(async () => (await serverRows(workspaceId)).map((r) => r.name), { timeout: 15_000 }).toEqual(['Auto synced']);
  });

  it('an edit made on disk with another editor is synced too', async () => {
    const a = await signedInApp(alice, workspaceId);
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'disk', name: 'On disk' }) });
    await a.services.api.sync.now();
    const file = join(a.workspaceDir, 'on-disk.connector.json');
    await writeFile(file, JSON.stringify({ ...(await readDoc(a.workspaceDir, 'on-disk.connector.json')), description: 'vim was here' }, null, 2));
    expect(await a.services.api.sync.status()).toMatchObject({ state: 'pending', pending: 1 });
    await a.services.api.sync.now();
    expect((await serverRows(workspaceId))[0]).toMatchObject({ description: 'vim was here', revision: 2 });
  });
});

describe('reacting within seconds (issue 16 §1: it used to wait for the next one-minute sync)', () => {
  it('a teammate\'s save reaches this folder within 5 s while online, without "Sync now"', async () => {
    const a = await signedInApp(alice, workspaceId);
    const b = await signedInApp(bob, workspaceId, { remotePollMs: DEFAULT_REMOTE_POLL_MS });
    await b.account.syncNow();
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'fresh', name: 'Fresh' }) });
    await a.services.api.sync.now();
    const saved = Date.now();
    await expect.poll(() => connectorFiles(b.workspaceDir), { timeout: 5000, interval: 100 }).toEqual(['fresh.connector.json']);
    console.info(`teammate's save seen after ${Date.now() - saved} ms`);
  });

  it('syncs within 5 s of the Supabase project becoming reachable again', async () => {
    // Bob's app talks to its own gateway over the same database: stopping it is "offline".
    const port = await freePort();
    let gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, port });
    try {
      const b = await signedInApp(bob, workspaceId, { url: gateway.url, remotePollMs: DEFAULT_REMOTE_POLL_MS });
      expect((await b.account.syncNow()).state).toBe('synced');
      await gateway.close();
      await b.services.api.connectors.save({ connector: sampleConnector({ id: 'made-offline', name: 'Made offline' }) });
      expect((await b.account.syncNow()).state).toBe('offline');

      gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, port });
      const back = Date.now();
      await expect.poll(async () => (await serverRows(workspaceId)).map((r) => r.name), { timeout: 5000, interval: 100 }).toEqual(['Made offline']);
      console.info(`synced ${Date.now() - back} ms after the connection came back`);
      await expect.poll(() => b.statuses.at(-1)?.state, { timeout: 5000 }).toBe('synced');
    } finally {
      await gateway.close();
    }
  });
});

describe('session and connection states (issue 16 §2)', () => {
  it('an expired or revoked session says so, shows the sign-in form, and the link survives signing in again', async () => {
    const shortLived: Gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, accessTokenTtlSeconds: 2 });
    cleanups.push(() => shortLived.close());
    const app = await signedInApp(alice, workspaceId, { url: shortLived.url });
    expect((await app.services.api.sync.now()).state).toBe('synced');
    // The session is revoked on the server (signed out elsewhere, or an admin ended it) and the access token runs out.
    await supa.db.query(`delete from auth.refresh_tokens where user_id = $1`, [alice.id]);
    await new Promise((resolve) => setTimeout(resolve, 2500));

    const status = await app.services.api.sync.now();
    expect(status).toMatchObject({ state: 'signed_out', reason: 'session', message: expect.stringContaining('Your session expired — sign in again') });
    expect(JSON.stringify(app.statuses.at(-1))).not.toContain('no longer have access');
    // Signed out, so the panel shows the sign-in form, not "Signed in as …".
    expect(await app.services.api.account.status()).toMatchObject({ user: null, workspace: null });
    expect(await app.services.api.sync.status()).toMatchObject({ state: 'signed_out', message: expect.stringContaining('Your session expired') });

    await app.services.api.account.signIn({ email: alice.email, password: alice.password });
    expect((await app.services.api.account.status()).workspace?.id).toBe(workspaceId);
    expect(await app.services.api.sync.now()).toMatchObject({ state: 'synced' });
  });

  it('a project that cannot be reached is told apart from having no network, in words, never "TypeError: fetch failed"', async () => {
    const app = await signedInApp(alice, workspaceId);
    const known = (await app.services.api.account.workspaces()).map((w) => w.id);
    expect(known).toContain(workspaceId);
    await app.services.api.settings.update({ supabaseUrl: `http://127.0.0.1:${await freePort()}` });

    const status = await app.services.api.sync.now();
    expect(status).toMatchObject({ state: 'offline', reason: 'unreachable', message: expect.stringContaining("The Supabase project at 127.0.0.1:") });
    expect(status.message).toContain("can't be reached");
    // The workspace list shows what it knew instead of an error (or "Loading…").
    expect((await app.services.api.account.workspaces()).map((w) => w.id)).toEqual(known);
    const signIn = await invokeHostCall(app.services.api, 'account.signIn', { email: alice.email, password: alice.password });
    expect(signIn).toMatchObject({ ok: false, error: { message: expect.stringContaining("can't be reached") } });
    for (const text of [status.message, JSON.stringify(signIn)]) expect(text).not.toMatch(/TypeError|fetch failed/);
  });

  it('no network at all is "Offline"', async () => {
    let networkUp = true;
    const app = await signedInApp(alice, workspaceId, { networkUp: () => networkUp });
    await app.services.api.connectors.save({ connector: sampleConnector({ id: 'kept-history', name: 'Kept history' }) });
    expect(await app.services.api.sync.now()).toMatchObject({ state: 'synced' });
    networkUp = false;
    await app.services.api.settings.update({ supabaseUrl: `http://127.0.0.1:${await freePort()}` });
    expect(await app.services.api.sync.now()).toMatchObject({ state: 'offline', reason: 'offline', message: expect.stringContaining('Offline: this computer has no network connection') });
    // The history says the same, not "the project cannot be reached".
    const history = await invokeHostCall(app.services.api, 'sync.history', { localId: 'kept-history' });
    expect(history).toMatchObject({ ok: false, error: { message: 'Offline: this computer has no network connection, so the history is not available right now.' } });
  });
});

describe('offline first', () => {
  it('keeps working offline, reports it, and sends everything once the server is back', async () => {
    const a = await signedInApp(alice, workspaceId);
    await a.services.api.settings.update({ supabaseUrl: 'http://127.0.0.1:9' }); // nothing listens there
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'offline', name: 'Made offline' }) });
    expect(await a.services.api.sync.now()).toMatchObject({ state: 'offline', reason: 'unreachable', pending: 1, message: expect.stringContaining("can't be reached") });
    expect(a.statuses.at(-1)).toMatchObject({ state: 'offline' });
    expect((await a.services.api.account.status()).user?.id).toBe(alice.id); // still signed in
    expect(await serverRows(workspaceId)).toEqual([]);

    await a.services.api.settings.update({ supabaseUrl: supa.url });
    expect(await a.services.api.sync.now()).toMatchObject({ state: 'synced', pending: 0 });
    expect((await serverRows(workspaceId)).map((r) => r.name)).toEqual(['Made offline']);
  });

  it('a connection dropped after the server committed a push is retried without duplicates', async () => {
    const a = await signedInApp(alice, workspaceId);
    // Choosing the workspace schedules a sync of its own (a 0 ms timer): let it start, then wait
    // for it (sync.now joins it), or on a loaded machine it can reach its push after the save
    // below and take the fault meant for the sync.now that follows.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await a.services.api.sync.now();
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'once', name: 'Only once' }) });
    supa.injectFault({ path: '/rest/v1/rpc/sync_push', when: 'after-commit' });
    expect((await a.services.api.sync.now()).state).toBe('offline');
    expect((await serverRows(workspaceId)).map((r) => [r.name, r.revision])).toEqual([['Only once', 1]]);
    expect(await a.services.api.sync.now()).toMatchObject({ state: 'synced', conflicts: 0 });
    expect((await serverRows(workspaceId)).map((r) => [r.name, r.revision])).toEqual([['Only once', 1]]);
    expect(await connectorFiles(a.workspaceDir)).toEqual(['only-once.connector.json']);
  });
});

describe('files that do not load', () => {
  it('a file that is not JSON, or not a valid connector, pauses sync instead of reading as a delete', async () => {
    const a = await signedInApp(alice, workspaceId);
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'kept', name: 'Kept' }) });
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'other', name: 'Other' }) });
    await a.services.api.sync.now();
    const file = join(a.workspaceDir, 'kept.connector.json');
    const original = await readFile(file, 'utf8');
    for (const broken of ['{ half written', JSON.stringify({ ...JSON.parse(original), steps: 'not a list' })]) {
      await writeFile(file, broken);
      expect(await a.services.api.sync.now()).toMatchObject({ state: 'error', message: expect.stringContaining('kept.connector.json is not a valid connector') });
      expect((await serverRows(workspaceId)).map((r) => [r.name, r.deleted])).toEqual([['Kept', false], ['Other', false]]);
    }
    await writeFile(file, original.replace('"Kept"', '"Kept, fixed"'));
    expect(await a.services.api.sync.now()).toMatchObject({ state: 'synced' });
    expect((await serverRows(workspaceId)).map((r) => r.name)).toEqual(['Kept, fixed', 'Other']);
  });
});

describe('a teammate\'s document that is not a connector', () => {
  it('is kept out of the folder and reported; sync keeps working (issue 11: it used to pause everyone\'s sync)', async () => {
    const a = await signedInApp(alice, workspaceId);
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'good', name: 'Good' }) });
    await a.services.api.sync.now();
    // As an older server (or a service-role write) could hold it: client writes are refused now.
    await supa.db.query(`insert into connectors (workspace_id, name, config) values ($1, 'Broken', '{"name": "Broken", "steps": [{"foo": 1}]}')`, [workspaceId]);

    const b = await signedInApp(bob, workspaceId);
    const status = await b.services.api.sync.now();
    expect(status).toMatchObject({ state: 'synced', setAside: 1, message: expect.stringContaining('Broken from the team was set aside') });
    expect(await connectorFiles(b.workspaceDir)).toEqual(['good.connector.json']);
    expect((await b.services.api.sync.log()).map((e) => [e.action, e.name])).toContainEqual(['set_aside', 'Broken']);
    // Not stalled: the next save goes out.
    await b.services.api.connectors.save({ connector: sampleConnector({ id: 'bobs', name: 'Bob\'s' }) });
    expect(await b.services.api.sync.now()).toMatchObject({ state: 'synced', pending: 0 });
    expect((await serverRows(workspaceId)).map((r) => r.name)).toEqual(["Bob's", 'Broken', 'Good']);
  });
});

describe('conflicts', () => {
  async function editedOnBoth() {
    const a = await signedInApp(alice, workspaceId);
    const b = await signedInApp(bob, workspaceId);
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'shared', name: 'Shared' }) });
    await a.services.api.sync.now();
    await b.services.api.sync.now();
    for (const [app, text] of [[a, 'alice edit'], [b, 'bob edit']] as const) {
      const stored = await app.services.api.connectors.get({ id: 'shared' });
      await app.services.api.connectors.save({ connector: { ...stored.connector, description: text }, baseHash: stored.hash });
    }
    await a.services.api.sync.now();
    const status = await b.services.api.sync.now();
    return { a, b, status };
  }

  it('is surfaced with both versions and overwrites nothing', async () => {
    const { b, status } = await editedOnBoth();
    expect(status).toMatchObject({ state: 'conflict', conflicts: 1 });
    const [conflict] = await b.services.api.sync.conflicts();
    expect(conflict).toMatchObject({ localId: 'shared', kind: 'edited_on_both', name: 'Shared', mine: { description: 'bob edit' }, theirs: { id: 'shared', description: 'alice edit' }, serverRevision: 2 });
    expect((await b.services.api.connectors.get({ id: 'shared' })).connector.description).toBe('bob edit');
    expect((await serverRows(workspaceId))[0]).toMatchObject({ description: 'alice edit' });
    expect(b.statuses.at(-1)).toMatchObject({ state: 'conflict' });
  });

  it('shows both sides in the file\'s canonical form with a field-level summary, even when the server\'s JSON is shaped differently', async () => {
    const a = await signedInApp(alice, workspaceId);
    const b = await signedInApp(bob, workspaceId);
    await a.services.api.connectors.save({ connector: sampleConnector({ id: 'shaped', name: 'Shaped' }) });
    await a.services.api.sync.now();
    await b.services.api.sync.now();
    const stored = await b.services.api.connectors.get({ id: 'shaped' });
    await b.services.api.connectors.save({ connector: { ...stored.connector, description: 'bob edit' }, baseHash: stored.hash });
    // Another client (the SaaS web app) writes the server's JSON: keys in another order, no
    // schemaVersion, defaults left out, and one real change (the step's URL).
    const { config } = (await supa.db.query<{ config: Record<string, unknown> }>(`select config from connectors where workspace_id = $1`, [workspaceId])).rows[0]!;
    const { schemaVersion: _v, settings: _s, rateLimit: _r, tests: _t, ...rest } = config;
    const steps = (rest.steps as Array<Record<string, unknown>>).map((step) => Object.fromEntries(Object.entries({ ...step, url: 'https://api.example.com/v2/search' }).reverse()));
    const reshaped = Object.fromEntries(Object.entries({ ...rest, steps }).reverse());
    await supa.db.query(`update connectors set config = $2 where workspace_id = $1`, [workspaceId, JSON.stringify(reshaped)]);

    expect((await b.services.api.sync.now()).state).toBe('conflict');
    const [conflict] = await b.services.api.sync.conflicts();
    expect(conflict!.summary).toEqual(['description changed', 'search URL changed']);
    // Same form on both sides: identical key order, so the diff shows only these two lines.
    const lines = (doc: unknown) => JSON.stringify(doc, null, 2).split('\n');
    const mine = lines(conflict!.mine);
    const theirs = lines(conflict!.theirs);
    expect(mine.length).toBe(theirs.length);
    expect(mine.filter((line, i) => line !== theirs[i])).toEqual(['  "description": "bob edit",', '      "url": "https://api.example.com/search",']);
  });

  it('keep mine sends this device\'s version', async () => {
    const { a, b } = await editedOnBoth();
    expect(await b.services.api.sync.resolve({ localId: 'shared', resolution: 'keep-mine' })).toMatchObject({ state: 'synced', conflicts: 0 });
    expect((await serverRows(workspaceId))[0]).toMatchObject({ description: 'bob edit', revision: 3 });
    await a.services.api.sync.now();
    expect((await a.services.api.connectors.get({ id: 'shared' })).connector.description).toBe('bob edit');
  });

  it('keep theirs takes the server\'s version into the file', async () => {
    const { b } = await editedOnBoth();
    expect(await b.services.api.sync.resolve({ localId: 'shared', resolution: 'keep-theirs' })).toMatchObject({ state: 'synced' });
    expect((await readDoc(b.workspaceDir, 'shared.connector.json')).description).toBe('alice edit');
    expect((await serverRows(workspaceId)).map((r) => r.description)).toEqual(['alice edit']);
  });

  it('keep both keeps this device\'s version as a copy named after its author, next to theirs', async () => {
    const { a, b } = await editedOnBoth();
    await b.services.api.sync.resolve({ localId: 'shared', resolution: 'keep-both' });
    expect((await serverRows(workspaceId)).map((r) => [r.name, r.description])).toEqual([['Shared', 'alice edit'], ["Shared (Bob's copy)", 'bob edit']]);
    await a.services.api.sync.now();
    expect((await a.services.api.connectors.list()).map((e) => e.kind === 'connector' && e.name).sort()).toEqual(['Shared', "Shared (Bob's copy)"]);
    // The activity log names the connector and records the resolution once.
    const log = (await b.services.api.sync.log()).map((e) => [e.action, e.name, e.detail ?? '']);
    expect(log.filter(([action]) => action === 'resolved')).toEqual([['resolved', 'Shared', 'kept both']]);
    expect(log.filter(([action]) => action === 'conflict')).toEqual([['conflict', 'Shared', '']]);
  });
});

describe('a revoked membership', () => {
  it('stops sync with a clear status, keeps local files and leaks nothing', async () => {
    const b = await signedInApp(bob, workspaceId);
    await b.services.api.connectors.save({ connector: sampleConnector({ id: 'bobs', name: 'Bob connector' }) });
    await b.services.api.sync.now();
    await removeMember(supa.db, workspaceId, bob.id);
    const alicesLater = sampleConnector({ id: 'after', name: 'After revocation' });
    const a = await signedInApp(alice, workspaceId);
    await a.services.api.connectors.save({ connector: alicesLater });
    await a.services.api.sync.now();

    await b.services.api.connectors.save({ connector: sampleConnector({ id: 'late', name: 'Late edit' }) });
    const status = await b.services.api.sync.now();
    expect(status).toMatchObject({ state: 'error', message: expect.stringContaining('no longer have access') });
    expect(await connectorFiles(b.workspaceDir)).toEqual(['bob-connector.connector.json', 'late-edit.connector.json']);
    expect((await serverRows(workspaceId)).map((r) => r.name)).toEqual(['After revocation', 'Bob connector']);
    expect((await b.services.api.account.workspaces()).map((w) => w.id)).not.toContain(workspaceId);
  });
});

describe('test runs', () => {
  it('are pushed to connector_executions redacted, counted in the stats', async () => {
    const secret = `sk_live_${randomUUID().replaceAll('-', '')}`;
    const app = await signedInApp(alice, workspaceId);
    await app.services.api.account.selectWorkspace({ workspaceId, pushRuns: true });
    await app.services.api.credentials.set({ name: 'crm_token', value: secret });
    const connector = sampleConnector({ id: 'runner', name: 'Runner' });
    connector.steps[0]!.mock = { status: 200, headers: {}, body: { results: [{ id: secret }] } } as never;
    await app.services.api.connectors.save({ connector });
    await app.services.api.sync.now();

    const { runId } = await app.services.api.runs.start({ connectorId: 'runner', mode: 'mock', inputs: { email: 'a@b.co' } });
    await app.services.runSettled(runId);
    // A record that somehow still held the value (defence in depth): redacted before upload.
    await app.account.noteRunFinished('runner', { runId: 'planted', connectorId: 'runner', connectorName: 'Runner', status: 'failed', startedAt: 1, finishedAt: 2, durationMs: 1, inputs: { token: secret }, steps: [], contact: { leaked: `Bearer ${secret}` }, error: { name: 'ConnectorError', code: 'HTTP_ERROR', message: `401 for ${secret}` } as never });
    await expect
      .poll(async () => (await supa.db.query(`select count(*)::int as n from connector_executions where workspace_id = $1`, [workspaceId])).rows[0], { timeout: 10_000 })
      .toEqual({ n: 2 });
    await app.services.api.sync.now();

    const rows = (await supa.db.query<Record<string, unknown>>(`select * from connector_executions where workspace_id = $1`, [workspaceId])).rows;
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows.map((r) => r.source)).toEqual(['local_test', 'local_test']);
    expect(rows.map((r) => r.status).sort()).toEqual(['failed', 'success']);
    const stats = (await supa.db.query<{ total_executions: number }>(`select total_executions from connectors where workspace_id = $1`, [workspaceId])).rows[0];
    expect(stats?.total_executions).toBe(2);
  });

  it('wait offline in the queue and are sent exactly once when the server is back', async () => {
    const app = await signedInApp(alice, workspaceId);
    await app.services.api.account.selectWorkspace({ workspaceId, pushRuns: true });
    await app.services.api.connectors.save({ connector: sampleConnector({ id: 'queued', name: 'Queued' }) });
    await app.services.api.sync.now();
    await app.services.api.settings.update({ supabaseUrl: 'http://127.0.0.1:9' });
    const { runId } = await app.services.api.runs.start({ connectorId: 'queued', mode: 'mock', inputs: { email: 'a@b.co' } });
    await app.services.runSettled(runId);
    expect((await app.services.api.sync.now()).state).toBe('offline');
    const count = async () => (await supa.db.query<{ n: number }>(`select count(*)::int as n from connector_executions where workspace_id = $1`, [workspaceId])).rows[0]!.n;
    expect(await count()).toBe(0);
    await app.services.api.settings.update({ supabaseUrl: supa.url });
    await app.services.api.sync.now();
    await expect.poll(count, { timeout: 10_000 }).toBe(1);
    await app.services.api.sync.now();
    expect(await count()).toBe(1);
  });

  it('an upload whose answer was lost after the server committed is retried and recorded once', async () => {
    const app = await signedInApp(alice, workspaceId);
    await app.services.api.account.selectWorkspace({ workspaceId, pushRuns: true });
    await app.services.api.connectors.save({ connector: sampleConnector({ id: 'lossy', name: 'Lossy' }) });
    await app.services.api.sync.now();
    const count = async () => (await supa.db.query<{ n: number }>(`select count(*)::int as n from connector_executions where workspace_id = $1`, [workspaceId])).rows[0]!.n;
    const total = async () => (await supa.db.query<{ n: number }>(`select total_executions as n from connectors where workspace_id = $1 and name = 'Lossy'`, [workspaceId])).rows[0]!.n;
    const queued = async () => {
      const file = (await readdir(app.userDataDir, { recursive: true })).find((name) => name.endsWith('pending-runs.json'));
      return file ? (JSON.parse(await readFile(join(app.userDataDir, file), 'utf8')) as unknown[]).length : 0;
    };
    const before = await count();

    supa.injectFault({ path: '/rest/v1/rpc/record_execution', when: 'after-commit' });
    const { runId } = await app.services.api.runs.start({ connectorId: 'lossy', mode: 'mock', inputs: { email: 'a@b.co' } });
    await app.services.runSettled(runId);
    // The server stored the run, but the app never heard back: it stays queued.
    await expect.poll(count, { timeout: 10_000 }).toBe(before + 1);
    await app.services.api.sync.now();
    await expect.poll(queued, { timeout: 10_000 }).toBe(0);
    expect(await count()).toBe(before + 1);
    expect(await total()).toBe(1);
    const rows = (await supa.db.query<{ client_run_id: string }>(`select client_run_id from connector_executions where workspace_id = $1 and client_run_id = $2`, [workspaceId, runId])).rows;
    expect(rows).toHaveLength(1);
  });
});
