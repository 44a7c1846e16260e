/**
 * The host API contract: every call the renderer can make and every event it can
 * receive, as zod schemas plus the types derived from them. Shared by the renderer
 * (renderer/platform/hostApi.ts), the Electron main process (electron/ipcRegistry.ts)
 * and browser mode (host/server/). Every payload is validated against `hostCalls`
 * before it reaches a host service.
 *
 * Results are described with zod too, but the host trusts its own results: complex
 * core records (ExecutionRecord, RunEvent) are typed with `z.custom` instead of being
 * re-declared here.
 */
import { z } from 'zod';
import { ConnectorSchema, IDENTIFIER, type Connector } from '../core/schema/connector.js';
import type { ExecutionRecord, InputValue, RunEvent, RunStatus } from '../core/executor/types.js';
import type { HostCallName, HostEventName } from './hostCallNames.js';
import type { SerializedHostError } from './hostError.js';
import {
  PublishPreviewSchema, TemplateApplyUpdateParamsSchema, TemplateApplyUpdateResultSchema, TemplateCatalogueSchema, TemplateDetailSchema, TemplateInstallParamsSchema, TemplateInstallResultSchema,
  TemplatePublishParamsSchema, TemplateRatingSchema, TemplateReportSchema, TemplateSummarySchema, TemplateUpdateSchema,
  templateFeatureParams, templateHideParams, templateIdParams, templatePublishPreviewParams, templateRateParams, templateReportParams, templateResolveReportParams,
} from './templatesApi.js';
import { OAuthConnectParamsSchema, OAuthConnectResultSchema, OAuthConnectionStatusSchema, OAuthCredentialParamsSchema, OAuthFlowParamsSchema } from './oauthApi.js';

export * from './hostCallNames.js';
export * from './hostError.js';
export * from './templatesApi.js';
export * from './oauthApi.js';

/** Bumped on any incompatible change to a call or event. */
export const HOST_API_VERSION = 1 as const;

const noParams = z.object({}).strict().optional();
const connectorId = z.string().min(1).max(200);
const absolutePath = z.string().min(1, 'give a folder path').max(4096);

// ── shared shapes ──────────────────────────────────────────────────────────────

export const ValidationIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  stepId: z.string().optional(),
  edgeId: z.string().optional(),
  severity: z.enum(['error', 'warning']),
});
export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;

export const VaultStatusSchema = z.object({
  /** How the data key is protected: Electron safeStorage or an owner-only key file. */
  protector: z.enum(['safeStorage', 'keyFile']),
  /** False when the key is stored in a way other local users or apps could read. */
  secure: z.boolean(),
  /** Why it is not available or not secure, in words the user can act on. */
  message: z.string().optional(),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
  apiVersion: z.number(),
  vault: VaultStatusSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const WorkspaceInfoSchema = z.object({
  path: z.string(),
  /** The folder's base name, for titles. */
  name: z.string(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

export const RecentWorkspaceSchema = WorkspaceInfoSchema.extend({
  openedAt: z.number(),
  /** False when the folder has since been moved or deleted. */
  exists: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>;

export const PickFolderResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('picked'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  /** Browser mode has no native dialog: the UI shows a path text field instead. */
  z.object({ status: z.literal('unsupported'), reason: z.string() }),
]);
export type PickFolderResult = z.infer<typeof PickFolderResultSchema>;

export const WeekMetricsSchema = z.object({
  executions: z.number().int(),
  serverRuns: z.number().int(),
  /** Failed or timed out, 0..1. */
  failureRate: z.number().nullable(),
  p95DurationMs: z.number().nullable(),
});
export type WeekMetrics = z.infer<typeof WeekMetricsSchema>;

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

/** One dashboard card, or a file that could not be read (listed, never dropped). */
export const ConnectorListEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('connector'),
    id: z.string(),
    file: z.string(),
    hash: z.string(),
    name: z.string(),
    description: z.string(),
    icon: z.string(),
    category: z.string(),
    enabled: z.boolean(),
    stepCount: z.number().int(),
    /** Validation errors (not warnings) the document has right now. */
    errorCount: z.number().int(),
    modifiedAt: z.number(),
    stats: RunStatsSchema,
  }),
  z.object({
    kind: z.literal('invalid'),
    file: z.string(),
    /** Why the file could not be loaded, and what to do about it. */
    error: z.object({ message: z.string(), hint: z.string().optional(), issues: z.array(ValidationIssueSchema).default([]) }),
    modifiedAt: z.number(),
  }),
]);
export type ConnectorListEntry = z.infer<typeof ConnectorListEntrySchema>;

export const StoredConnectorSchema = z.object({
  id: z.string(),
  file: z.string(),
  /** Content hash of the file as read; pass it back as `baseHash` when saving. */
  hash: z.string(),
  connector: z.custom<Connector>(),
  issues: z.array(ValidationIssueSchema),
});

export const SaveResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), id: z.string(), file: z.string(), hash: z.string() }),
  /** The file changed on disk since `baseHash`: nothing was written. */
  z.object({ status: z.literal('conflict'), id: z.string(), file: z.string(), currentHash: z.string().nullable(), message: z.string() }),
]);
export type SaveResult = z.infer<typeof SaveResultSchema>;

