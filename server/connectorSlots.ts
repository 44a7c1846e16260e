/**
 * Per-connector concurrency across every worker: K slots per connector, each a session-level
 * advisory lock (try_connector_slot in the server_execution migration) held on the job's own
 * connection (its ServiceSession) for the whole execution. The lock is atomic in Postgres, so
 * no two workers can hold the same slot; a worker that dies loses its session and with it the
 * slot. Usually start_server_execution has already taken the slot in the job's first statement;
 * this waits for one when all K were busy, and checks the one taken against the K the worker's
 * own parser read from the document.
 *
 * pg-boss's groupConcurrency keeps most jobs that could not get a slot from being fetched at
 * all; these locks are what makes the cap hold (pg-boss 12 was seen exceeding it alone).
 */
import { SlotBusyError } from './errors.js';
import type { SqlRunner } from './database.js';
import type { Clock } from '#core';

export interface ConnectorSlot {
  connectorId: string;
  slot: number;
}

export interface ConnectorSlotWait {
  signal?: AbortSignal;
  /** The slot the job's first statement took (a number), found all busy (null), or did not try (undefined). */
  taken?: number | null;
}

export interface ConnectorSlots {
  /** One of `limit` slots of the connector on `sql` (the job's session), waiting up to `maxWaitMs`; SlotBusyError after that. */
  acquire(sql: SqlRunner, connectorId: string, limit: number, wait?: ConnectorSlotWait): Promise<ConnectorSlot>;
}

export interface ConnectorSlotOptions {
  clock: Clock;
  maxWaitMs?: number;
  /** First retry delay; doubles up to 250 ms, with jitter so waiters don't retry in step. */
  pollMs?: number;
}

/** The SQL expression that frees a slot, run on its session (alone, or inside the run's record statement). */
export function slotUnlockExpression(connectorParam: string, slotParam: string): string {
  // The key try_connector_slot locks: the id in uuid's own text form, whatever case the job used.
  return `pg_advisory_unlock(hashtext('connector-slot:' || ${connectorParam}::uuid::text), ${slotParam}::int)`;
}

export async function releaseSlot(sql: SqlRunner, slot: ConnectorSlot): Promise<void> {
  await sql.query(`select ${slotUnlockExpression('$1', '$2')}`, [slot.connectorId, slot.slot]);
}

export function createConnectorSlots(options: ConnectorSlotOptions): ConnectorSlots {
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const firstPollMs = options.pollMs ?? 20;
  return {
    async acquire(sql, connectorId, limit, wait = {}) {
      const started = options.clock.now();
      let delay = firstPollMs;
      let taken = wait.taken;
      if (typeof taken === 'number') {
        if (taken < limit) return { connectorId, slot: taken };
        // The document's K as the database read it was higher than the worker's parser reads it.
        await releaseSlot(sql, { connectorId, slot: taken });
        taken = undefined;
      }
      for (let attempt = 0; ; attempt++) {
        // A first statement that found every slot busy: wait before asking again.
        if (attempt > 0 || taken === null) {
          if (options.clock.now() - started + delay > maxWaitMs) {
            throw new SlotBusyError(`all ${limit} slots of connector ${connectorId} stayed busy for ${maxWaitMs} ms`);
          }
          await options.clock.sleep(delay * (0.5 + Math.random()), wait.signal);
          delay = Math.min(250, delay * 2);
        }
        const { rows } = await sql.query<{ slot: number | null }>('select public.try_connector_slot($1, $2) as slot', [connectorId, limit]);
        const slot = rows[0]?.slot;
        if (slot !== null && slot !== undefined) return { connectorId, slot };
      }
    },
  };
}
