/**
 * The Trigger.dev task: its manifest as the SDK's own indexer catalog records it (queues,
 * retry, maxDuration), the options each run is triggered with, and its run function in the
 * SDK's mock task context against a real PostgreSQL and the local sandbox.
 */
import { randomUUID } from 'node:crypto';
import { resourceCatalog } from '@trigger.dev/core/v3';
import { runInMockTaskContext } from '@trigger.dev/core/v3/test';
import { StandardResourceCatalog } from '@trigger.dev/core/v3/workers';
import { AbortTaskRunError } from '@trigger.dev/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import triggerConfig from '../trigger.config.js';
import { startSandbox, type Sandbox } from '../server/test-helpers/sandbox.js';
import { addConnector, CANARY, createServerWorld, type ServerWorld } from '../server/test-helpers/world.js';
import { closeServerPorts } from './serverPorts.js';

// Register the task the way `trigger.dev deploy`'s indexer does: a catalog with a file context.
const catalog = new StandardResourceCatalog();
resourceCatalog.setGlobalResourceCatalog(catalog);
catalog.setCurrentFileContext('trigger/executeConnector.ts', 'trigger/executeConnector.ts');
const { queueNameFor, triggerOptionsFor, TASK_ID } = await import('./executeConnector.js');
catalog.clearCurrentFileContext();

describe('execute-connector manifest', () => {
  it('declares its queues ahead, with per-tier limits', () => {
    const queues = catalog.listQueueManifests().filter((q) => q.name.startsWith('connector-execution-'));
    expect(queues.map((q) => [q.name, q.concurrencyLimit])).toEqual([
      ['connector-execution-k1', 1], ['connector-execution-k2', 2], ['connector-execution-k3', 3],
      ['connector-execution-k5', 5], ['connector-execution-k10', 10], ['connector-execution-k20', 20],
    ]);
  });

  it('has retries with exponential backoff and a maxDuration above the 60 s run deadline', () => {
    const manifest = catalog.getTaskManifest(TASK_ID);
    expect(manifest).toMatchObject({
      id: 'execute-connector',
      filePath: 'trigger/executeConnector.ts',
      maxDuration: 90,
      queue: { name: 'connector-execution-k5' },
      retry: { maxAttempts: 5, factor: 2, minTimeoutInMs: 1000, maxTimeoutInMs: 60000, randomize: true },
    });
  });

  it('triggers each run with the connector as concurrency key and the run id as idempotency key', () => {
    const job = { runId: randomUUID(), connectorId: randomUUID(), workspaceId: randomUUID(), inputs: {} };
    expect(triggerOptionsFor(job, 2)).toMatchObject({ queue: 'connector-execution-k2', concurrencyKey: job.connectorId, idempotencyKey: job.runId });
    expect([queueNameFor(undefined), queueNameFor(1), queueNameFor(4), queueNameFor(7), queueNameFor(100)]).toEqual([
      'connector-execution-k5', 'connector-execution-k1', 'connector-execution-k3', 'connector-execution-k5', 'connector-execution-k20',
    ]);
  });

  it('trigger.config.ts: node-22 runtime, task dir, project ceilings', () => {
    expect(triggerConfig).toMatchObject({ runtime: 'node-22', dirs: ['./trigger'], maxDuration: 3600 });
    expect(triggerConfig.retries?.default).toMatchObject({ factor: 2 });
  });
});

describe.skipIf(!process.env.DATABASE_URL)('execute-connector run function (mock task context, real PostgreSQL)', () => {
  let world: ServerWorld;
  let sandbox: Sandbox;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, CONNECTOR_STUDIO_ALLOW_ADDRESSES: process.env.CONNECTOR_STUDIO_ALLOW_ADDRESSES };

  beforeAll(async () => {
    world = await createServerWorld();
    sandbox = await startSandbox();
    process.env.DATABASE_URL = world.url;
    process.env.CONNECTOR_STUDIO_ALLOW_ADDRESSES = '127.0.0.1';
  });
  afterAll(async () => {
    await closeServerPorts();
    Object.assign(process.env, saved);
    await sandbox?.close();
    await world?.db.close();
  });

  const run = (payload: unknown) =>
    // The run function exactly as the catalog hands it to Trigger.dev's task executor.
    runInMockTaskContext(({ ctx }) => catalog.getTask(TASK_ID)!.fns.run(payload, { ctx, signal: new AbortController().signal } as never), {
      ctx: { task: { id: TASK_ID } },
    });

  it('runs executeConnectorJob and records the run once, keyed by the run id', async () => {
    const connectorId = await addConnector(world, { tag: 'trig', steps: 2, baseUrl: sandbox.baseUrl });
    const payload = { runId: randomUUID(), connectorId, workspaceId: world.workspaceId, inputs: { email: 'ada@example.com' } };
    const outcome = await run(payload);
    expect(outcome).toMatchObject({ runId: payload.runId, status: 'success', alreadyRecorded: false });
    // Trigger.dev retried the attempt (e.g. after a crash): the same row, nothing ran again.
    expect(await run(payload)).toMatchObject({ executionId: outcome.executionId, alreadyRecorded: true });
    expect(sandbox.count('trig')).toBe(2);
    expect(sandbox.requests.every((r) => r.authorization === `Bearer ${CANARY}`)).toBe(true);
  });

  it('aborts without retrying when the connector is disabled', async () => {
    const connectorId = await addConnector(world, { tag: 'trigoff', baseUrl: sandbox.baseUrl, enabled: false });
    const error = await run({ runId: randomUUID(), connectorId, workspaceId: world.workspaceId, inputs: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortTaskRunError);
    expect((error as Error).message).toMatch(/is disabled; enable it/);
  });
});
