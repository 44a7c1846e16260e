/**
 * What executeConnectorJob needs from its engine (pg-boss worker, Trigger.dev task, a test):
 * the service-role database, the HTTP transport (the guarded Node transport in production),
 * and optionally per-connector slots and a shutdown signal.
 */
import type { Clock, HttpTransport, Logger } from '#core';
import type { ConnectorSlots } from './connectorSlots.js';
import type { ServiceDatabase } from './database.js';
import type { JobOutcome } from './executeConnectorJob.js';

export interface ServerPorts {
  db: ServiceDatabase;
  transport: HttpTransport;
  clock?: Clock;
  logger?: Logger;
  /** The engine's own per-connector cap (the pg-boss worker); Trigger.dev queues cap without it. */
  slots?: ConnectorSlots;
  /** Aborts when the worker shuts down: the run stops unrecorded and the job is retried. */
  signal?: AbortSignal;
  /** Whole-job deadline from the start of the run (default and maximum 60 s). */
  deadlineMs?: number;
  /**
   * The engine's settling of its job as soon as the execution row is written (the pg-boss worker
   * completes the job at once, rather than when the rest of its fetched batch is done), while the
   * job still holds its connection. A failure is logged, not thrown: the row is written, and the
   * engine settles the job again after the handler returns.
   */
  settle?: (outcome: JobOutcome) => Promise<void>;
}

/** The seed's default when a connector does not say how many of its runs may overlap. */
export const DEFAULT_CONNECTOR_CONCURRENCY = 5;
