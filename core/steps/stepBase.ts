/**
 * The fields every step has, whatever its kind: its id and name, the outputs later steps read,
 * its guard, its time and retry budget and its place on the canvas. A kind's schema is
 * `stepSchema('<kind>', { …its own fields })`.
 */
import { z } from 'zod';
import { CONNECTOR_LIMITS } from '../schema/limits.js';
import { identifier, OutputSchema, PositionSchema } from '../schema/stepFields.js';

export const StepBaseSchema = z.object({
  id: identifier('A step id'),
  name: z.string().default(''),
  outputs: z.array(OutputSchema).default([]),
  /** A guard evaluated just before the step runs (the seed's per-step condition). */
  condition: z.string().optional(),
  timeoutMs: z.number().int().min(CONNECTOR_LIMITS.MIN_TIMEOUT_MS).max(CONNECTOR_LIMITS.MAX_TIMEOUT_MS).optional(),
  maxRetries: z.number().int().min(0).max(CONNECTOR_LIMITS.MAX_RETRIES).optional(),
  position: PositionSchema.optional(),
});

/**
 * A kind's step schema: the common fields, `kind` and its own fields. `kind` is required; only the
 * HTTP kind overrides it with a default (a step written without a kind is an HTTP step), since
 * the document's union on `kind` can send a missing `kind` to one kind only.
 */
export function stepSchema<K extends string, Shape extends z.ZodRawShape>(kind: K, shape: Shape) {
  return StepBaseSchema.extend({ kind: z.literal(kind), ...shape });
}

/** The HTTP kind's schema: `kind` defaults to it (steps written before kinds existed, and hand-written ones, are requests). */
export function defaultStepSchema<K extends string, Shape extends z.ZodRawShape>(kind: K, shape: Shape) {
  return StepBaseSchema.extend({ kind: z.literal(kind).default(kind as never), ...shape });
}
