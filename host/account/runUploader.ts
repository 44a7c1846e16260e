/**
 * Pushes finished local test runs to `connector_executions` (record_execution RPC) so the
 * SaaS dashboard's statistics include them. Runs wait in an owner-only queue file until
 * their connector has reached the server; each record is redacted with the vault's values
 * again right before it leaves the machine (and refused if a value survives). Each upload
 * carries the run's id, so one retried after a lost answer is recorded once.
 */
import { createHash } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ExecutionRecord } from '#core';
import { readJsonFile, writeJsonFile } from '../fs/jsonFile.js';
import { guardedJson } from '../runs/secretGuard.js';

export interface QueuedRun {
  connectorId: string;
  record: ExecutionRecord;
}

export interface RunUploaderOptions {
  /** The queue file (user-data folder). */
  file: string;
  secrets: () => Promise<Record<string, string>>;
}

/** Run statuses the server records; a cancelled run is not an execution result. */
const SERVER_STATUS: Partial<Record<ExecutionRecord['status'], string>> = { success: 'success', failed: 'failed', timeout: 'timeout' };

export class RunUploader {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RunUploaderOptions) {}

  /** Remembers a finished run for the next upload. */
  enqueue(connectorId: string, record: ExecutionRecord): Promise<void> {
    if (!SERVER_STATUS[record.status]) return Promise.resolve();
    return this.exclusive(async () => {
      const secrets = await this.options.secrets();
      // Stored already redacted: the queue file must hold no more than the run history does.
      const safe = JSON.parse(guardedJson(record, secrets)) as ExecutionRecord;
      const runs = await this.read();
      if (!runs.some((r) => r.record.runId === record.runId)) runs.push({ connectorId, record: safe });
      await writeJsonFile(this.options.file, runs.slice(-1000), { mode: 0o600 });
    });
  }

  async pending(): Promise<number> {
    return (await this.read()).length;
  }

  /**
   * Uploads queued runs of connectors the server knows (`remoteIdOf` gives their server id).
   * Stops at the first failure; what was not sent stays queued. Returns how many were sent.
   */
  upload(client: SupabaseClient, workspaceId: string, remoteIdOf: (connectorId: string) => string | undefined): Promise<number> {
    return this.exclusive(async () => {
      const runs = await this.read();
      const secrets = await this.options.secrets();
      const left: QueuedRun[] = [];
      let sent = 0;
      let failed = false;
      let changed = false;
      for (const run of runs) {
        const remoteId = remoteIdOf(run.connectorId);
        if (failed || !remoteId) {
          left.push(run);
          continue;
        }
        const record = JSON.parse(guardedJson(run.record, secrets)) as ExecutionRecord;
        const { error } = await client.rpc('record_execution', {
          p_workspace_id: workspaceId,
          p_connector_id: remoteId,
          p_status: SERVER_STATUS[record.status],
          p_client_run_id: clientRunId(record.runId),
          p_source: 'local_test',
          p_steps_executed: record.steps,
          p_input_data: record.inputs,
          p_output_data: record.contact,
          p_error_message: record.error?.message ?? null,
          p_execution_time_ms: Math.round(record.durationMs),
          p_started_at: new Date(record.startedAt).toISOString(),
          p_completed_at: new Date(record.finishedAt).toISOString(),
        });
        if (error?.code === 'PT404') {
          changed = true; // the connector is gone from the server: nothing to attach the run to
          continue;
        }
        if (error) {
          failed = true;
          left.push(run);
          continue;
        }
        sent += 1;
        changed = true;
      }
      if (changed) await writeJsonFile(this.options.file, left, { mode: 0o600 });
      return sent;
    });
  }

  private read(): Promise<QueuedRun[]> {
    return readJsonFile<QueuedRun[]>(this.options.file, []);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The run's id as the UUID the server keys replays on. Runs started by the host already have
 * a UUID; any other id (a core fallback id) maps to the same name-based UUID every time.
 */
export function clientRunId(runId: string): string {
  if (UUID.test(runId)) return runId.toLowerCase();
  const bytes = createHash('sha256').update(`connector-studio/run/${runId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5 layout (name-based, SHA hash)
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
