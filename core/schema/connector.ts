/**
 * The connector document: the app's own file format (schemaVersion 2).
 *
 * This module is the structural schema only (shapes, ranges, defaults). Rules that
 * need the whole document (references, cycles, limits, condition syntax) live in
 * `core/validation/` so every consumer gets the same errors with paths.
 */
// stepFields first, re-exported before anything else is imported: the step kinds (imported last)
// reach modules that read these fields through this one while it is still loading.
export * from './stepFields.js';
import { identifier, keyName } from './stepFields.js';
import { z } from 'zod';
import { CONNECTOR_LIMITS, DEFAULT_SETTINGS } from './limits.js';
import { AuthSchema } from '../auth/kinds/registry.js';
import { STEP_KINDS, StepSchema, type StepKindRegistry } from '../steps/registry.js';

export const CURRENT_SCHEMA_VERSION = 2 as const;


/** Auth blocks: one schema per auth kind, listed in core/auth/kinds/registry.ts. */
export { AuthSchema, type Auth, type AuthType } from '../auth/kinds/registry.js';

/** Steps: one schema per step kind, listed in core/steps/registry.ts. */
export { StepSchema, type Step, type StepKindName } from '../steps/registry.js';


export const EdgeSchema = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  /** Expression such as `{{step_2.companyId}} !== null`; absent = always taken. */
  condition: z.string().optional(),
});
export type Edge = z.infer<typeof EdgeSchema>;

export const INPUT_TYPES = ['string', 'number', 'boolean', 'email', 'phone', 'url', 'date'] as const;
export const InputSchema = z.object({
  name: identifier('An input name'),
  type: z.enum(INPUT_TYPES).default('string'),
  label: z.string().default(''),
  required: z.boolean().default(false),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  description: z.string().optional(),
});
export type Input = z.infer<typeof InputSchema>;

/** Contact fields every CRM contact has (the seed's "system fields"). */
export const SYSTEM_CONTACT_FIELDS = [
  'first_name', 'last_name', 'full_name', 'email', 'phone', 'company', 'title',
  'website', 'linkedin_url', 'address', 'city', 'state', 'country', 'postal_code', 'notes',
] as const;

export const isSystemContactField = (name: string): boolean => (SYSTEM_CONTACT_FIELDS as readonly string[]).includes(name);

export const FieldMappingSchema = z.object({
  /** `step_id.output` */
  source: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/, 'a mapping source looks like step_1.firstName'),
  /** A system field name, or a custom field name when `custom` is true. */
  target: keyName('A contact field').min(1, 'choose the contact field to fill'),
  custom: z.boolean().default(false),
  coerce: z.enum(['none', 'string', 'number', 'boolean', 'date']).default('none'),
  merge: z.enum(['overwrite', 'if_empty']).default('overwrite'),
});
export type FieldMapping = z.infer<typeof FieldMappingSchema>;

