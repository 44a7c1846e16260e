/** Server executions of synced connectors (`serverRuns.*`, issue 14 §3) and the SaaS admins' metrics (`admin.*`). */
import { z } from 'zod';
import { call, connectorId, noParams, type DomainCallSpecs } from './call.js';
import { InputValueSchema } from './runs.js';

/** One server execution of a connector as History lists it: queued, running, then its outcome. */
export const ServerRunSchema = z.object({
  runId: z.string(),
  contactId: z.string().nullable(),
  /** The failed run this one retries. */
  retryOf: z.string().nullable(),
  requestedAt: z.number(),
  startedAt: z.number().nullable(),
  completedAt: z.number().nullable(),
  status: z.enum(['queued', 'running', 'success', 'failed', 'timeout']),
  durationMs: z.number().nullable(),
  steps: z.object({ success: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  error: z.string().nullable(),
});
export type ServerRun = z.infer<typeof ServerRunSchema>;

/** Server runs of one connector; `unavailable` says why there are none to show (signed out, not synced…). */
export const ServerRunListSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('available'), runs: z.array(ServerRunSchema) }),
  /** signed_out / not_linked: no Supabase workspace here; not_synced: this connector has no synced copy yet; error: the server refused or is unreachable. */
  z.object({ status: z.literal('unavailable'), kind: z.enum(['signed_out', 'not_linked', 'not_synced', 'error']), reason: z.string() }),
]);
export type ServerRunList = z.infer<typeof ServerRunListSchema>;

const AdminWorkspaceMetricsSchema = z.object({
  id: z.string(),
  name: z.string(),
  connectors: z.number().int(),
  executionsPerWeek: z.number().int(),
  serverRunsPerWeek: z.number().int(),
  failureRate: z.number().nullable(),
  p95ExecutionMs: z.number().nullable(),
});
/** SaaS admins: the success metrics across every workspace, and adoption. */
export const AdminMetricsSchema = z.object({
  workspaces: z.number().int(),
  workspacesWithConnector: z.number().int(),
  /** Share of workspaces with at least one connector, 0..1. */
  adoption: z.number().nullable(),
  connectors: z.number().int(),
  executionsPerWeek: z.number().int(),
  serverRunsPerWeek: z.number().int(),
  executionsPerConnectorPerWeek: z.number().nullable(),
  failureRate: z.number().nullable(),
  p95ExecutionMs: z.number().nullable(),
  byWorkspace: z.array(AdminWorkspaceMetricsSchema),
});
export type AdminMetrics = z.infer<typeof AdminMetricsSchema>;

export const serverRunsCalls = {
  /** Queues a server execution of the synced connector with these inputs (enqueue_connector_runs); returns its run id. */
  'serverRuns.enqueue': call(z.object({ connectorId, inputs: z.record(z.string(), InputValueSchema) }).strict(), z.object({ runId: z.string() })),
  /** The connector's latest server runs, newest first (poll it while some are queued or running). */
  'serverRuns.list': call(z.object({ connectorId }).strict(), ServerRunListSchema),
  /** Queues a failed server run again with the same inputs and contact. */
  'serverRuns.retry': call(z.object({ connectorId, runId: z.string().uuid() }).strict(), z.object({ runId: z.string() })),
} satisfies DomainCallSpecs<'serverRuns'>;

export const adminCalls = {
  /** SaaS admins' metrics across workspaces; null for everyone else (and when signed out). */
  'admin.metrics': call(noParams, AdminMetricsSchema.nullable()),
} satisfies DomainCallSpecs<'admin'>;
