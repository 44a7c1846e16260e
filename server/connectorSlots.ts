/**
 * Per-connector concurrency across every worker: K slots per connector, each a session-level
 * advisory lock (try_connector_slot in the server_execution migration) held on a connection
 * of its own for the whole execution. The lock is atomic in Postgres, so no two workers can
 * hold the same slot; a worker that dies loses its session and with it the slot.
 *
 * pg-boss's groupConcurrency keeps most jobs that could not get a slot from being fetched at
 * all; these locks are what makes the cap hold (pg-boss 12 was seen exceeding it alone).
 */
import type pg from 'pg';
import { SlotBusyError } from './errors.js';
import { beginAsService, type ServiceDatabase } from './database.js';
import type { Clock } from '../core/index.js';

export interface ConnectorSlot {
  release(): Promise<void>;
}

export interface ConnectorSlots {
  /** Waits (up to `maxWaitMs`) for one of `limit` slots of the connector; SlotBusyError after that. */
  acquire(connectorId: string, limit: number, signal?: AbortSignal): Promise<ConnectorSlot>;
}

export interface ConnectorSlotOptions {
  clock: Clock;
  maxWaitMs?: number;
  /** First retry delay; doubles up to 250 ms, with jitter so waiters don't retry in step. */
  pollMs?: number;
}

async function tryOnce(client: pg.PoolClient, connectorId: string, limit: number): Promise<number | null> {
  await beginAsService(client);
  try {
    const { rows } = await client.query<{ slot: number | null }>('select public.try_connector_slot($1, $2) as slot', [connectorId, limit]);
    await client.query('commit');
    return rows[0]?.slot ?? null;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

export function createConnectorSlots(db: ServiceDatabase, options: ConnectorSlotOptions): ConnectorSlots {
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const firstPollMs = options.pollMs ?? 20;
  return {
    async acquire(connectorId, limit, signal) {
      const client = await db.connect();
      const started = options.clock.now();
      let delay = firstPollMs;
      try {
        for (;;) {
          const slot = await tryOnce(client, connectorId, limit);
          if (slot !== null) {
            return {
              async release() {
                try {
                  await client.query('select pg_advisory_unlock(hashtext($1), $2)', [`connector-slot:${connectorId}`, slot]);
                  client.release();
                } catch (error) {
                  // Destroying the connection ends the session, which frees the slot anyway.
                  client.release(error instanceof Error ? error : true);
                }
              },
            };
          }
          if (options.clock.now() - started + delay > maxWaitMs) {
            throw new SlotBusyError(`all ${limit} slots of connector ${connectorId} stayed busy for ${maxWaitMs} ms`);
          }
          await options.clock.sleep(delay * (0.5 + Math.random()), signal);
          delay = Math.min(250, delay * 2);
        }
      } catch (error) {
        client.release();
        throw error;
      }
    },
  };
}
