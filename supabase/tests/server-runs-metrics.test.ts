/**
 * Seeing server runs (issue 14 §3) on a real database: server_runs (History's list, live
 * status), retry_server_run, connector_metrics (the cards' weekly figures) under RLS, and
 * saas_metrics (admins only, across workspaces, with adoption).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClaims, serviceClaims, userClaims, withClaims, type JwtClaims } from '../../tests/supabase-gateway/claims.js';
import { createWorkspace } from '../../tests/supabase-gateway/fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { buildWorld, sampleConfig, type World } from './helpers/world.js';

let db: TestDatabase;
let w: World;
let metricsConnector: string;
let emptyWorkspace: string;

const as = <T>(claims: JwtClaims, sql: string, params: unknown[] = []) =>
  withClaims(db, claims, async (s) => (await s.query<T>(sql, params)).rows);

/** A finished execution as the worker (service role) or an app upload records it. */
async function recordRun(options: { connectorId: string; workspaceId?: string; status: string; ms: number; source?: 'server' | 'local_test'; runId?: string; completedAt?: Date; steps?: unknown[]; error?: string; contactId?: string }) {
  const claims = options.source === 'local_test' ? userClaims(w.alice.id) : serviceClaims();
  await as(claims, `select record_execution(p_workspace_id => $1, p_connector_id => $2, p_status => $3, p_client_run_id => $4, p_source => $5,
      p_execution_time_ms => $6, p_completed_at => $7, p_steps_executed => $8, p_error_message => $9, p_contact_id => $10)`, [
    options.workspaceId ?? w.w1, options.connectorId, options.status, options.runId ?? randomUUID(), options.source ?? 'server', options.ms,
    (options.completedAt ?? new Date()).toISOString(), JSON.stringify(options.steps ?? []), options.error ?? null, options.contactId ?? null,
  ]);
}

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildWorld(db);
  metricsConnector = (await as<{ id: string }>(userClaims(w.alice.id),
    `insert into connectors (workspace_id, name, config) values ($1, 'Metrics', $2) returning id`, [w.w1, JSON.stringify(sampleConfig('Metrics'))]))[0]!.id;
  // 10 runs this week: 100 … 1000 ms; 8 succeeded, one failed, one timed out; 6 on the server.
  for (let i = 1; i <= 10; i++) {
    await recordRun({ connectorId: metricsConnector, status: i === 3 ? 'failed' : i === 7 ? 'timeout' : 'success', ms: i * 100, source: i <= 6 ? 'server' : 'local_test' });
  }
  // Older than a week: not in the weekly figures.
  await recordRun({ connectorId: metricsConnector, status: 'failed', ms: 50_000, completedAt: new Date(Date.now() - 8 * 24 * 3600_000) });
  emptyWorkspace = await createWorkspace(db, 'No connectors yet', w.dave.id);
});
afterAll(async () => {
  await db?.close();
});

describe('connector_metrics', () => {
  const metrics = (claims: JwtClaims, workspaceId: string) =>
    as<{ connector_id: string; executions_per_week: number; server_runs_per_week: number; failure_rate: number; p95_execution_ms: number }>(claims, `select * from connector_metrics($1)`, [workspaceId]);

  it('gives a member the week\'s executions, server runs, failure rate and p95 of each connector', async () => {
    const rows = await metrics(userClaims(w.alice.id), w.w1);
    expect(rows.find((row) => row.connector_id === metricsConnector)).toEqual({
      connector_id: metricsConnector,
      executions_per_week: 10,
      server_runs_per_week: 6,
      failure_rate: 0.2,
      p95_execution_ms: 955, // percentile_cont(0.95) of 100 … 1000
    });
    // A member of both workspaces sees the same.
    expect(await metrics(userClaims(w.carol.id), w.w1)).toEqual(rows);
  });

  it('keeps workspaces apart: no figures of another workspace, refused for non-members and anonymous callers', async () => {
    const bobs = await metrics(userClaims(w.bob.id), w.w2);
    expect(bobs.map((row) => row.connector_id)).toEqual([w.connector2]);
    await expect(metrics(userClaims(w.bob.id), w.w1)).rejects.toThrow(/not a member/);
    await expect(metrics(userClaims(w.dave.id), w.w1)).rejects.toThrow(/not a member/);
    await expect(metrics(anonClaims(), w.w1)).rejects.toThrow(/permission denied/);
  });
});