export const SettingsSchema = z.object({
  timeoutMs: z.number().int().min(CONNECTOR_LIMITS.MIN_TIMEOUT_MS).max(CONNECTOR_LIMITS.MAX_TIMEOUT_MS).default(DEFAULT_SETTINGS.timeoutMs),
  maxRetries: z.number().int().min(0).max(CONNECTOR_LIMITS.MAX_RETRIES).default(DEFAULT_SETTINGS.maxRetries),
  continueOnError: z.boolean().default(DEFAULT_SETTINGS.continueOnError),
  logResponseData: z.boolean().default(DEFAULT_SETTINGS.logResponseData),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const RateLimitSchema = z.object({
  enabled: z.boolean().default(false),
  maxRequestsPerMinute: z.number().int().min(1).max(100_000).optional(),
  maxRequestsPerHour: z.number().int().min(1).max(1_000_000).optional(),
  /** `queue` waits for a slot; `fail` fails the request at once. */
  strategy: z.enum(['queue', 'fail']).default('queue'),
  /** Connectors with the same key share one limit (the seed's service-level option). */
  serviceKey: z.string().optional(),
  /** Server runs: at most this many executions of the connector at once, across all workers (default 5). */
  maxConcurrent: z.number().int().min(1).max(100).optional(),
});
export type RateLimit = z.infer<typeof RateLimitSchema>;

/** A declarative test case stored with the connector. */
export const TestCaseSchema = z.object({
  name: z.string().min(1),
  inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  mode: z.enum(['mock', 'replay']).default('mock'),
  /** Cassette file, relative to the connector file (replay mode). */
  cassette: z.string().optional(),
  /**
   * The workspace environment the case was recorded in (sandbox…). Offline runs use its
   * non-secret variables when the workspace defines it; a replay matches under any environment.
   */
  environment: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment name uses letters, digits and _ and starts with a letter or _').max(100).optional(),
  expect: z.object({
    status: z.enum(['success', 'failed']).optional(),
    steps: z.record(z.string(), z.enum(['success', 'failed', 'skipped'])).default({}),
    contact: z.record(z.string(), z.unknown()).default({}),
  }).default({ steps: {}, contact: {} }),
});
export type TestCase = z.infer<typeof TestCaseSchema>;

/** A credential the connector needs (templates turn these into install-time slots). */
export const CredentialSlotSchema = z.object({
  name: identifier('A credential name'),
  label: z.string().default(''),
  help: z.string().optional(),
  url: z.string().optional(),
});
export type CredentialSlot = z.infer<typeof CredentialSlotSchema>;

/** The document with `steps` as given: the app's StepSchema, or the union of a registry's kinds. */
function connectorSchemaWith<S extends z.ZodType>(steps: S) {
  return z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().trim().min(1, 'give the connector a name').max(255),
  description: z.string().default(''),
  icon: z.string().max(50).default('🔌'),
  category: z.string().max(100).default('enrichment'),
  enabled: z.boolean().default(true),
  /** Power-user flag: allows up to MAX_STEPS_ADVANCED steps. */
  advanced: z.boolean().default(false),
  inputs: z.array(InputSchema).default([]),
  credentials: z.array(CredentialSlotSchema).default([]),
  auth: AuthSchema.default({ type: 'none' }),
  steps: z.array(steps).min(1, 'a connector needs at least one step'),
  edges: z.array(EdgeSchema).default([]),
  fieldMappings: z.array(FieldMappingSchema).default([]),
  settings: SettingsSchema.default({ ...DEFAULT_SETTINGS }),
  rateLimit: RateLimitSchema.default({ enabled: false, strategy: 'queue' }),
  tests: z.array(TestCaseSchema).default([]),
  /** Where the connector came from, when installed from a template. */
  template: z.object({
    id: z.string(),
    version: z.number().int().min(1),
    /** Template credential slot → the credential this connector uses for it (names only), so an update keeps the choice. */
    credentials: z.record(z.string(), z.string()).optional(),
  }).optional(),
  });
}

export const ConnectorSchema = connectorSchemaWith(StepSchema);
export type Connector = z.infer<typeof ConnectorSchema>;
/** What a user or file may provide: defaults not yet applied. */
export type ConnectorInput = z.input<typeof ConnectorSchema>;

const schemasByRegistry = new WeakMap<StepKindRegistry, z.ZodType<Connector>>();

/**
 * The document schema for a registry's step kinds: ConnectorSchema for the app's; for a test's
 * registry with extra kinds, the same document whose steps may also be of those kinds (typed as
 * Connector: the app's code sees such a step through its kind's definition only).
 */
export function connectorSchemaFor(registry: StepKindRegistry = STEP_KINDS): z.ZodType<Connector> {
  if (registry === STEP_KINDS) return ConnectorSchema;
  let schema = schemasByRegistry.get(registry);
  if (!schema) {
    schema = connectorSchemaWith(registry.stepSchema) as unknown as z.ZodType<Connector>;
    schemasByRegistry.set(registry, schema);
  }
  return schema;
}
