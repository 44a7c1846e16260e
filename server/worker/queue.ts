/**
 * The pg-boss queue every worker shares, and how a run request becomes a job. The job id is
 * the run id, so inserting the same request twice (a dispatcher that died after inserting
 * but before marking) is a no-op in pg-boss (ON CONFLICT DO NOTHING on the id).
 */
import type { JobInsert, Queue } from 'pg-boss';
import type { ConnectorJob } from '../job.js';
import { DEFAULT_CONNECTOR_CONCURRENCY } from '../ports.js';

export const QUEUE_NAME = 'connector-executions';

/** Per-connector caps pg-boss may know: a tier per K ('k1' … 'k100'). */
export const MAX_CONNECTOR_CONCURRENCY = 100;

export const QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  // Infrastructure failures only (a connector's own failures are recorded, not retried here).
  retryLimit: 5,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 60,
  // Longer than a run's 60 s deadline plus a slot wait, so only a stuck or dead worker expires.
  expireInSeconds: 150,
  // A worker killed mid-job stops refreshing its heartbeat; the job is retried after this.
  heartbeatSeconds: 10,
  deleteAfterSeconds: 7 * 24 * 3600,
};

export function groupTiers(): Record<string, number> {
  const tiers: Record<string, number> = {};
  for (let k = 1; k <= MAX_CONNECTOR_CONCURRENCY; k++) tiers[`k${k}`] = k;
  return tiers;
}

export interface RunRequestRow {
  id: string;
  workspace_id: string;
  connector_id: string;
  contact_id: string | null;
  inputs: ConnectorJob['inputs'];
  created_at: Date;
  max_concurrent: number | null;
}

export function jobFromRequest(row: RunRequestRow): JobInsert<ConnectorJob> {
  const k = Math.min(MAX_CONNECTOR_CONCURRENCY, Math.max(1, row.max_concurrent ?? DEFAULT_CONNECTOR_CONCURRENCY));
  return {
    id: row.id,
    data: {
      runId: row.id,
      connectorId: row.connector_id,
      workspaceId: row.workspace_id,
      contactId: row.contact_id,
      inputs: row.inputs,
      requestedAt: new Date(row.created_at).getTime(),
    },
    group: { id: row.connector_id, tier: `k${k}` },
  };
}