describe('saas_metrics', () => {
  interface SaasMetrics {
    workspaces: number;
    workspacesWithConnector: number;
    adoption: number;
    executionsPerWeek: number;
    serverRunsPerWeek: number;
    failureRate: number;
    p95ExecutionMs: number;
    byWorkspace: Array<{ id: string; name: string; connectors: number; executionsPerWeek: number; failureRate: number | null; p95ExecutionMs: number | null }>;
  }
  const saas = async (claims: JwtClaims) => (await as<{ m: SaasMetrics }>(claims, `select saas_metrics() as m`))[0]!.m;

  it('gives SaaS admins the figures across every workspace, and adoption', async () => {
    const m = await saas(userClaims(w.admin.id));
    // Three workspaces, two with a connector.
    expect(m).toMatchObject({ workspaces: 3, workspacesWithConnector: 2, adoption: 2 / 3 });
    // The week: the 10 above plus one success each in W1 and W2 recorded by the world.
    expect(m).toMatchObject({ executionsPerWeek: 12, serverRunsPerWeek: 6, failureRate: 2 / 12 });
    const w1 = m.byWorkspace.find((row) => row.id === w.w1);
    expect(w1).toMatchObject({ executionsPerWeek: 11, failureRate: 2 / 11, p95ExecutionMs: 955 });
    expect(m.byWorkspace.find((row) => row.id === emptyWorkspace)).toMatchObject({ connectors: 0, executionsPerWeek: 0, failureRate: null, p95ExecutionMs: null });
  });

  it('is refused to everyone else, members of every workspace included', async () => {
    for (const user of [w.alice, w.carol, w.dave]) await expect(saas(userClaims(user.id))).rejects.toThrow(/only SaaS admins/);
    await expect(saas(anonClaims())).rejects.toThrow(/permission denied/);
  });
});

describe('server_runs and retry_server_run', () => {
  interface ServerRun { run_id: string; contact_id: string | null; retry_of: string | null; status: string; duration_ms: number | null; steps_succeeded: number; steps_failed: number; steps_skipped: number; error_message: string | null }
  const runs = (claims: JwtClaims, workspaceId = w.w1, connectorId = w.connector1) =>
    as<ServerRun>(claims, `select * from server_runs($1, $2)`, [workspaceId, connectorId]);
  const enqueue = async (contactIds: string[] | null) =>
    (await as<{ ids: string[] }>(userClaims(w.alice.id), `select enqueue_connector_runs($1, $2, $3, $4) as ids`, [w.w1, w.connector1, JSON.stringify({ email: 'ada@example.com' }), contactIds]))[0]!.ids;

  it('lists a connector\'s server runs newest first: queued, running (a worker started it), then its recorded outcome', async () => {
    const contact = randomUUID();
    const [queued] = await enqueue(null);
    const [failing] = await enqueue([contact]);
    expect((await runs(userClaims(w.alice.id))).map((r) => [r.run_id, r.status])).toEqual([[failing, 'queued'], [queued, 'queued']]);

    await db.query(`update connector_run_requests set started_at = now() where id = $1`, [failing]); // as the worker does
    expect((await runs(userClaims(w.alice.id)))[0]).toMatchObject({ run_id: failing, status: 'running', contact_id: contact });

    await recordRun({ connectorId: w.connector1, status: 'failed', ms: 420, runId: failing, contactId: contact, error: 'Step "Lookup" failed: HTTP 500',
      steps: [{ id: 'a', status: 'success' }, { id: 'b', status: 'failed' }, { id: 'c', status: 'skipped' }] });
    expect((await runs(userClaims(w.carol.id)))[0]).toEqual(expect.objectContaining({
      run_id: failing, status: 'failed', duration_ms: 420, steps_succeeded: 1, steps_failed: 1, steps_skipped: 1, error_message: 'Step "Lookup" failed: HTTP 500', contact_id: contact,
    }));
  });

  it('keeps other workspaces\' runs out of sight', async () => {
    await expect(runs(userClaims(w.bob.id))).rejects.toThrow(/not a member/);
    await expect(runs(anonClaims())).rejects.toThrow(/permission denied/);
    // Asking one's own workspace about another's connector finds nothing.
    expect(await runs(userClaims(w.carol.id), w.w2, w.connector1)).toEqual([]);
  });

  it('retries a failed run with its inputs and contact, and refuses unfinished runs and outsiders', async () => {
    const [failed] = (await runs(userClaims(w.alice.id))).filter((r) => r.status === 'failed');
    const [retry] = await as<{ id: string }>(userClaims(w.carol.id), `select retry_server_run($1, $2) as id`, [w.w1, failed!.run_id]);
    const { rows } = await db.query(`select connector_id, contact_id, inputs, retry_of, requested_by from connector_run_requests where id = $1`, [retry!.id]);
    expect(rows[0]).toEqual({ connector_id: w.connector1, contact_id: failed!.contact_id, inputs: { email: 'ada@example.com' }, retry_of: failed!.run_id, requested_by: w.carol.id });
    expect((await runs(userClaims(w.alice.id)))[0]).toMatchObject({ run_id: retry!.id, status: 'queued', retry_of: failed!.run_id });

    await expect(as(userClaims(w.alice.id), `select retry_server_run($1, $2)`, [w.w1, retry!.id])).rejects.toThrow(/only a failed server run can be retried/);
    await expect(as(userClaims(w.bob.id), `select retry_server_run($1, $2)`, [w.w1, failed!.run_id])).rejects.toThrow(/not a member/);
    await expect(as(userClaims(w.bob.id), `select retry_server_run($1, $2)`, [w.w2, failed!.run_id])).rejects.toThrow(/is not in this workspace/);
  });
});
