/** Test runs in the app (`runs.*`): starting and cancelling them, their history and cassettes, and run stats. */
import { z } from 'zod';
import { ConnectorSchema, IDENTIFIER, type ExecutionRecord, type InputValue, type RunEvent, type RunStatus } from '#core';
import { call, connectorId, type DomainCallSpecs } from './call.js';

export const WeekMetricsSchema = z.object({
  executions: z.number().int(),
  serverRuns: z.number().int(),
  /** Failed or timed out, 0..1. */
  failureRate: z.number().nullable(),
  p95DurationMs: z.number().nullable(),
});
export type WeekMetrics = z.infer<typeof WeekMetricsSchema>;

export const RunStatsSchema = z.object({
  runs: z.number().int(),
  /** 0..1, null before the first run. */
  successRate: z.number().nullable(),
  p95DurationMs: z.number().nullable(),
  lastRunAt: z.number().nullable(),
  lastStatus: z.enum(['success', 'failed', 'cancelled', 'timeout']).nullable(),
  /** How many of `runs` teammates uploaded or the server ran (the linked Supabase workspace's records); absent when none. */
  teamRuns: z.number().int().optional(),
  /** The seed's success metrics over the last 7 days of the linked workspace's records (server runs included), computed in SQL. */
  week: WeekMetricsSchema.optional(),
});
export type RunStats = z.infer<typeof RunStatsSchema>;

export const RUN_MODES = ['live', 'mock', 'replay'] as const;
export const RunModeSchema = z.enum(RUN_MODES);
export type RunMode = z.infer<typeof RunModeSchema>;

export const InputValueSchema: z.ZodType<InputValue> = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A cassette's name: a file `<slug>.cassettes/<name>.json` next to the connector file. */
export const CassetteNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a cassette name uses letters, digits, _ and - only');

export const RunStartParamsSchema = z
  .object({
    /** Run the saved connector… */
    connectorId: connectorId.optional(),
    /** …or the editor's unsaved document (its id still names the history and cassettes). */
    connector: ConnectorSchema.optional(),
    inputs: z.record(z.string(), InputValueSchema).default({}),
    mode: RunModeSchema,
    onlySteps: z.array(z.string()).optional(),
    pinnedOutputs: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    contact: z.record(z.string(), z.unknown()).optional(),
    /** Live mode only: save the exchanges as a cassette for replay. */
    record: z.boolean().optional(),
    /** Cassette to replay from or record into. Default `default`. */
    cassette: CassetteNameSchema.optional(),
    /** The workspace environment whose variables `{{env.x}}` reads. */
    environment: z.string().regex(IDENTIFIER).max(100).optional(),
    /** The user confirmed a live run against an environment marked to ask first. */
    confirmed: z.boolean().optional(),
  })
  .refine((p) => (p.connectorId === undefined) !== (p.connector === undefined), { message: 'give exactly one of connectorId or connector' })
  .refine((p) => !p.record || p.mode === 'live', { message: 'only live runs can be recorded', path: ['record'] });

/** One file in a connector's `<slug>.cassettes/` folder; a file that cannot be read is listed with `error`. */
export const CassetteSummarySchema = z.object({
  name: z.string(),
  /** ISO date from the cassette; null when the file is not a readable cassette. */
  recordedAt: z.string().nullable(),
  interactions: z.number().int(),
  /** The environment it was recorded against (it replays under any). */
  environment: z.string().optional(),
  /** The inputs of the recorded run (redacted); absent in cassettes recorded before they were kept. */
  inputs: z.record(z.string(), InputValueSchema).optional(),
  /** Why the file cannot be replayed, and what to do about it. */
  error: z.string().optional(),
});
export type CassetteSummary = z.infer<typeof CassetteSummarySchema>;

export const RunSummarySchema = z.object({
  runId: z.string(),
  connectorId: z.string(),
  status: z.enum(['success', 'failed', 'cancelled', 'timeout']),
  mode: RunModeSchema,
  startedAt: z.number(),
  durationMs: z.number(),
  stepCounts: z.object({ success: z.number(), failed: z.number(), skipped: z.number() }),
  errorMessage: z.string().optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema> & { status: RunStatus };

export const StoredRunSchema = z.object({ mode: RunModeSchema, record: z.custom<ExecutionRecord>() });
export type StoredRun = z.infer<typeof StoredRunSchema>;

export const runsCalls = {
  'runs.start': call(RunStartParamsSchema, z.object({ runId: z.string(), connectorId: z.string() })),
  'runs.cancel': call(z.object({ runId: z.string().min(1) }).strict(), z.object({ cancelled: z.boolean() })),
  'runs.history': call(z.object({ connectorId, limit: z.number().int().min(1).max(1000).optional() }).strict(), z.array(RunSummarySchema)),
  'runs.get': call(z.object({ connectorId, runId: z.string().min(1) }).strict(), StoredRunSchema),
  /**
   * The connector's cassettes, newest first. `connectorName` names the folder of a connector
   * not saved yet (runs.start records an unsaved document under its name's slug).
   */
  'runs.cassettes': call(z.object({ connectorId, connectorName: z.string().max(500).optional() }).strict(), z.array(CassetteSummarySchema)),
  'runs.prune': call(z.object({ connectorId, keep: z.number().int().min(0).max(10_000) }).strict(), z.object({ removed: z.number().int() })),
} satisfies DomainCallSpecs<'runs'>;

export const runsEvents = {
  /** One core RunEvent of a run started with runs.start. */
  'run.event': z.object({ runId: z.string(), connectorId: z.string(), event: z.custom<RunEvent>() }),
};
