/**
 * The marketplace with a Supabase project: real host services per user (account sign-in +
 * templates), @supabase/supabase-js, the local gateway and a real database (PGlite, or
 * PostgreSQL with DATABASE_URL). Publish → listed elsewhere → installed with another key
 * and replayed; admin curation decided by the server; ratings; install counts; hiding.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeHostCall } from '../api/invokeHostCall.js';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { accountAndTemplatesExtension } from '../api/hostCallRegistry.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { addMember, createUser, createWorkspace, makeSaasAdmin, startLocalSupabase, type LocalSupabase, type TestUser } from '../../tests/supabase-gateway/index.js';

const builtinDir = fileURLToPath(new URL('../../resources/templates', import.meta.url));
const PHONE = 'official:phone-number-enrichment';

let supa: LocalSupabase;
const cleanups: Array<() => Promise<void>> = [];

interface App {
  services: HostServices;
  user: TestUser;
}

async function signedInApp(user: TestUser, workspaceId: string | null, networkUp?: () => boolean): Promise<App> {
  const userData = await makeTempDir('cs-mkt-user-');
  const workspace = await makeTempDir('cs-mkt-ws-');
  const services = await createHostServices({
    userDataDir: userData.dir,
    workspace: workspace.dir,
    extensions: [accountAndTemplatesExtension({ account: { syncIntervalMs: 0, localCheckMs: 0, ...(networkUp ? { networkUp } : {}) }, templates: { builtinDir } })],
  });
  cleanups.push(async () => {
    await services.close();
    await userData.cleanup();
    await workspace.cleanup();
  });
  await services.api.settings.update({ supabaseUrl: supa.url, supabaseAnonKey: supa.anonKey });
  await services.api.account.signIn({ email: user.email, password: user.password });
  if (workspaceId) await services.api.account.selectWorkspace({ workspaceId });
  return { services, user };
}

const row = async (id: string) =>
  (await supa.db.query<{ is_featured: boolean; hidden: boolean; install_count: number; rating: string | null; rating_count: number; version: number; is_official: boolean }>(
    `select is_featured, hidden, install_count, rating, rating_count, version, is_official from connector_templates where id = $1`, [id])).rows[0]!;

async function replay(app: App, connectorId: string, cassette: string, inputs: Record<string, string>) {
  const { runId } = await app.services.api.runs.start({ connectorId, mode: 'replay', cassette, inputs });
  await app.services.runSettled(runId);
  return (await app.services.api.runs.get({ connectorId, runId })).record;
}

let alice: App; // publisher, workspace A
let bob: App; // another user in another workspace
let admin: App;
let carol: TestUser;
let templateId: string;
let aliceConnectorId: string;

beforeAll(async () => {
  supa = await startLocalSupabase();
  const tag = randomUUID().slice(0, 6);
  const [a, b, ad] = await Promise.all([
    createUser(supa.db, `alice-${tag}@example.com`, 'alice-pw'),
    createUser(supa.db, `bob-${tag}@example.com`, 'bob-pw'),
    createUser(supa.db, `admin-${tag}@example.com`, 'admin-pw'),
  ]);
  carol = await createUser(supa.db, `carol-${tag}@example.com`, 'carol-pw');
  await makeSaasAdmin(supa.db, ad.id);
  const wsA = await createWorkspace(supa.db, 'Alice team', a.id);
  const wsB = await createWorkspace(supa.db, 'Bob team', b.id);
  const wsC = await createWorkspace(supa.db, 'Admin team', ad.id);
  await addMember(supa.db, wsB, carol.id);
  alice = await signedInApp(a, wsA);
  bob = await signedInApp(b, wsB);
  admin = await signedInApp(ad, wsC);
}, 120_000);

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await supa?.close();
});

describe('publishing and finding a community template', () => {
  it('admin rights come from the server: only the admin gets them', async () => {
    expect((await alice.services.api.templates.list()).admin).toBeNull();
    expect((await admin.services.api.templates.list()).admin).toEqual({ canCreateTemplates: true, canFeature: true, canModerate: true });
  });

  it('alice publishes a connector as a community template; bob, in another workspace, finds it', async () => {
    const installed = await alice.services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { value: 'alice-own-key-000111222333' } } });
    aliceConnectorId = installed.connectorId;
    const { connector, hash } = await alice.services.api.connectors.get({ id: aliceConnectorId });
    await alice.services.api.connectors.save({ connector: { ...connector, name: 'Phone owner lookup', category: 'enrichment' }, baseHash: hash });

    const preview = await alice.services.api.templates.publishPreview({ connectorId: aliceConnectorId });
    expect(preview).toMatchObject({ ok: true, signedIn: true, canPublishOfficial: false, updateOf: null });
    expect(JSON.stringify(preview.template)).not.toContain('alice-own-key');
    // Not allowed to publish official: the server says no even when asked.
    expect(await invokeHostCall(alice.services.api, 'templates.publish', { connectorId: aliceConnectorId, official: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });

    // The listing edited in the publish dialog is checked like the document: a stored key pasted into it is refused.
    expect(await invokeHostCall(alice.services.api, 'templates.publish', { connectorId: aliceConnectorId, listing: { description: 'use key alice-own-key-000111222333' } }))
      .toMatchObject({ ok: false, error: { code: 'SECRET_LEAK' } });
    const published = await alice.services.api.templates.publish({ connectorId: aliceConnectorId, listing: { name: 'Phone owner lookup', description: 'Who owns a phone number.', icon: '📱', category: 'people' } });
    templateId = published.id;
    expect(published).toMatchObject({ name: 'Phone owner lookup', origin: 'community', source: 'remote', version: 1, mine: true, author: 'You' });

    const seenByBob = (await bob.services.api.templates.list()).templates.find((t) => t.id === templateId);
    expect(seenByBob).toMatchObject({ origin: 'community', author: 'Community member', mine: false, featured: false, installs: 0, description: 'Who owns a phone number.', icon: '📱', category: 'people' });
    const detail = await bob.services.api.templates.get({ id: templateId });
    expect(detail.credentials.map((c) => c.name)).toEqual(['trestle_api_key']);
    expect(detail.cassettes).toHaveLength(2);
  });

  it('bob installs it with his own key (counted by the server) and replays it', async () => {
    await bob.services.api.credentials.set({ name: 'bobs_trestle', value: 'bob-key-444555666777' });
    const first = await bob.services.api.templates.install({ id: templateId, credentials: { trestle_api_key: { existing: 'bobs_trestle' } } });
    expect((await row(templateId)).install_count).toBe(1);
    const second = await bob.services.api.templates.install({ id: templateId, credentials: { trestle_api_key: { existing: 'bobs_trestle' } } });
    expect(second.name).not.toBe(first.name);
    // Installs count installing workspaces (issue 11 point 8): a second install into bob's workspace adds none.
    expect((await row(templateId)).install_count).toBe(1);
    expect((await bob.services.api.templates.list()).templates.find((t) => t.id === templateId)?.installs).toBe(1);

    const { connector } = await bob.services.api.connectors.get({ id: first.connectorId });
    expect(connector.template).toEqual({ id: templateId, version: 1, credentials: { trestle_api_key: 'bobs_trestle' } });
    expect(JSON.stringify(connector)).toContain('{{credentials.bobs_trestle}}');
    const record = await replay(bob, first.connectorId, 'known-phone', { phone: '+12065550123' });
    expect(record.status).toBe('success');
    expect(record.contact).toMatchObject({ first_name: 'Ava', last_name: 'Thompson', city: 'Seattle' });
  });

  it('only an admin can feature: a non-admin is refused by the server, also when calling the RPC by hand', async () => {
    expect(await invokeHostCall(bob.services.api, 'templates.feature', { id: templateId, featured: true })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const byHand = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
    await byHand.auth.signInWithPassword({ email: bob.user.email, password: bob.user.password });
    const { error } = await byHand.rpc('feature_template', { p_template_id: templateId, p_featured: true });
    expect(error).toMatchObject({ code: '42501' });
    expect((await row(templateId)).is_featured).toBe(false);

    const featured = await admin.services.api.templates.feature({ id: templateId, featured: true });
    expect(featured.featured).toBe(true);
    expect((await bob.services.api.templates.list()).templates.find((t) => t.id === templateId)?.featured).toBe(true);
  });

  it('ratings: one per user, changeable, the average kept by the server; no rating your own', async () => {
    expect((await bob.services.api.templates.rate({ id: templateId, rating: 5 }))).toMatchObject({ rating: 5, ratingCount: 1, myRating: 5 });
    expect((await bob.services.api.templates.rate({ id: templateId, rating: 2 }))).toMatchObject({ rating: 2, ratingCount: 1, myRating: 2 });
    expect((await admin.services.api.templates.rate({ id: templateId, rating: 5 }))).toMatchObject({ rating: 3.5, ratingCount: 2 });
    expect(await invokeHostCall(alice.services.api, 'templates.rate', { id: templateId, rating: 5 })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const stored = await row(templateId);
    expect([Number(stored.rating), stored.rating_count]).toEqual([3.5, 2]);
    expect((await bob.services.api.templates.list()).templates.find((t) => t.id === templateId)).toMatchObject({ rating: 3.5, ratingCount: 2, myRating: 2 });
  });

  it('an update makes a new version; installed connectors stay as they were and are offered the change', async () => {
    const { connector, hash } = await alice.services.api.connectors.get({ id: aliceConnectorId });
    await alice.services.api.connectors.save({ connector: { ...connector, description: 'Now with a better description', steps: connector.steps.map((s, i) => (i === 0 ? { ...s, timeoutMs: 9000 } : s)) }, baseHash: hash });
    const preview = await alice.services.api.templates.publishPreview({ connectorId: aliceConnectorId });
    expect(preview.updateOf).toEqual({ id: templateId, version: 1, name: 'Phone owner lookup' });
    const v2 = await alice.services.api.templates.publish({ connectorId: aliceConnectorId, updateOf: templateId, changelog: 'longer timeout' });
    expect(v2).toMatchObject({ id: templateId, version: 2 });

    const bobs = (await bob.services.api.connectors.list()).filter((e) => e.kind === 'connector');
    for (const entry of bobs) {
      expect((await bob.services.api.connectors.get({ id: entry.id })).connector.template).toMatchObject({ id: templateId, version: 1 });
    }
    const updates = await bob.services.api.templates.updates();
    expect(updates).toHaveLength(2);
    expect(updates[0]).toMatchObject({ templateId, installedVersion: 1, latestVersion: 2, credentials: { trestle_api_key: 'bobs_trestle' }, changelog: [{ version: 2, changelog: 'longer timeout' }], credentialRedirects: [] });
    expect(updates[0]!.changes.map((c) => c.path)).toEqual(expect.arrayContaining(['description', expect.stringContaining('timeoutMs')]));

    // Bob applies it to one of his copies: the server's v2, his key, no install counted.
    const installs = (await row(templateId)).install_count;
    const applied = await bob.services.api.templates.applyUpdate({ connectorId: updates[0]!.connectorId, credentials: { trestle_api_key: { existing: 'bobs_trestle' } }, keepCopy: false });
    expect(applied).toMatchObject({ connectorId: updates[0]!.connectorId, version: 2, copy: null });
    const updated = (await bob.services.api.connectors.get({ id: updates[0]!.connectorId })).connector;
    expect(updated).toMatchObject({ description: 'Now with a better description', template: { id: templateId, version: 2 } });
    expect(updated.steps[0]!.timeoutMs).toBe(9000);
    expect(JSON.stringify(updated.auth)).toContain('{{credentials.bobs_trestle}}');
    expect((await row(templateId)).install_count).toBe(installs);
    expect((await bob.services.api.templates.updates()).map((u) => u.connectorId)).toEqual([updates[1]!.connectorId]);
  });

  it('reports are listed for moderators only', async () => {
    await supa.db.query(`insert into template_reports (template_id, reporter_id, reason) values ($1, $2, 'spam link in description')`, [templateId, carol.id]);
    expect(await admin.services.api.templates.reports()).toEqual([expect.objectContaining({ templateId, templateName: 'Phone owner lookup', reason: 'spam link in description', resolved: false, resolution: null, reporterEmail: carol.email })]);
    expect(await bob.services.api.templates.reports()).toEqual([]);
  });

  it('a user reports a template once; the admin sees it in the reports list', async () => {
    const filed = await bob.services.api.templates.report({ id: templateId, reason: '  phone numbers go to an unknown server  ' });
    expect(filed).toMatchObject({ templateId, templateName: 'Phone owner lookup', reason: 'phone numbers go to an unknown server', resolved: false });
    expect(await invokeHostCall(bob.services.api, 'templates.report', { id: templateId, reason: 'again' }))
      .toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS', message: expect.stringContaining('already reported') } });
    expect(await invokeHostCall(bob.services.api, 'templates.report', { id: templateId, reason: '   ' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect((await admin.services.api.templates.reports()).filter((r) => r.reason === 'phone numbers go to an unknown server')).toHaveLength(1);
    expect(await bob.services.api.templates.reports()).toEqual([expect.objectContaining({ id: filed.id, reporterEmail: null })]);
  });

  it('a moderator dismisses a report (the reporter is shown); a user cannot', async () => {
    const open = (await admin.services.api.templates.reports()).find((r) => r.reason === 'spam link in description')!;
    expect(await invokeHostCall(bob.services.api, 'templates.resolveReport', { id: open.id, resolution: 'dismissed' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await admin.services.api.templates.resolveReport({ id: open.id, resolution: 'dismissed' }))
      .toMatchObject({ id: open.id, resolved: true, resolution: 'dismissed', reporterEmail: carol.email });
    expect(await invokeHostCall(admin.services.api, 'templates.resolveReport', { id: open.id, resolution: 'resolved' }))
      .toMatchObject({ ok: false, error: { message: expect.stringContaining('already closed') } });
  });

  it('a hidden template disappears for others, stays visible to its publisher with the reason; its open reports are resolved; a non-admin cannot hide', async () => {
    expect(await invokeHostCall(bob.services.api, 'templates.hide', { id: templateId, hidden: true, reason: 'mine now' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await invokeHostCall(admin.services.api, 'templates.hide', { id: templateId, hidden: true })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const hidden = await admin.services.api.templates.hide({ id: templateId, hidden: true, reason: 'sends phone numbers to an unknown server' });
    expect(hidden).toMatchObject({ hidden: true, featured: false, hiddenReason: 'sends phone numbers to an unknown server' });
    expect((await admin.services.api.templates.reports()).filter((r) => r.templateId === templateId).map((r) => [r.reason, r.resolution]).sort())
      .toEqual([['phone numbers go to an unknown server', 'resolved'], ['spam link in description', 'dismissed']]);
    expect(await alice.services.api.templates.get({ id: templateId })).toMatchObject({ hidden: true, hiddenReason: 'sends phone numbers to an unknown server' });
    expect((await bob.services.api.templates.list()).templates.some((t) => t.id === templateId)).toBe(false);
    expect(await invokeHostCall(bob.services.api, 'templates.install', { id: templateId, credentials: { trestle_api_key: { existing: 'bobs_trestle' } } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await alice.services.api.templates.list()).templates.find((t) => t.id === templateId)).toMatchObject({ hidden: true, mine: true, hiddenReason: 'sends phone numbers to an unknown server' });
    expect((await row(templateId)).install_count).toBe(1);
  });
});

describe('the marketplace while the Supabase project is unreachable (issue 16 §2)', () => {
  it('built-in templates come at once; the community list last seen online is shown, labelled, until the server answers again', async () => {
    const { readFile } = await import('node:fs/promises');
    const { userClaims, withClaims } = await import('../../tests/supabase-gateway/claims.js');
    const config = JSON.parse(await readFile(new URL('../../resources/templates/clearbit-company-data.connector.json', import.meta.url), 'utf8'));
    await withClaims(supa.db, userClaims(carol.id), (s) => s.query(`select publish_template(p_name => 'Carol company data', p_config => $1, p_public => true)`, [JSON.stringify(config)]));
    let network = true;
    const app = await signedInApp(carol, null, () => network);
    const online = await app.services.api.templates.list();
    const community = online.templates.filter((t) => t.origin !== 'official').map((t) => t.id);
    expect(community.length).toBeGreaterThan(0);
    expect(online.cachedAt).toBeUndefined();

    const builtinOnly = await app.services.api.templates.list({ builtinOnly: true });
    expect(builtinOnly.templates.length).toBeGreaterThan(0);
    expect(builtinOnly.templates.every((t) => t.origin === 'official')).toBe(true);

    const { createServer } = await import('node:net');
    const dead = createServer();
    await new Promise<void>((done) => dead.listen(0, '127.0.0.1', done));
    const port = (dead.address() as { port: number }).port;
    await new Promise<void>((done) => dead.close(() => done()));
    await app.services.api.settings.update({ supabaseUrl: `http://127.0.0.1:${port}` });

    const offline = await app.services.api.templates.list();
    expect(offline.templates.filter((t) => t.origin !== 'official').map((t) => t.id)).toEqual(community);
    expect(offline.cachedAt).toEqual(expect.any(Number));
    expect(offline.remoteMessage).toMatch(/^Community templates as last seen online, \d{4}-\d\d-\d\d \d\d:\d\d UTC: .*Installing, rating and publishing need the connection\.$/);
    expect(offline.remoteMessage).not.toMatch(/TypeError|fetch failed/);
    expect(offline.remoteMessage).toContain(`The Supabase project at 127.0.0.1:${port} can't be reached.`);
    // No network at all here: said so, rather than blaming the project.
    network = false;
    const noNetwork = await app.services.api.templates.list();
    expect(noNetwork.templates.filter((t) => t.origin !== 'official').map((t) => t.id)).toEqual(community);
    expect(noNetwork.remoteMessage).toContain('UTC: Offline: this computer has no network connection. Installing, rating and publishing need the connection.');
    expect(noNetwork.remoteMessage).not.toMatch(/can't be reached|cannot be reached/);
    network = true;

    await app.services.api.settings.update({ supabaseUrl: supa.url });
    expect((await app.services.api.templates.list()).cachedAt).toBeUndefined();
  });
});
