/**
 * executeConnectorJob on a real PostgreSQL against the local sandbox, in process: what one
 * job does, whatever engine runs it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { systemClock, type Logger } from '#core';
import { createAddressGuard } from '../host/http/addressGuard.js';
import { createNodeTransport } from '../host/http/createNodeTransport.js';
import { createConnectorSlots } from './connectorSlots.js';
import { createServiceDatabase, type ServiceDatabase } from './database.js';
import { NonRetryableJobError, SlotBusyError } from './errors.js';
import { executeConnectorJob } from './executeConnectorJob.js';
import { startSandbox, type Sandbox } from './test-helpers/sandbox.js';
import { addConnector, CANARY, createServerWorld, type ServerWorld } from './test-helpers/world.js';

const hasPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!hasPostgres)('executeConnectorJob (real PostgreSQL, local sandbox)', () => {
  let world: ServerWorld;
  let sandbox: Sandbox;
  let db: ServiceDatabase;
  const logLines: string[] = [];
  const logger: Logger = {
    debug: (m, d) => logLines.push(JSON.stringify([m, d])),
    info: (m, d) => logLines.push(JSON.stringify([m, d])),
    warn: (m, d) => logLines.push(JSON.stringify([m, d])),
    error: (m, d) => logLines.push(JSON.stringify([m, d])),
  };
  const transport = createNodeTransport({ addressGuard: createAddressGuard({ allow: ['127.0.0.1'] }) });
  const ports = () => ({ db, transport, logger });

  beforeAll(async () => {
    world = await createServerWorld();
    sandbox = await startSandbox();
    db = createServiceDatabase(world.url, { max: 4 });
  });
  afterAll(async () => {
    transport.close();
    await db?.close();
    await sandbox?.close();
    await world?.db.close();
  });

  const job = (connectorId: string, extra: Record<string, unknown> = {}) => ({
    runId: randomUUID(),
    connectorId,
    workspaceId: world.workspaceId,
    inputs: { email: 'ada@example.com' },
    ...extra,
  });

  it('runs the current revision with the workspace credential, records one row and counts stats once', async () => {
    const connectorId = await addConnector(world, { tag: 'basic', steps: 3, baseUrl: sandbox.baseUrl });
    const contactId = randomUUID();
    const first = job(connectorId, { contactId });
    const outcome = await executeConnectorJob(ports(), first);
    expect(outcome).toMatchObject({ status: 'success', alreadyRecorded: false });
    expect(sandbox.count('basic')).toBe(3);
    expect(sandbox.requests.filter((r) => r.tag === 'basic').every((r) => r.authorization === `Bearer ${CANARY}`)).toBe(true);

    // The same job again (a retry after a crash that followed the write): nothing runs, nothing counts twice.
    const again = await executeConnectorJob(ports(), first);
    expect(again).toMatchObject({ executionId: outcome.executionId, alreadyRecorded: true });
    expect(sandbox.count('basic')).toBe(3);

    const { rows } = await world.db.query<Record<string, unknown>>(`select * from connector_executions where connector_id = $1`, [connectorId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'success', source: 'server', contact_id: contactId, client_run_id: first.runId });
    expect(rows[0]!.output_data).toMatchObject({ contact: { company: 'Company basic' }, revision: 1 });
    const stats = await world.db.query(`select total_executions, successful_executions from connectors where id = $1`, [connectorId]);
    expect(stats.rows[0]).toEqual({ total_executions: 1, successful_executions: 1 });

    // Every read of the credential was audited as the service role, for this connector.
    const audit = await world.db.query(`select actor_role, connector_id from credential_audit_log where action = 'use' and connector_id = $1`, [connectorId]);
    expect(audit.rows).toEqual([{ actor_role: 'service_role', connector_id: connectorId }]);
  });

  it('the next run of a connector reads its credential in its first statement: two statements a run, each read audited', async () => {
    const connectorId = await addConnector(world, { tag: 'prefetch', steps: 3, baseUrl: sandbox.baseUrl });
    const statements: string[] = [];
    const counting: ServiceDatabase = {
      ...db,
      async session() {
        const session = await db.session();
        return { ...session, query: (text, params) => { statements.push(text); return session.query(text, params); } };
      },
    };
    const run = async () => {
      statements.length = 0;
      expect((await executeConnectorJob({ ...ports(), db: counting }, job(connectorId))).status).toBe('success');
      return statements.map((text) => /public\.(\w+)/.exec(text)?.[1]);
    };
    // The first run learns which credentials the connector uses; the next ones read them with the start.
    expect(await run()).toEqual(['start_server_execution', 'get_credential_for_execution', 'record_execution']);
    expect(await run()).toEqual(['start_server_execution', 'record_execution']);
    expect(await run()).toEqual(['start_server_execution', 'record_execution']);
    expect(sandbox.requests.filter((r) => r.tag === 'prefetch').every((r) => r.authorization === `Bearer ${CANARY}`)).toBe(true);
    expect(sandbox.count('prefetch')).toBe(9);
    const audit = await world.db.query(`select actor_role from credential_audit_log where action = 'use' and connector_id = $1`, [connectorId]);
    expect(audit.rows).toEqual([1, 2, 3].map(() => ({ actor_role: 'service_role' })));
    const { rows } = await world.db.query(`select to_jsonb(e)::text as row from connector_executions e where connector_id = $1`, [connectorId]);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(String(row.row)).not.toContain(CANARY);
  });

  it('canary: the credential value is in no execution row, log line or job payload', async () => {
    const connectorId = await addConnector(world, { tag: 'canary', steps: 2, baseUrl: sandbox.baseUrl, query: 'status=500&echo_auth=1' });
    const payload = job(connectorId);
    await executeConnectorJob(ports(), payload);
    const { rows } = await world.db.query(`select to_jsonb(e)::text as row from connector_executions e where connector_id = $1`, [connectorId]);
    expect(rows).toHaveLength(1);
    // The API echoed the token in its error body: it reached the run, and was redacted before storage.
    expect(String(rows[0]!.row)).toContain('answered 500');
    expect(String(rows[0]!.row)).toContain('Bearer {{credentials.api_key}}');
    for (const text of [String(rows[0]!.row), logLines.join('\n'), JSON.stringify(payload)]) expect(text).not.toContain(CANARY);
    // The API did get it: the canary is real, not absent from the run altogether.
    expect(sandbox.requests.some((r) => r.tag === 'canary' && r.authorization === `Bearer ${CANARY}`)).toBe(true);
  });

  it.each([
    ['disabled', 'connector_disabled', async () => addConnector(world, { tag: 'off', baseUrl: sandbox.baseUrl, enabled: false })],
    ['deleted', 'connector_deleted', async () => {
      const id = await addConnector(world, { tag: 'gone', baseUrl: sandbox.baseUrl });
      await world.db.query(`update connectors set deleted_at = now() where id = $1`, [id]);
      return id;
    }],
    ['in another workspace', 'connector_not_found', async () => addConnector(world, { tag: 'theirs', baseUrl: sandbox.baseUrl, workspaceId: world.otherWorkspaceId, owner: world.otherOwner })],
  ])('a %s connector fails with a clear reason, non-retryable, and runs nothing', async (_what, reason, make) => {
    const connectorId = await make();
    const error = await executeConnectorJob(ports(), job(connectorId)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonRetryableJobError);
    expect((error as NonRetryableJobError).reason).toBe(reason);
    expect((error as Error).message).toMatch(/enable it|deleted|not in workspace/);
    expect(sandbox.count('off') + sandbox.count('gone') + sandbox.count('theirs')).toBe(0);
    const { rows } = await world.db.query(`select count(*)::int as n from connector_executions where connector_id = $1`, [connectorId]);
    expect(rows[0]!.n).toBe(0);
  });

  it('validates every job field and says which is wrong', async () => {
    const connectorId = await addConnector(world, { tag: 'valid', baseUrl: sandbox.baseUrl });
    for (const bad of [
      { ...job(connectorId), runId: 'not-a-uuid' },
      { ...job(connectorId), workspaceId: 42 },
      { ...job(connectorId), contactId: 'x' },
      { ...job(connectorId), inputs: { email: { nested: true } } },
    ]) {
      const error = await executeConnectorJob(ports(), bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NonRetryableJobError);
      expect((error as NonRetryableJobError).reason).toBe('invalid_job');
    }
    await expect(executeConnectorJob(ports(), { ...job(connectorId), runId: 'nope' })).rejects.toThrow(/runId must be a UUID/);
    expect(sandbox.count('valid')).toBe(0);
  });

  it('stops a run at its deadline and records it as timed out', async () => {
    const connectorId = await addConnector(world, { tag: 'slow', baseUrl: sandbox.baseUrl, query: 'delay=3000' });
    const outcome = await executeConnectorJob({ ...ports(), deadlineMs: 400 }, job(connectorId));
    expect(outcome.status).toBe('timeout');
    expect(outcome.durationMs).toBeLessThan(2_000);
  });

  it('never lets a deadline above 60 s through', async () => {
    const connectorId = await addConnector(world, { tag: 'cap', baseUrl: sandbox.baseUrl });
    const outcome = await executeConnectorJob({ ...ports(), deadlineMs: 3_600_000 }, job(connectorId));
    expect(outcome.status).toBe('success');
    const { rows } = await world.db.query(`select steps_executed from connector_executions where connector_id = $1`, [connectorId]);
    expect(rows).toHaveLength(1);
  });

  it('connector slots live on the job\'s own connection: taken by its first statement, waited for when busy, freed by the record or on failure', async () => {
    const slots = createConnectorSlots({ clock: systemClock, maxWaitMs: 400, pollMs: 20 });
    const advisoryLocks = async () => (await world.db.query<{ n: number }>(
      `select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`)).rows[0]!.n;
    const connectorId = await addConnector(world, { tag: 'slot', baseUrl: sandbox.baseUrl, rateLimit: { enabled: false, maxConcurrent: 1 } });

    // A run: the slot is taken and freed, nothing is left locked.
    expect((await executeConnectorJob({ ...ports(), slots }, job(connectorId))).status).toBe('success');
    expect(await advisoryLocks()).toBe(0);

    // Another worker holds the connector's only slot: the job waits, then goes back to the queue unstarted.
    const other = new pg.Client({ connectionString: world.url });
    await other.connect();
    try {
      await other.query(`select pg_advisory_lock(hashtext('connector-slot:' || $1::uuid::text), 0)`, [connectorId]);
      const waiting = { ...job(connectorId), runId: randomUUID() };
      await world.db.query(`insert into connector_run_requests (id, workspace_id, connector_id, inputs) values ($1, $2, $3, '{}')`, [waiting.runId, world.workspaceId, connectorId]);
      await expect(executeConnectorJob({ ...ports(), slots }, waiting)).rejects.toBeInstanceOf(SlotBusyError);
      const started = async () => (await world.db.query<{ started_at: Date | null }>(`select started_at from connector_run_requests where id = $1`, [waiting.runId])).rows[0]!.started_at;
      expect(await started()).toBeNull();
      expect(await advisoryLocks()).toBe(1); // only the other worker's

      // Freed while the job waits: it takes the slot, marks the request started and runs.
      setTimeout(() => void other.query(`select pg_advisory_unlock_all()`), 100);
      expect((await executeConnectorJob({ ...ports(), slots }, waiting)).status).toBe('success');
      expect(await started()).not.toBeNull();
    } finally {
      await other.end();
    }
    expect(await advisoryLocks()).toBe(0);

    // Stopped by a shutdown mid-run: no row, and the slot is freed all the same.
    const stop = new AbortController();
    const slow = await addConnector(world, { tag: 'slot-slow', baseUrl: sandbox.baseUrl, query: 'delay=2000', rateLimit: { enabled: false, maxConcurrent: 1 } });
    setTimeout(() => stop.abort(), 200);
    await expect(executeConnectorJob({ ...ports(), slots, signal: stop.signal }, job(slow))).rejects.toThrow(/stopped by the worker shutting down/);
    expect(await advisoryLocks()).toBe(0);
  });
});
