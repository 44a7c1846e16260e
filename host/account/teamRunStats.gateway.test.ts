/**
 * Team statistics (issue 16 §4): two members of one Supabase workspace through real host
 * services, supabase-js and the local gateway. Alice's runs are uploaded; Carol's dashboard
 * card for the same connector counts them (it used to say 0), Alice's own card does not
 * count her runs twice, and a member of another workspace cannot read the figures.
 */
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';
import { addMember, createUser, createWorkspace, startLocalSupabase, type LocalSupabase, type TestUser } from '../../tests/supabase-gateway/index.js';
import { accountExtension } from './accountExtension.js';

let supa: LocalSupabase;
let alice: TestUser;
let carol: TestUser;
let bob: TestUser;
let workspaceId: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  supa = await startLocalSupabase();
  alice = await createUser(supa.db, 'alice@example.com', 'alice-pw');
  carol = await createUser(supa.db, 'carol@example.com', 'carol-pw');
  bob = await createUser(supa.db, 'bob@example.com', 'bob-pw');
  workspaceId = await createWorkspace(supa.db, 'Team', alice.id);
  await addMember(supa.db, workspaceId, carol.id);
  await createWorkspace(supa.db, 'Elsewhere', bob.id);
}, 60_000);
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await supa?.close();
});

async function memberApp(user: TestUser, wsId: string | null, pushRuns: boolean): Promise<HostServices> {
  const userData = await makeTempDir('cs-team-user-');
  const workspace = await makeTempDir('cs-team-ws-');
  const services = await createHostServices({ userDataDir: userData.dir, extensions: [accountExtension({ syncIntervalMs: 0, localCheckMs: 0 })] });
  cleanups.push(async () => {
    await services.close();
    await userData.cleanup();
    await workspace.cleanup();
  });
  await services.api.workspace.open({ path: workspace.dir });
  await services.api.settings.update({ supabaseUrl: supa.url, supabaseAnonKey: supa.anonKey });
  await services.api.account.signIn({ email: user.email, password: user.password });
  if (wsId) await services.api.account.selectWorkspace({ workspaceId: wsId, pushRuns });
  return services;
}

const cardStats = async (services: HostServices, id: string) => {
  const entry = (await services.api.connectors.list()).find((e) => e.kind === 'connector' && e.id === id);
  return entry?.kind === 'connector' ? entry.stats : undefined;
};

it('a teammate\'s uploaded runs count on the card; your own are not counted twice; outsiders cannot read them', async () => {
  const a = await memberApp(alice, workspaceId, true);
  await a.api.credentials.set({ name: 'crm_token', value: 'alice-token-0123456789' });
  await a.api.connectors.save({ connector: sampleConnector({ id: 'shared', name: 'Shared lookup' }) });
  await a.api.sync.now();
  for (let i = 0; i < 2; i++) {
    const { runId } = await a.api.runs.start({ connectorId: 'shared', mode: 'mock', inputs: { email: 'a@b.co' } });
    await a.runSettled(runId);
  }
  await expect
    .poll(async () => (await supa.db.query<{ n: number }>(`select count(*)::int as n from connector_executions where workspace_id = $1`, [workspaceId])).rows[0]!.n, { timeout: 15_000 })
    .toBe(2);

  const c = await memberApp(carol, workspaceId, false);
  await c.api.sync.now();
  const carolSees = await cardStats(c, 'shared');
  expect(carolSees).toMatchObject({ runs: 2, teamRuns: 2, successRate: 1, lastStatus: 'success' });
  expect(carolSees?.lastRunAt).toEqual(expect.any(Number));

  // Carol runs it once herself (not uploaded): her card shows 3; Alice's stays at her own 2, not counted twice.
  const { runId } = await c.api.runs.start({ connectorId: 'shared', mode: 'mock', inputs: { email: 'c@b.co' } });
  await c.runSettled(runId);
  expect(await cardStats(c, 'shared')).toMatchObject({ runs: 3, teamRuns: 2 });
  await a.api.sync.now();
  const aliceSees = await cardStats(a, 'shared');
  expect(aliceSees).toMatchObject({ runs: 2 });
  expect(aliceSees?.teamRuns).toBeUndefined();

  // Bob is not a member: the server refuses him the figures.
  const asBob = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  await asBob.auth.signInWithPassword({ email: bob.email, password: bob.password });
  const { data, error } = await asBob.rpc('team_run_stats', { p_workspace_id: workspaceId });
  expect(data).toBeNull();
  expect(error).toMatchObject({ code: '42501' });
}, 90_000);
