/**
 * The step kinds, one line each. `StepSchema` (the document's steps) and the lookup the executor,
 * validator, variable lists, offline transports, interchange and canvas use are both derived from
 * this list, so a kind cannot exist in one without the other. A test may build a registry with
 * extra kinds (createStepKindRegistry) and pass it to runConnector and validateConnector.
 * See docs/contributing/adding-a-step-kind.md.
 */
import type { z } from 'zod';
import { ConnectorError } from '../errors/ConnectorError.js';
import type { StepKindDefinition } from './stepKind.js';
import { http } from './kinds/http/index.js';

const KINDS = [
  http,
] as const satisfies readonly StepKindDefinition[];

type Kind = (typeof KINDS)[number];

/** A step of one of the app's kinds (the HTTP request, today). */
export const StepSchema: Kind['schema'] = KINDS[0].schema;
export type Step = z.infer<typeof StepSchema>;
export type StepKindName = Step['kind'];

export interface StepKindRegistry {
  readonly kinds: ReadonlyMap<string, StepKindDefinition>;
  /** The definition for a step; a kind this registry does not know is an error in the user's terms. */
  kindOf(step: { id: string; kind?: string }): StepKindDefinition;
}

export function createStepKindRegistry(kinds: readonly StepKindDefinition[]): StepKindRegistry {
  const byKind = new Map<string, StepKindDefinition>();
  for (const kind of kinds) {
    if (byKind.has(kind.kind)) throw new Error(`Step kind "${kind.kind}" is registered twice.`);
    byKind.set(kind.kind, kind);
  }
  return {
    kinds: byKind,
    kindOf(step) {
      const kind = byKind.get(step.kind ?? 'http');
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
