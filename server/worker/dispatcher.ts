/**
 * The outbox dispatcher: moves run requests (written by enqueue_connector_runs) into the
 * pg-boss queue. Each batch is one transaction: lock undispatched rows (SKIP LOCKED, so
 * several workers' dispatchers share the work), insert their jobs through pg-boss on that
 * same connection, mark them dispatched. Woken by NOTIFY from the RPC; polls as a backstop.
 */
import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import type { Logger } from '#core';
import { jobFromRequest, QUEUE_NAME, type RunRequestRow } from './queue.js';

export interface Dispatcher {
  /** Dispatches until no request is waiting; returns how many it moved. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const BATCH = 500;

export async function startDispatcher(connectionString: string, boss: PgBoss, logger: Logger, pollMs = 1_000): Promise<Dispatcher> {
  const pool = new pg.Pool({ connectionString, max: 2, application_name: 'connector-studio-dispatcher' });
  pool.on('error', () => undefined);
  const listener = new pg.Client({ connectionString, application_name: 'connector-studio-dispatcher' });
  listener.on('error', () => undefined);
  let stopped = false;
  let running: Promise<number> | undefined;
  let again = false;

  async function batch(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<RunRequestRow>(
        `select r.id, r.workspace_id, r.connector_id, r.contact_id, r.inputs, r.created_at,
                coalesce(c.config #>> '{rateLimit,maxConcurrent}', c.config #>> '{config,rateLimiting,maxConcurrent}')::int as max_concurrent
         from public.connector_run_requests r
         join public.connectors c on c.id = r.connector_id
         where r.dispatched_at is null
         order by r.created_at
         limit ${BATCH}
         for update of r skip locked`,
      );
      if (rows.length > 0) {
        await boss.insert(QUEUE_NAME, rows.map(jobFromRequest), { db: { executeSql: (text, values) => client.query(text, values) } });
        await client.query(`update public.connector_run_requests set dispatched_at = now() where id = any($1::uuid[])`, [rows.map((row) => row.id)]);
      }
      await client.query('commit');
      return rows.length;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const moved = await batch();
      total += moved;
      if (moved < BATCH) return total;
    }
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await drainOnce();
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  const kick = () => {
    if (stopped) return;
    drain().catch((error: unknown) => logger.warn('dispatching run requests failed; trying again shortly', { error: String(error) }));
  };

  await listener.connect();
  listener.on('notification', kick);
  await listener.query('listen connector_run_requests');
  const timer = setInterval(kick, pollMs);
  kick();

  return {
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      await listener.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