export const CredentialSummarySchema = z.object({
  name: z.string(),
  /** Never the value: bullets, plus at most the last 2 characters of long values. */
  mask: z.string(),
  updatedAt: z.number(),
});
export type CredentialSummary = z.infer<typeof CredentialSummarySchema>;

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

export const THEMES = ['system', 'light', 'dark'] as const;
export const AppSettingsSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  defaultRunMode: RunModeSchema.default('mock'),
  /** HTTP(S) proxy URL for live runs; empty = direct. */
  proxy: z.string().max(2048).default(''),
  supabaseUrl: z.string().max(2048).default(''),
  /** The public anon key (not a secret: row-level security protects the data). */
  supabaseAnonKey: z.string().max(4096).default(''),
  /** Linux without a keyring: allow the vault key in plaintext-equivalent storage. */
  allowInsecureKeyStorage: z.boolean().default(false),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;

const httpUrlOrEmpty = (what: string) =>
  z.string().max(2048).refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { message: `${what} must be an http(s) URL, or empty` });

/** Why a proxy URL cannot be used (it must be http(s)://host:port), or null; empty means no proxy. */
export function proxyUrlProblem(value: string): string | null {
  if (value === '') return null;
  const example = 'for example http://proxy.example.com:8080';
  // "proxy.example.com:8080" would parse with "proxy.example.com:" as its scheme.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return `The proxy must start with http:// or https://, ${example}.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `The proxy is not a URL; write it as http(s)://host:port, ${example}.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The proxy must start with http:// or https://, ${example}.`;
  if (!url.hostname) return `The proxy needs a host name, ${example}.`;
  // URL drops a default port (":80" for http), so look for one in the text itself.
  if (!url.port && !/:\d+\/?$/.test(value)) return `The proxy needs a port after the host, ${example}.`;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return `The proxy is only scheme, host and port (no path), ${example}.`;
  return null;
}

