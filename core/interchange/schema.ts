/**
 * The interchange format (what the SaaS stores in `connectors.config`, see
 * shared/design/interchange-format.md) as a zod schema of its own, so that a bad file gets
 * errors with paths such as `config.steps[1].url` before anything is converted.
 *
 * Extension keys (not in the SaaS's format, read and written only when they matter): per-step
 * `timeout_ms`, `max_retries`, `idempotent`; field-mapping `custom`, `coerce`, `merge`; auth type
 * `oauth2_client_credentials`; `rateLimiting.serviceKey`.
 */
import { z } from 'zod';
import { AuthSchema, HTTP_METHODS, INPUT_TYPES, FieldMappingSchema, PROTOTYPE_KEYS, RateLimitSchema } from '../schema/connector.js';
import { CONNECTOR_LIMITS, DEFAULT_SETTINGS } from '../schema/limits.js';

/**
 * An object keyed by names (`outputs`, `input_schema`). Its raw keys are checked before zod copies
 * them: a copied `__proto__` key would be dropped silently instead of refused.
 */
const nameMap = <T extends z.ZodType>(what: string, value: T) =>
  z.unknown().superRefine((raw, ctx) => {
    if (raw === null || typeof raw !== 'object') return;
    for (const key of Object.keys(raw)) {
      if (PROTOTYPE_KEYS.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: `${what} cannot be __proto__, constructor or prototype: choose another name` });
    }
  }).pipe(z.record(z.string(), value));

/**
 * A mapping's `target` is any contact field name: a system field, or else a custom field of the
 * CRM's contacts. The SaaS format has no flag; `custom` (an extension) is only written when the
 * name alone would say otherwise (a custom field that shares a system field's name).
 */
const InterchangeFieldMappingSchema = FieldMappingSchema.extend({ custom: z.boolean().optional() });

const KeyValueList = z.array(z.object({ key: z.string(), value: z.string(), enabled: z.boolean().optional() }));

const methodSchema = z.preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(HTTP_METHODS)).default('GET');

/** The request fields shared by a step and a single-step `config`. */
const requestShape = {
  method: methodSchema,
  url: z.string().min(1, 'a request needs a URL'),
  queryParams: KeyValueList.optional(),
  headers: KeyValueList.optional(),
  /** A JSON value (sent as JSON) or a string (sent as is). */
  body: z.unknown().optional(),
  /** Output name → JSONPath. */
  outputs: nameMap('An output name', z.string()).optional(),
};

export const InterchangeStepSchema = z.object({
  id: z.string().min(1, 'every step needs an id such as step_1').optional(),
  name: z.string().optional(),
  ...requestShape,
  condition: z.object({ enabled: z.boolean().default(true), expression: z.string() }).optional(),
  auth: AuthSchema.optional(),
  timeout_ms: z.number().int().min(CONNECTOR_LIMITS.MIN_TIMEOUT_MS).max(CONNECTOR_LIMITS.MAX_TIMEOUT_MS).optional(),
  max_retries: z.number().int().min(0).max(CONNECTOR_LIMITS.MAX_RETRIES).optional(),
  idempotent: z.boolean().optional(),
});
export type InterchangeStep = z.infer<typeof InterchangeStepSchema>;

export const InterchangeParallelSchema = z.object({
  id: z.string().optional(),
  type: z.literal('parallel'),
  steps: z.array(InterchangeStepSchema).min(1, 'a parallel group needs at least one step'),
});
export type InterchangeParallel = z.infer<typeof InterchangeParallelSchema>;

const EntrySchema = z.union([InterchangeParallelSchema, InterchangeStepSchema.extend({ type: z.literal('step').optional() })]);

const InputSpecSchema = z.object({
  type: z.enum(INPUT_TYPES).default('string'),
  label: z.string().default(''),
  required: z.boolean().default(false),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  description: z.string().optional(),
});

const ConfigSchema = z.object({
  auth: AuthSchema.default({ type: 'none' }),
  steps: z.array(EntrySchema).optional(),
  method: methodSchema.optional(),
  url: z.string().optional(),
  queryParams: KeyValueList.optional(),
  headers: KeyValueList.optional(),
  body: z.unknown().optional(),
  outputs: nameMap('An output name', z.string()).optional(),
  rateLimiting: RateLimitSchema.partial().optional(),
});

export const InterchangeSchema = z.object({
  name: z.string().trim().min(1, 'give the connector a name').max(255),
  description: z.string().default(''),
  icon: z.string().default('🔌'),
  category: z.string().default('enrichment'),
  type: z.enum(['single-step', 'multi-step']),
  input_schema: nameMap('An input name', InputSpecSchema).default({}),
  config: ConfigSchema,
  field_mappings: z.array(InterchangeFieldMappingSchema).default([]),
  timeout_ms: z.number().int().min(CONNECTOR_LIMITS.MIN_TIMEOUT_MS).max(CONNECTOR_LIMITS.MAX_TIMEOUT_MS).default(DEFAULT_SETTINGS.timeoutMs),
  max_retries: z.number().int().min(0).max(CONNECTOR_LIMITS.MAX_RETRIES).default(DEFAULT_SETTINGS.maxRetries),
  continue_on_error: z.boolean().default(DEFAULT_SETTINGS.continueOnError),
}).superRefine((doc, ctx) => {
  if (doc.type === 'single-step') {
    if (doc.config.steps !== undefined) ctx.addIssue({ code: 'custom', path: ['config', 'steps'], message: 'a single-step connector has no steps list: put method, url, … directly in config, or set type to multi-step' });
    if (!doc.config.url) ctx.addIssue({ code: 'custom', path: ['config', 'url'], message: 'a single-step connector needs config.url' });
  } else if (!doc.config.steps || doc.config.steps.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['config', 'steps'], message: 'a multi-step connector needs a non-empty config.steps list' });
  }
});
export type InterchangeDocument = z.infer<typeof InterchangeSchema>;
