/**
 * The start of a job, in one statement (start_server_execution): has the run id a row already,
 * and otherwise the connector as it is now in Supabase (its current revision), checked before
 * anything else happens — it must exist in the job's workspace, be live and be enabled — with
 * one of its connector slots taken and the request marked started when one was free.
 */
import { loadConnectorDocument, type Connector } from '#core';
import { releaseSlot } from './connectorSlots.js';
import type { SqlRunner } from './database.js';
import { NonRetryableJobError } from './errors.js';
import type { ConnectorJob } from './job.js';
import type { StoredExecution } from './recordExecution.js';

export interface LoadedConnector {
  connector: Connector;
  revision: number;
  name: string;
}

export type JobStart =
  | { kind: 'recorded'; execution: StoredExecution }
  | { kind: 'run'; loaded: LoadedConnector; slot: number | null | undefined; started: boolean; credentials: Record<string, string> };

interface StartRow {
  execution?: StoredExecution;
  problem?: 'connector_not_found';
  connector?: { name: string; config: unknown; enabled: boolean; deleted: boolean; revision: number | string };
  slot?: number | null;
  started?: boolean;
  /** The values of the credentials asked for that are set (only when the run was started). */
  credentials?: Record<string, string>;
}

/**
 * `takeSlot`: the engine caps connectors with slots (the pg-boss worker); the result's slot is then a number or null (all busy).
 * `credentials`: names to read (audited) in the same statement when the run starts now.
 */
export async function startJob(sql: SqlRunner, job: ConnectorJob, takeSlot: boolean, credentials: readonly string[] = []): Promise<JobStart> {
  const { rows } = await sql.query<{ start: StartRow }>(
    'select public.start_server_execution($1, $2, $3, $4, $5::text[]) as start',
    [job.workspaceId, job.connectorId, job.runId, takeSlot, credentials],
  );
  const start = rows[0]!.start;
  if (start.execution) return { kind: 'recorded', execution: start.execution };
  const row = start.connector;
  // Another workspace's connector reads exactly like a missing one: the job learns nothing about it.
  if (!row) {
    throw new NonRetryableJobError('connector_not_found', `Connector ${job.connectorId} is not in workspace ${job.workspaceId}; sync it to that workspace and enqueue the run again.`);
  }
  if (row.deleted) {
    throw new NonRetryableJobError('connector_deleted', `Connector "${row.name}" was deleted; the run was not started.`);
  }
  if (!row.enabled) {
    throw new NonRetryableJobError('connector_disabled', `Connector "${row.name}" is disabled; enable it on the dashboard and enqueue the run again.`);
  }
  let connector: Connector;
  try {
    connector = parsedConnector(job.connectorId, row.config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (typeof start.slot === 'number') await releaseSlot(sql, { connectorId: job.connectorId, slot: start.slot });
    throw new NonRetryableJobError('invalid_connector', `Connector "${row.name}" is not a valid connector document (${message}); fix it in the app and sync it again.`);
  }
  return {
    kind: 'run',
    loaded: { connector, revision: Number(row.revision), name: row.name },
    slot: takeSlot ? (start.slot ?? null) : undefined,
    started: start.started === true,
    credentials: start.credentials ?? {},
  };
}

/**
 * Parsing and validating the document costs ~0.3 ms of the worker's CPU per job, printing it
 * ~0.02 ms: one parse per connector and document text serves every run of it (runConnector only
 * reads the connector). Keyed by the text itself, not the revision, so a purged and recreated
 * connector with the same id and revision can never get the old document.
 */
function parsedConnector(connectorId: string, config: unknown): Connector {
  const text = JSON.stringify(config);
  const cached = parsed.get(connectorId);
  if (cached?.text === text) return cached.connector;
  const connector = loadConnectorDocument(config);
  parsed.delete(connectorId);
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value as string);
  parsed.set(connectorId, { text, connector });
  return connector;
}
const parsed = new Map<string, { text: string; connector: Connector }>();
const MAX_PARSED = 256;