export const AppSettingsPatchSchema = z
  .object({
    theme: z.enum(THEMES),
    defaultRunMode: RunModeSchema,
    proxy: z.string().max(2048).superRefine((value, ctx) => {
      const problem = proxyUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    supabaseUrl: httpUrlOrEmpty('The Supabase URL'),
    supabaseAnonKey: z.string().max(4096),
    allowInsecureKeyStorage: z.boolean(),
  })
  .partial()
  .strict();
export type AppSettingsPatch = z.infer<typeof AppSettingsPatchSchema>;

export const EXPORT_FORMATS = ['app', 'interchange'] as const;

// ── environments (issue 15) ────────────────────────────────────────────────────

const environmentName = z.string().regex(IDENTIFIER, 'an environment name uses letters, digits and _ and starts with a letter or _').max(100);

export const EnvironmentViewSchema = z.object({
  name: z.string(),
  variables: z.record(z.string(), z.string()),
  /** Secret variables: names, and whether the vault holds a value (never the value). */
  secrets: z.array(z.object({ name: z.string(), set: z.boolean() })),
  confirmLiveRuns: z.boolean(),
});
export type EnvironmentView = z.infer<typeof EnvironmentViewSchema>;

export const EnvironmentSaveParamsSchema = z.object({
  name: environmentName,
  variables: z.record(environmentName, z.string().max(4096)).default({}),
  secrets: z.array(environmentName).default([]),
  confirmLiveRuns: z.boolean().default(false),
}).strict();

// ── OpenAPI import (issue 15) ──────────────────────────────────────────────────

/** A pasted or picked spec (JSON or YAML text); it may refer to no local file, and to remote ones only when allowed. */
const openApiSource = {
  content: z.string().min(1, 'paste or choose an OpenAPI spec').max(10 * 1024 * 1024, 'the spec is larger than 10 MB'),
  allowRemoteRefs: z.boolean().default(false),
};

export const OpenApiOverviewSchema = z.object({
  title: z.string(),
  version: z.string(),
  specification: z.string(),
  operations: z.array(z.object({ id: z.string(), method: z.string(), path: z.string(), summary: z.string(), tags: z.array(z.string()), deprecated: z.boolean() })),
  /** Rules of OpenAPI the spec breaks (it still imports). */
  warnings: z.array(z.string()),
});
export type OpenApiOverview = z.infer<typeof OpenApiOverviewSchema>;

export const OpenApiConversionSchema = z.object({
  /** Not saved: the renderer opens it as a new document. */
  connector: z.custom<Connector>(),
  notes: z.array(z.string()),
});
export type OpenApiConversion = z.infer<typeof OpenApiConversionSchema>;

// ── account and sync (issue 5) ─────────────────────────────────────────────────

export const AccountStatusSchema = z.object({
  /** False until settings hold a Supabase URL and anon key. */
  configured: z.boolean(),
  user: z.object({ id: z.string(), email: z.string() }).nullable(),
  /** The remote workspace linked to the open workspace folder. */
  workspace: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Finished local test runs are pushed (redacted) to connector_executions. */
  pushRuns: z.boolean(),
});
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

export const RemoteWorkspaceSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type RemoteWorkspace = z.infer<typeof RemoteWorkspaceSchema>;

export const SyncConflictViewSchema = z.object({
  localId: z.string(),
  kind: z.enum(['edited_on_both', 'deleted_on_server', 'edited_on_server_deleted_here', 'name_taken', 'id_taken']),
  name: z.string(),
  /** This device's document (null: deleted here). */
  mine: z.record(z.string(), z.unknown()).nullable(),
  /** The server's document (null: deleted there, or not shown). */
  theirs: z.record(z.string(), z.unknown()).nullable(),
  /** What differs, field by field ("description changed", "step_2 URL changed"); both sides are in the file's canonical form. */
  summary: z.array(z.string()).default([]),
  serverRevision: z.number().nullable(),
  /** Who wrote the server's side ("Bob"), when the server says. */
  serverAuthor: z.string().nullable().optional(),
  detectedAt: z.number(),
});
export type SyncConflictView = z.infer<typeof SyncConflictViewSchema>;

export const SyncLogEntrySchema = z.object({
  at: z.number(),
  direction: z.enum(['push', 'pull']),
  /** set_aside: a pulled version that is not a valid connector, kept out of the folder. */
  action: z.enum(['created', 'updated', 'deleted', 'conflict', 'set_aside', 'resolved']),
  localId: z.string(),
  name: z.string(),
  /** For `resolved`: how ("kept mine"). */
  detail: z.string().optional(),
});
export type SyncLogEntry = z.infer<typeof SyncLogEntrySchema>;

/** Something a teammate did that this user should hear about ("Bob kept their version of Phone lookup; yours is in History"). */
export const SyncNoticeSchema = z.object({
  id: z.string(),
  at: z.number(),
  /** The connector it is about (open its History from the notice). */
  localId: z.string(),
  name: z.string(),
  message: z.string(),
});
export type SyncNotice = z.infer<typeof SyncNoticeSchema>;

/** One server revision of a synced connector (newest first in sync.history). */
export const ConnectorRevisionSchema = z.object({
  revision: z.number().int(),
  kind: z.enum(['created', 'edited', 'deleted', 'kept_mine', 'restored']),
  name: z.string(),
  deleted: z.boolean(),
  /** How the app names the author ("Bob"); null when the account is gone. */
  authorName: z.string().nullable(),
  mine: z.boolean(),
  at: z.number(),
  /** kept_mine: the revision it was saved over. */
  replacedRevision: z.number().int().nullable(),
  /** restored: the revision it brought back. */
  restoredFrom: z.number().int().nullable(),
});
export type ConnectorRevision = z.infer<typeof ConnectorRevisionSchema>;

/** A local connector not pushed to the team until its literal secrets move into credentials (never the values: a mask). */
export const HeldConnectorSchema = z.object({
  localId: z.string(),
  name: z.string(),
  secrets: z.array(z.object({
    /** Where in the document (sync.moveSecret names it). */
    path: z.string(),
    /** In words: the "Authorization" header of step lookup. */
    where: z.string(),
    suggestedName: z.string(),
    mask: z.string(),
  })),
});
export type HeldConnector = z.infer<typeof HeldConnectorSchema>;

/** SyncStatusSchema is declared with the events below; lazy so hostCalls can use it. */
const syncStatusResult = z.lazy(() => SyncStatusSchema);

// ── calls ──────────────────────────────────────────────────────────────────────

interface CallSpec<P extends z.ZodType, R extends z.ZodType> {
  params: P;
  result: R;
}
const call = <P extends z.ZodType, R extends z.ZodType>(params: P, result: R): CallSpec<P, R> => ({ params, result });

export const hostCalls = {
  'app.info': call(noParams, AppInfoSchema),

  'workspace.current': call(noParams, WorkspaceInfoSchema.nullable()),
  'workspace.open': call(z.object({ path: absolutePath }).strict(), WorkspaceInfoSchema),
  /** Creates the folder when missing (it must be empty or absent) and opens it. */
  'workspace.create': call(z.object({ path: absolutePath }).strict(), WorkspaceInfoSchema),
  'workspace.recent': call(noParams, z.array(RecentWorkspaceSchema)),
  'workspace.pickFolder': call(z.object({ title: z.string().max(200).optional() }).strict().optional(), PickFolderResultSchema),

  'connectors.list': call(noParams, z.array(ConnectorListEntrySchema)),
  'connectors.get': call(z.object({ id: connectorId }).strict(), StoredConnectorSchema),
  /**
   * Writes the connector's file. With `baseHash`, refuses (status `conflict`) when the
   * file changed on disk since; without it, refuses when a file for this id exists —
   * unless `force` (the user chose "keep mine").
   */
  'connectors.save': call(
    z.object({ connector: ConnectorSchema, baseHash: z.string().optional(), force: z.boolean().optional() }).strict(),
    SaveResultSchema,
  ),
  'connectors.delete': call(z.object({ id: connectorId, baseHash: z.string().optional() }).strict(), z.object({ deleted: z.boolean() })),
  /** The app's own file or the interchange format (`auto` detects). A clashing id gets a fresh one. */
  'connectors.import': call(
    z.object({ content: z.string().min(1).max(5_000_000), format: z.enum(['auto', ...EXPORT_FORMATS]).default('auto') }).strict(),
    z.object({ id: z.string(), file: z.string(), hash: z.string(), issues: z.array(ValidationIssueSchema) }),
  ),
  'connectors.export': call(
    /** `environment`: the interchange export maps `{{env.x}}` from it (inputs with its values as defaults; secret ones as workspace credentials). */
    z.object({ id: connectorId, format: z.enum(EXPORT_FORMATS), environment: environmentName.optional() }).strict(),
    z.object({ fileName: z.string(), content: z.string() }),
  ),

  /** Reads a spec and lists its operations; nothing is written. */
  'openapi.inspect': call(z.object(openApiSource).strict(), OpenApiOverviewSchema),
  /** The connector the chosen operations become (a preview; nothing is written). */
  'openapi.convert': call(z.object({ ...openApiSource, operationIds: z.array(z.string().min(1).max(500)).min(1, 'pick at least one operation').max(10) }).strict(), OpenApiConversionSchema),

  /** The open workspace's environments (environments.json; secret values stay in the vault). */
  'environments.list': call(noParams, z.array(EnvironmentViewSchema)),
  'environments.save': call(EnvironmentSaveParamsSchema, z.array(EnvironmentViewSchema)),
  'environments.delete': call(z.object({ name: environmentName }).strict(), z.array(EnvironmentViewSchema)),
  /** Renames an environment, moving its secret values in the vault with it. */
  'environments.rename': call(z.object({ name: environmentName, to: environmentName }).strict(), z.array(EnvironmentViewSchema)),
  /** Stores a secret variable's value in the vault (and lists the name in environments.json). */
  'environments.setSecret': call(z.object({ environment: environmentName, name: environmentName, value: z.string().min(1, 'the value is empty').max(65_536) }).strict(), z.array(EnvironmentViewSchema)),

  'credentials.list': call(noParams, z.array(CredentialSummarySchema)),
  /** OAuth 2.0 authorization code: starts a sign-in (loopback redirect); `oauth.finish` waits for it and stores the tokens. */
  'oauth.connect': call(OAuthConnectParamsSchema, OAuthConnectResultSchema),
  'oauth.finish': call(OAuthFlowParamsSchema, OAuthConnectionStatusSchema),
  'oauth.status': call(OAuthCredentialParamsSchema, OAuthConnectionStatusSchema),
  /** Forgets the connection's tokens (the credential is deleted from the vault). */
  'oauth.disconnect': call(OAuthCredentialParamsSchema, OAuthConnectionStatusSchema),
  'credentials.set': call(
    z.object({ name: z.string().regex(IDENTIFIER, 'a credential name uses letters, digits and _ and starts with a letter or _').max(100), value: z.string().min(1, 'the value is empty').max(65_536) }).strict(),
    CredentialSummarySchema,
  ),
  'credentials.delete': call(z.object({ name: z.string().min(1).max(100) }).strict(), z.object({ deleted: z.boolean() })),

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

  'settings.get': call(noParams, AppSettingsSchema),
  'settings.update': call(AppSettingsPatchSchema, AppSettingsSchema),

  'account.status': call(noParams, AccountStatusSchema),
  'account.signIn': call(z.object({ email: z.string().min(3).max(320), password: z.string().min(1, 'enter your password').max(1024) }).strict(), AccountStatusSchema),
  'account.signOut': call(noParams, AccountStatusSchema),
  'account.workspaces': call(noParams, z.array(RemoteWorkspaceSchema)),
  /** Links the open workspace folder to a remote workspace (null unlinks); `pushRuns` toggles run upload. */
  'account.selectWorkspace': call(z.object({ workspaceId: z.string().uuid().nullable(), pushRuns: z.boolean().optional() }).strict(), AccountStatusSchema),
  'sync.now': call(noParams, syncStatusResult),
  'sync.status': call(noParams, syncStatusResult),
  'sync.conflicts': call(noParams, z.array(SyncConflictViewSchema)),
  'sync.resolve': call(z.object({ localId: connectorId, resolution: z.enum(['keep-mine', 'keep-theirs', 'keep-both']) }).strict(), syncStatusResult),
  'sync.log': call(noParams, z.array(SyncLogEntrySchema)),
  'sync.notices': call(noParams, z.array(SyncNoticeSchema)),
  /** Connectors of the open folder held back from the team by a literal secret. */
  'sync.held': call(noParams, z.array(HeldConnectorSchema)),
  /** One click from the warning: the literal becomes a vault credential, the field refers to it, and sync runs. */
  'sync.moveSecret': call(z.object({ localId: connectorId, path: z.string().min(1).max(500) }).strict(), z.object({ credential: z.string(), status: syncStatusResult })),
  'sync.dismissNotice': call(z.object({ id: z.string().min(1).max(300) }).strict(), z.object({ dismissed: z.boolean() })),
  /** The server's revisions of one synced connector (empty when it is not synced). */
  'sync.history': call(z.object({ localId: connectorId }).strict(), z.array(ConnectorRevisionSchema)),
  /** Writes an earlier revision to the connector's file and syncs it as a new revision. */
  'sync.restore': call(z.object({ localId: connectorId, revision: z.number().int().min(1) }).strict(), syncStatusResult),

  // ── server runs (issue 14 §3) ──
  /** Queues a server execution of the synced connector with these inputs (enqueue_connector_runs); returns its run id. */
  'serverRuns.enqueue': call(z.object({ connectorId, inputs: z.record(z.string(), InputValueSchema) }).strict(), z.object({ runId: z.string() })),
  /** The connector's latest server runs, newest first (poll it while some are queued or running). */
  'serverRuns.list': call(z.object({ connectorId }).strict(), ServerRunListSchema),
  /** Queues a failed server run again with the same inputs and contact. */
  'serverRuns.retry': call(z.object({ connectorId, runId: z.string().uuid() }).strict(), z.object({ runId: z.string() })),
  /** SaaS admins' metrics across workspaces; null for everyone else (and when signed out). */
  'admin.metrics': call(noParams, AdminMetricsSchema.nullable()),

  // ── template marketplace (issue 6) ──
  /** Built-in templates (offline) merged with the Supabase project's when signed in. */
  'templates.list': call(z.object({ builtinOnly: z.boolean().optional() }).strict().optional(), TemplateCatalogueSchema),
  'templates.get': call(templateIdParams, TemplateDetailSchema),
  /** Credential values go to the vault; the new connector references them. Remote installs are counted. */
  'templates.install': call(TemplateInstallParamsSchema, TemplateInstallResultSchema),
  /** The publish check and exactly what would be published; nothing is sent. */
  'templates.publishPreview': call(templatePublishPreviewParams, PublishPreviewSchema),
  'templates.publish': call(TemplatePublishParamsSchema, TemplateSummarySchema),
  'templates.feature': call(templateFeatureParams, TemplateSummarySchema),
  'templates.hide': call(templateHideParams, TemplateSummarySchema),
  'templates.rate': call(templateRateParams, TemplateRatingSchema),
  /** Installed connectors whose template has a newer version, with what changed (never applied automatically). */
  'templates.updates': call(noParams, z.array(TemplateUpdateSchema)),
  /** Replaces an installed connector with its template's latest version (id, name, file and credentials kept; optionally a copy of the old one). */
  'templates.applyUpdate': call(TemplateApplyUpdateParamsSchema, TemplateApplyUpdateResultSchema),
  /** Reports on templates (moderators see all, others their own). */
  'templates.reports': call(noParams, z.array(TemplateReportSchema)),
  /** Files a report on a Supabase template (signed-in users; a second open report is refused). */
  'templates.report': call(templateReportParams, TemplateReportSchema),
  /** Moderators resolve or dismiss an open report (admins with can_moderate; the server decides). */
  'templates.resolveReport': call(templateResolveReportParams, TemplateReportSchema),
} as const satisfies Record<HostCallName, CallSpec<z.ZodType, z.ZodType>>;

// Compile-time check that hostCallNames.ts and hostCalls list the same calls.
type _SameCalls = [keyof typeof hostCalls] extends [HostCallName] ? ([HostCallName] extends [keyof typeof hostCalls] ? true : never) : never;
const _sameCalls: _SameCalls = true;
void _sameCalls;

export type HostCallParams<N extends HostCallName> = z.input<(typeof hostCalls)[N]['params']>;
export type HostCallParsedParams<N extends HostCallName> = z.output<(typeof hostCalls)[N]['params']>;
export type HostCallResult<N extends HostCallName> = z.output<(typeof hostCalls)[N]['result']>;

type Namespace<N extends string> = N extends `${infer NS}.${string}` ? NS : never;
type Method<N extends string, NS extends string> = N extends `${NS}.${infer M}` ? M : never;
type CallFn<N extends HostCallName> = undefined extends HostCallParams<N>
  ? (params?: HostCallParams<N>) => Promise<HostCallResult<N>>
  : (params: HostCallParams<N>) => Promise<HostCallResult<N>>;

/**
 * The host API as the renderer sees it: one namespace per domain, one named method per
 * call, e.g. `host.connectors.save({ connector, baseHash })`.
 */
export type HostApi = {
  [NS in Namespace<HostCallName>]: { [M in Method<HostCallName, NS>]: CallFn<`${NS}.${M}` & HostCallName> };
};

// ── events ─────────────────────────────────────────────────────────────────────

export const SyncStatusSchema = z.object({
  state: z.enum(['signed_out', 'synced', 'pending', 'syncing', 'offline', 'conflict', 'error']),
  pending: z.number().int().optional(),
  conflicts: z.number().int().optional(),
  lastSyncedAt: z.number().nullable().optional(),
  message: z.string().optional(),
  /** Pulled documents kept out of the folder because they are not valid connectors (the message names them). */
  setAside: z.number().int().optional(),
  /** Local connectors not shared with the team until a literal secret in them moves into a credential. */
  held: z.number().int().optional(),
  /** offline: no network; unreachable: the network is up but the Supabase project does not answer; session: the sign-in expired. */
  reason: z.enum(['offline', 'unreachable', 'session', 'revoked', 'server']).optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const APP_COMMANDS = ['new', 'openWorkspace', 'save', 'undo', 'redo', 'run'] as const;

export const hostEvents = {
  /** One core RunEvent of a run started with runs.start. */
  'run.event': z.object({ runId: z.string(), connectorId: z.string(), event: z.custom<RunEvent>() }),
  /** A connector file changed on disk by someone else (git pull, an editor). Our own writes are not reported. */
  'store.changed': z.object({
    kind: z.enum(['added', 'changed', 'removed']),
    file: z.string(),
    /** Absent when the file is unreadable or invalid. */
    id: z.string().optional(),
    hash: z.string().optional(),
    /** The teammate whose synced revision made this change ("Bob"): "deleted by Bob". */
    by: z.string().max(200).optional(),
  }),
  /** Another workspace was opened (e.g. from the Electron menu). */
  'workspace.changed': z.object({ workspace: WorkspaceInfoSchema.nullable() }),
  'sync.status': SyncStatusSchema,
  /** A menu item or accelerator the renderer acts on (Electron). */
  'app.command': z.object({ command: z.enum(APP_COMMANDS) }),
} as const satisfies Record<HostEventName, z.ZodType>;

export type HostEvents = { [E in HostEventName]: z.output<(typeof hostEvents)[E]> };
export type HostEventHandler<E extends HostEventName> = (payload: HostEvents[E]) => void;
export type Unsubscribe = () => void;

/** Everything that can be subscribed to: the renderer's client and the host services share this. */
export interface HostEventSource {
  subscribe<E extends HostEventName>(name: E, handler: HostEventHandler<E>): Unsubscribe;
}

/** What `getHostApi()` returns in the renderer. */
export type HostClient = HostApi & HostEventSource;

/**
 * What the Electron preload exposes as `window.connectorStudio`: the same named methods,
 * returning the outcome envelope (contextBridge strips an Error's code and hint), plus subscribe.
 */
export type HostBridge = {
  [NS in keyof HostApi]: { [M in keyof HostApi[NS]]: (params?: unknown) => Promise<HostCallOutcome> };
} & HostEventSource;

/** The envelope every call returns across IPC and HTTP (errors are values, so nothing is lost in transit). */
export type HostCallOutcome<T = unknown> = { ok: true; value: T } | { ok: false; error: SerializedHostError };

/** One event as pushed over the browser-mode WebSocket. */
export interface HostEventMessage<E extends HostEventName = HostEventName> {
  event: E;
  payload: HostEvents[E];
}
