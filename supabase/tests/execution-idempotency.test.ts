/**
 * record_execution with a client-generated run id: a replayed upload (the answer was lost
 * after the server committed) returns the stored row; the run and its stats count once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userClaims, withClaims } from '../../tests/supabase-gateway/claims.js';
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

const record = (userId: string, workspaceId: string, connectorId: string, clientRunId: string | null, status = 'success') =>
  withClaims(db, userClaims(userId), async (s) =>
    (await s.query<{ e: Record<string, unknown> }>(
      `select record_execution(p_workspace_id => $1, p_connector_id => $2, p_status => $3, p_client_run_id => $4,
         p_source => 'local_test', p_execution_time_ms => 12) as e`,
      [workspaceId, connectorId, status, clientRunId],
    )).rows[0]!.e,
  );

const stats = async (connectorId: string) =>
  (await db.query<{ total: number; ok: number; revision: number }>(
    `select total_executions as total, successful_executions as ok, revision from connectors where id = $1`,
    [connectorId],
  )).rows[0]!;

const rowsWith = async (clientRunId: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from connector_executions where client_run_id = $1`, [clientRunId])).rows[0]!.n;

describe('record_execution with p_client_run_id', () => {
  it('a replay of the same upload returns the first row: one row, stats counted once', async () => {
    const runId = randomUUID();
    const before = await stats(w.connector1);
    const first = await record(w.alice.id, w.w1, w.connector1, runId);
    const again = await record(w.alice.id, w.w1, w.connector1, runId);
    expect(first).toMatchObject({ client_run_id: runId, status: 'success', source: 'local_test' });
    expect(again).toEqual(first);
    expect(await rowsWith(runId)).toBe(1);
    expect(await stats(w.connector1)).toEqual({ total: before.total + 1, ok: before.ok + 1, revision: before.revision });
  });

  it('a replay whose first answer reported another status still changes nothing', async () => {
    const runId = randomUUID();
    await record(w.alice.id, w.w1, w.connector1, runId, 'failed');
    const before = await stats(w.connector1);
    expect(await record(w.alice.id, w.w1, w.connector1, runId, 'success')).toMatchObject({ status: 'failed' });
    expect(await stats(w.connector1)).toEqual(before);
  });

  it('different run ids are different executions', async () => {
    const before = await stats(w.connector1);
    await record(w.alice.id, w.w1, w.connector1, randomUUID());
    await record(w.alice.id, w.w1, w.connector1, randomUUID());
    expect((await stats(w.connector1)).total).toBe(before.total + 2);
  });

  it('ids are scoped to the workspace: another workspace\'s run id neither collides nor leaks', async () => {
    const runId = randomUUID();
    const alices = await record(w.alice.id, w.w1, w.connector1, runId);
    const bobs = await record(w.bob.id, w.w2, w.connector2, runId);
    expect(bobs.id).not.toBe(alices.id);
    expect(bobs.workspace_id).toBe(w.w2);
    expect(await rowsWith(runId)).toBe(2);
    // Bob replaying Alice's id into Alice's workspace is refused before anything is looked up.
    await expect(record(w.bob.id, w.w1, w.connector1, runId)).rejects.toMatchObject({ code: '42501' });
  });

  it('refuses a missing id with a clear error, and keeps the original signature working', async () => {
    await expect(record(w.alice.id, w.w1, w.connector1, null)).rejects.toMatchObject({ code: '22023', message: expect.stringContaining('p_client_run_id') });
    const legacy = await withClaims(db, userClaims(w.alice.id), async (s) =>
      (await s.query<{ e: Record<string, unknown> }>(`select record_execution(p_workspace_id => $1, p_connector_id => $2, p_status => 'success') as e`, [w.w1, w.connector1])).rows[0]!.e,
    );
    expect(legacy).toMatchObject({ client_run_id: null, status: 'success' });
  });
});
