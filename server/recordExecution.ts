/**
 * Writing a finished run: record_execution keyed by the run id (client_run_id), so a retried
 * job, a duplicate enqueue or a crash after the write all end with one row, and the
 * connector's statistics (updated inside record_execution) are counted once.
 */
import type { ExecutionRecord } from '../core/index.js';
import type { ConnectorJob } from './job.js';
import type { ServiceDatabase, SqlRunner } from './database.js';

export type ExecutionStatus = 'success' | 'failed' | 'timeout';

export interface StoredExecution {
  id: string;
  status: ExecutionStatus;
}

const STATUS: Record<ExecutionRecord['status'], ExecutionStatus> = {
  success: 'success',
  failed: 'failed',
  cancelled: 'failed',
  timeout: 'timeout',
};

/** The row a run id already has, if any: a retried job that finds one has nothing left to do. */
export async function findExecution(sql: SqlRunner, job: ConnectorJob): Promise<StoredExecution | undefined> {
  const { rows } = await sql.query<StoredExecution>(
    `select id, status from public.connector_executions where workspace_id = $1 and client_run_id = $2`,
    [job.workspaceId, job.runId],
  );
  return rows[0];
}

/** The request is being executed now (History shows it "running"); no row for a job without a request (Trigger.dev). */
export async function markRunStarted(db: ServiceDatabase, job: ConnectorJob): Promise<void> {
  await db.asService((sql) => sql.query(`update public.connector_run_requests set started_at = now() where id = $1 and workspace_id = $2`, [job.runId, job.workspaceId]));
}

export async function recordExecution(db: ServiceDatabase, job: ConnectorJob, record: ExecutionRecord, revision: number): Promise<StoredExecution> {
  return db.asService(async (sql) => {
    const { rows } = await sql.query<{ e: { id: string; status: ExecutionStatus } }>(
      `select public.record_execution(
         p_workspace_id => $1, p_connector_id => $2, p_status => $3, p_client_run_id => $4, p_source => 'server',
         p_steps_executed => $5, p_input_data => $6, p_output_data => $7, p_error_message => $8,
         p_execution_time_ms => $9, p_started_at => to_timestamp($10 / 1000.0), p_completed_at => to_timestamp($11 / 1000.0),
         p_contact_id => $12) as e`,
      [
        job.workspaceId,
        job.connectorId,
        STATUS[record.status],
        job.runId,
        JSON.stringify(record.steps),
        JSON.stringify(record.inputs),
        JSON.stringify({ contact: record.contact, revision }),
        record.error?.message ?? null,
        Math.max(0, Math.round(record.durationMs)),
        record.startedAt,
        record.finishedAt,
        job.contactId ?? null,
      ],
    );
    const stored = rows[0]!.e;
    return { id: stored.id, status: stored.status };
  });
}
