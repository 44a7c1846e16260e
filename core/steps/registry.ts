/**
 * The step kinds, one line each. `StepSchema` (the document's steps: a union discriminated on
 * `kind`) and the lookup the executor, validator, variable lists, offline transports, interchange
 * and canvas use are both derived from this list, so a kind cannot exist in one without the other.
 * A test may build a registry with extra kinds (createStepKindRegistry) and pass it to
 * runConnector, validateConnector and createMockTransport. See docs/contributing/adding-a-step-kind.md.
 */
import { z } from 'zod';
import { ConnectorError } from '../errors/ConnectorError.js';
import type { StepKindDefinition, StepKindSchema } from './stepKind.js';
import { http } from './kinds/http/index.js';

const KINDS = [
  http,
] as const satisfies readonly StepKindDefinition[];

type Kinds = typeof KINDS;
type KindSchemas = [Kinds[0]['schema'], ...Kinds[number]['schema'][]];

/** One union on `kind` over the kinds' schemas (a step without `kind` goes to the HTTP kind, whose `kind` has a default). */
function stepUnion<T extends readonly [StepKindSchema, ...StepKindSchema[]]>(schemas: T) {
  return z.discriminatedUnion('kind', schemas as unknown as [T[number], ...T[number][]]);
}

/** A step of one of the app's kinds (the HTTP request, today). */
// Annotated: the kinds' own types (the executor's) refer back to Step, so it cannot be inferred here.
export const StepSchema: z.ZodDiscriminatedUnion<KindSchemas> = z.discriminatedUnion('kind', KINDS.map((kind) => kind.schema) as KindSchemas);
export type Step = z.infer<typeof StepSchema>;
export type StepKindName = Step['kind'];

export interface StepKindRegistry {
  readonly kinds: ReadonlyMap<string, StepKindDefinition>;
  /** The steps this registry's kinds accept, as one union on `kind` (the document schema is built on it). */
  readonly stepSchema: z.ZodType;
  /** The definition for a step; a kind this registry does not know is an error in the user's terms. */
  kindOf(step: { id: string; kind?: string }): StepKindDefinition;
  /** The definition for a step, or undefined for a kind it does not know (for callers that draw or list, never run). */
  find(step: { kind?: unknown }): StepKindDefinition | undefined;
}

export function createStepKindRegistry(kinds: readonly StepKindDefinition[]): StepKindRegistry {
  const byKind = new Map<string, StepKindDefinition>();
  for (const kind of kinds) {
    if (byKind.has(kind.kind)) throw new Error(`Step kind "${kind.kind}" is registered twice.`);
    byKind.set(kind.kind, kind);
  }
  const [first, ...rest] = kinds.map((kind) => kind.schema);
  if (!first) throw new Error('A step-kind registry needs at least one kind.');
  const find = (step: { kind?: unknown }) => (step.kind === undefined ? byKind.get('http') : typeof step.kind === 'string' ? byKind.get(step.kind) : undefined);
  return {
    kinds: byKind,
    stepSchema: stepUnion([first, ...rest]),
    find,
    kindOf(step) {
      const kind = find(step);
      if (kind) return kind;
      throw new ConnectorError('INVALID_DOCUMENT', `Step "${step.id}" is a "${step.kind}" step, which this version of Connector Studio does not know.`, {
        hint: `Known step kinds: ${[...byKind.keys()].join(', ')}. Update Connector Studio, or replace the step.`,
      });
    },
  };
}

/** The app's step kinds. */
export const STEP_KINDS: StepKindRegistry = createStepKindRegistry(KINDS);
export const STEP_KIND_NAMES = KINDS.map((kind) => kind.kind) as StepKindName[];

/** The definition for a step, typed loosely enough to call with the step itself. */
export function stepKindOf(step: { id: string; kind?: string }, registry: StepKindRegistry = STEP_KINDS): StepKindDefinition {
  return registry.kindOf(step);
}
