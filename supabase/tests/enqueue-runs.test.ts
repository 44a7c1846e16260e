/**
 * enqueue_connector_runs: who may queue server runs of which connector (RLS through the
 * RPC's membership check), batches of one per contact, and the rate/slot functions being
 * for the service role only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClaims, serviceClaims, userClaims, withClaims, type JwtClaims } from '../../tests/supabase-gateway/claims.js';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { buildWorld, type World } from './helpers/world.js';

let db: TestDatabase;
let w: World;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildWorld(db);
});
afterAll(async () => {
  await db?.close();
});

const enqueue = (claims: JwtClaims, workspaceId: string, connectorId: string, contacts: string[] | null = null, inputs: unknown = { email: 'ada@example.com' }) =>
  withClaims(db, claims, async (s) =>
    (await s.query<{ ids: string[] }>(`select enqueue_connector_runs($1, $2, $3, $4) as ids`, [workspaceId, connectorId, JSON.stringify(inputs), contacts])).rows[0]!.ids,
  );

describe('enqueue_connector_runs', () => {
  it('queues one run for a member and returns its run id; the request holds inputs, never credentials', async () => {
    const [runId, ...rest] = await enqueue(userClaims(w.alice.id), w.w1, w.connector1);
    expect(rest).toEqual([]);
    const { rows } = await db.query(`select workspace_id, connector_id, contact_id, inputs, requested_by, dispatched_at from connector_run_requests where id = $1`, [runId]);
    expect(rows[0]).toEqual({ workspace_id: w.w1, connector_id: w.connector1, contact_id: null, inputs: { email: 'ada@example.com' }, requested_by: w.alice.id, dispatched_at: null });
  });

  it('queues a batch of one run per contact, in order', async () => {
    const contacts = [randomUUID(), randomUUID(), randomUUID()];
    const ids = await enqueue(userClaims(w.carol.id), w.w1, w.connector1, contacts);
    expect(ids).toHaveLength(3);
    const { rows } = await db.query<{ id: string; contact_id: string }>(`select id, contact_id from connector_run_requests where id = any($1::uuid[])`, [ids]);
    expect(ids.map((id) => rows.find((row) => row.id === id)?.contact_id)).toEqual(contacts);
  });

  it('refuses another workspace\'s connector, non-members and anonymous callers', async () => {
    await expect(enqueue(userClaims(w.alice.id), w.w1, w.connector2)).rejects.toThrow(/is not in this workspace/);
    await expect(enqueue(userClaims(w.alice.id), w.w2, w.connector2)).rejects.toThrow(/not a member/);
    await expect(enqueue(userClaims(w.dave.id), w.w1, w.connector1)).rejects.toThrow(/not a member/);
    await expect(enqueue(anonClaims(), w.w1, w.connector1)).rejects.toThrow(/permission denied/);
  });

  it('refuses disabled and deleted connectors with what to do', async () => {
    await db.query(`update connectors set enabled = false where id = $1`, [w.connector2]);
    await expect(enqueue(userClaims(w.bob.id), w.w2, w.connector2)).rejects.toThrow(/is disabled/);
    await db.query(`update connectors set enabled = true, deleted_at = now() where id = $1`, [w.connector2]);
    await expect(enqueue(userClaims(w.bob.id), w.w2, w.connector2)).rejects.toThrow(/is not in this workspace/);
    await db.query(`update connectors set deleted_at = null where id = $1`, [w.connector2]);
  });

  it('checks its arguments: inputs an object, batches of 1 to 1000', async () => {
    await expect(enqueue(userClaims(w.alice.id), w.w1, w.connector1, null, ['x'])).rejects.toThrow(/inputs must be an object/);
    await expect(enqueue(userClaims(w.alice.id), w.w1, w.connector1, [])).rejects.toThrow(/1 to 1000 contacts/);
  });

  it('lets the service role enqueue for any workspace (an operator), and members read only their own requests', async () => {
    const [id] = await enqueue(serviceClaims(), w.w2, w.connector2);
    const seen = async (userId: string) =>
      withClaims(db, userClaims(userId), async (s) => (await s.query(`select id from connector_run_requests where id = $1`, [id])).rows.length);
    expect(await seen(w.bob.id)).toBe(1);
    expect(await seen(w.alice.id)).toBe(0);
  });

  it('keeps members away from the queue\'s own tables and functions', async () => {
    await withClaims(db, userClaims(w.alice.id), async (s) => {
      await expect(s.query(`insert into connector_run_requests (workspace_id, connector_id) values ($1, $2)`, [w.w1, w.connector1])).rejects.toThrow(/permission denied/);
    });
    for (const sql of [`select take_service_rate_slot('svc', 1, 1)`, `select pause_service_rate_limit('svc', now())`, `select try_connector_slot('${w.connector1}', 1)`,
      `select start_server_execution('${w.w1}', '${w.connector1}', '${randomUUID()}', true)`]) {
      await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(sql))).rejects.toThrow(/permission denied|only the server-side executor/);
    }
  });

  it('start_server_execution: one statement says a run is recorded, hides a foreign connector, and takes a slot and marks the request started only for a live, enabled one', async () => {
    const [runId] = await enqueue(userClaims(w.alice.id), w.w1, w.connector1);
    const recordedRun = randomUUID();
    await withClaims(db, serviceClaims(), async (s) => {
      const start = async (workspaceId: string, connectorId: string, run: string, takeSlot = true) =>
        (await s.query<{ r: Record<string, unknown> }>(`select start_server_execution($1, $2, $3, $4) as r`, [workspaceId, connectorId, run, takeSlot])).rows[0]!.r;

      const first = await start(w.w1, w.connector1, runId!);
      expect(first).toMatchObject({ slot: 0, started: true, connector: { name: 'Phone Enrichment', enabled: true, deleted: false, revision: expect.any(Number) } });
      expect((first.connector as { config: { steps: unknown[] } }).config.steps.length).toBeGreaterThan(0);
      const marked = await s.query<{ started_at: Date | null }>(`select started_at from connector_run_requests where id = $1`, [runId]);
      expect(marked.rows[0]!.started_at).not.toBeNull();

      // Another workspace's connector reads like a missing one.
      expect(await start(w.w2, w.connector1, randomUUID())).toEqual({ problem: 'connector_not_found' });
      // No slot asked for (the Trigger.dev engine): started, no slot.
      expect(await start(w.w1, w.connector1, randomUUID(), false)).toMatchObject({ slot: null, started: true });

      await s.query(`select record_execution(p_workspace_id => $1, p_connector_id => $2, p_status => 'success', p_client_run_id => $3, p_source => 'server')`, [w.w1, w.connector1, recordedRun]);
      expect(await start(w.w1, w.connector1, recordedRun)).toEqual({ execution: { id: expect.any(String), status: 'success' } });

      await s.query(`update connectors set enabled = false where id = $1`, [w.connector1]);
      const disabledRun = randomUUID();
      expect(await start(w.w1, w.connector1, disabledRun)).toMatchObject({ slot: null, started: false, connector: { enabled: false } });
      await s.query(`update connectors set enabled = true where id = $1`, [w.connector1]);
      await s.query('select pg_advisory_unlock_all()');
    });
  });

  it('take_service_rate_slot: grants up to the lower of the service\'s and the connector\'s limit, then says how long to wait', async () => {
    await db.query(`insert into api_rate_limits (service_name, requests_per_minute) values ('svc-test', 3)`);
    const take = (perMinute: number | null) =>
      withClaims(db, serviceClaims(), async (s) => (await s.query<{ wait: number }>(`select take_service_rate_slot('svc-test', $1, null) as wait`, [perMinute])).rows[0]!.wait);
    expect([await take(10), await take(10), await take(10)]).toEqual([0, 0, 0]);
    const wait = await take(10);
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    await withClaims(db, serviceClaims(), (s) => s.query(`select pause_service_rate_limit('svc-other', now() + interval '5 seconds')`));
    const paused = await withClaims(db, serviceClaims(), async (s) => (await s.query<{ wait: number }>(`select take_service_rate_slot('svc-other', null, null) as wait`)).rows[0]!.wait);
    expect(paused).toBeGreaterThan(4_000);
  });
});
