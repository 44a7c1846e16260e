/**
 * Server runs from the app (issue 14 §3): "Run on server" queues the synced connector through
 * enqueue_connector_runs, History lists its server runs (server_runs, polled while some are
 * queued or running), a failed one is queued again (retry_server_run), and SaaS admins read
 * saas_metrics. All through the signed-in user's Supabase client, so RLS decides.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { HostError, type AdminMetrics, type ServerRun, type ServerRunList } from '../../contract/hostApi.js';
import type { InputValue } from '#core';
import type { AccountService } from './AccountService.js';

interface ServerRunRow {
  run_id: string;
  contact_id: string | null;
  retry_of: string | null;
  requested_at: string;
  started_at: string | null;
  completed_at: string | null;
  status: ServerRun['status'];
  duration_ms: number | null;
  steps_succeeded: number;
  steps_failed: number;
  steps_skipped: number;
  error_message: string | null;
}

const time = (value: string | null) => (value ? Date.parse(value) : null);

function toServerRun(row: ServerRunRow): ServerRun {
  return {
    runId: row.run_id,
    contactId: row.contact_id,
    retryOf: row.retry_of,
    requestedAt: Date.parse(row.requested_at),
    startedAt: time(row.started_at),
    completedAt: time(row.completed_at),
    status: row.status,
    durationMs: row.duration_ms,
    steps: { success: row.steps_succeeded, failed: row.steps_failed, skipped: row.steps_skipped },
    error: row.error_message,
  };
}

/** A refusal from the database, in the user's terms (its message and hint are written for them). */
function refused(action: string, error: { message: string; hint?: string | null; code?: string }): HostError {
  if (!error.code) return new HostError('IO_ERROR', `Could not ${action}: Supabase is unreachable.`, { hint: 'Check the connection and try again.' });
  const code = error.code === 'PT404' ? 'NOT_FOUND' : error.code === '42501' ? 'UNAUTHORIZED' : 'UNSUPPORTED';
  return new HostError(code, `Could not ${action}: ${error.message}.`, error.hint ? { hint: `${error.hint[0]!.toUpperCase()}${error.hint.slice(1)}.` } : {});
}

export class ServerRunService {
  constructor(private readonly account: AccountService) {}

  async enqueue(localId: string, inputs: Record<string, InputValue>): Promise<{ runId: string }> {
    const remote = await this.require(localId);
    const { data, error } = await remote.client.rpc('enqueue_connector_runs', { p_workspace_id: remote.workspaceId, p_connector_id: remote.remoteId, p_inputs: inputs });
    if (error) throw refused('queue the run on the server', error);
    return { runId: String((data as string[])[0]) };
  }

  async list(localId: string): Promise<ServerRunList> {
    const remote = await this.account.remoteConnector(localId);
    if ('problem' in remote) return { status: 'unavailable', kind: remote.kind, reason: remote.problem };
    const { data, error } = await remote.client.rpc('server_runs', { p_workspace_id: remote.workspaceId, p_connector_id: remote.remoteId, p_limit: 50 });
    if (error) return { status: 'unavailable', kind: 'error', reason: refused('list the server runs', error).message };
    const runs = ((data ?? []) as ServerRunRow[]).map(toServerRun);
    // A run that just finished changes the card figures: read them afresh next time.
    if (runs.some((run) => run.completedAt !== null && Date.now() - run.completedAt < 30_000)) this.account.forgetTeamStats();
    return { status: 'available', runs };
  }

  async retry(localId: string, runId: string): Promise<{ runId: string }> {
    const remote = await this.require(localId);
    const { data, error } = await remote.client.rpc('retry_server_run', { p_workspace_id: remote.workspaceId, p_run_id: runId });
    if (error) throw refused('retry the server run', error);
    return { runId: String(data) };
  }

  /** saas_metrics for SaaS admins; null for everyone else and when signed out. */
  async adminMetrics(): Promise<AdminMetrics | null> {
    const context = await this.account.signedInContext();
    if (!context) return null;
    const { data, error } = await (context.client as SupabaseClient).rpc('saas_metrics');
    if (error) {
      if (error.code === '42501') return null;
      throw refused('read the SaaS metrics', error);
    }
    return data as AdminMetrics;
  }

  private async require(localId: string) {
    const remote = await this.account.remoteConnector(localId);
    if ('problem' in remote) throw new HostError('UNAUTHORIZED', remote.problem);
    return remote;
  }
}
