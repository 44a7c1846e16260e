/**
 * Writing a finished run: record_execution keyed by the run id (client_run_id), so a retried
 * job, a duplicate enqueue or a crash after the write all end with one row, and the
 * connector's statistics (updated inside record_execution) are counted once.
 */
import type { ExecutionRecord } from '#core';
import type { ConnectorJob } from './job.js';
import { slotUnlockExpression, type ConnectorSlot } from './connectorSlots.js';
import type { SqlRunner } from './database.js';

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

/** The request is being executed now (History shows it "running"), when the job's first statement could not mark it (its slot was busy). */
export async function markRunStarted(sql: SqlRunner, job: ConnectorJob): Promise<void> {
  await sql.query(`update public.connector_run_requests set started_at = now() where id = $1 and workspace_id = $2`, [job.runId, job.workspaceId]);
}

/**
 * One statement: record_execution and, when the run held a connector slot, its release right
 * after the row is written (a materialized CTE runs first). If the record fails the slot stays
 * held, and the caller frees it.
 */
export async function recordExecution(sql: SqlRunner, job: ConnectorJob, record: ExecutionRecord, revision: number, slot?: ConnectorSlot): Promise<StoredExecution> {
  const { rows } = await sql.query<{ e: { id: string; status: ExecutionStatus } }>(
    `with recorded as materialized (
       select public.record_execution(
         p_workspace_id => $1, p_connector_id => $2, p_status => $3, p_client_run_id => $4, p_source => 'server',
         p_steps_executed => $5, p_input_data => $6, p_output_data => $7, p_error_message => $8,
         p_execution_time_ms => $9, p_started_at => to_timestamp($10 / 1000.0), p_completed_at => to_timestamp($11 / 1000.0),
         p_contact_id => $12) as e)
     select e${slot ? `, ${slotUnlockExpression('$2', '$13')} as unlocked` : ''} from recorded`,
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
        ...(slot ? [slot.slot] : []),
      ],
    );
  const stored = rows[0]!.e;
  return { id: stored.id, status: stored.status };
}
