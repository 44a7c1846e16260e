/**
 * What a step kind is made of. Every kind (`core/steps/kinds/<kind>/`) is one
 * `defineStepKind({...})` with all of these parts, and `registry.ts` lists it once; the executor,
 * validator, variable lists, offline transports, interchange and canvas ask the registry instead
 * of assuming every step is an HTTP request. Leaving a part out is a compile error.
 */
import type { z } from 'zod';
import type { Auth } from '../auth/kinds/registry.js';
import type { StepContext, StepResult } from '../executor/runStep.js';
import type { MockResponse } from '../schema/stepFields.js';
import type { Scope } from '../template/scope.js';
import type { StepBaseSchema } from './stepBase.js';

/** A field of a step whose value holds templates (a string, or a JSON value with strings inside). */
export interface StepTemplateField {
  /** Path from the step, as messages show it: `url`, `headers[0].value`, `body.value`. */
  path: string;
  value: unknown;
}

/**
 * What a request part is, which says how the publish checks, the literal-secret check, credential
 * routes and the environment helpers treat it:
 * - `address`: where the step's requests go (a URL). Its host is the destination of every
 *   credential the step sends; its query string and path segments may hold a key; a variable it
 *   begins with is a base URL.
 * - `header`: a named value sent beside the content (a request header). Its name can say it holds
 *   a secret (Authorization, X-Api-Key), so a literal there is refused.
 * - `parameter`: a named parameter of the address (a query parameter). A name such as `api_key`
 *   or `token` says it holds a secret.
 * - `content`: what the step sends or builds (a body, a computed value). Every string inside may
 *   be a template or a pasted key.
 */
export type StepPartRole = 'address' | 'header' | 'parameter' | 'content';

/**
 * A place in a step where a template, a credential or a secret can go, named in the user's terms
 * so that a check can say where it found something.
 */
export interface StepRequestPart {
  /** Path from the step, as messages show it: `url`, `headers[0].value`, `body.value`. */
  path: string;
  /** How the editor names it: `URL`, `header Authorization`, `query parameter api_key`, `body`. */
  label: string;
  value: unknown;
  role: StepPartRole;
  /** The name it goes under (a header's, a parameter's, a form field's), itself a template; absent for an unnamed part. */
  name?: string;
  /** False for a part the document keeps but the step does not send (a switched-off header row). */
  sent: boolean;
}

/**
 * How the offline transports treat the kind. `requests`: it sends HTTP through the run's
 * transport, so mock runs answer it with `mock(step)` and cassettes record and replay it.
 * `none`: it never uses the transport (the executor hands it one that refuses every request);
 * mock and replay runs execute it exactly as a live run does.
 */
export type StepTransportUse<Step> =
  | { sends: 'requests'; /** The step's canned response in mock mode; undefined = it has none. */ mock(step: Step): MockResponse | undefined; /** Where the mock lives in the step, for messages: `mock`. */ mockPath: string }
  | { sends: 'none' };

/** How the kind is written in the SaaS's interchange format. */
export type StepInterchangeMapping =
  | { export: 'as-is' }
  | { export: 'unsupported'; reason: string; hint: string };

/** A problem a kind finds in one of its steps beyond its schema; `path` is from the step (`headers[0].value`). */
export interface StepKindIssue {
  path: string;
  message: string;
  hint?: string;
  severity?: 'error' | 'warning';
}

// The schema must extend the common step fields (built with stepSchema()).
export type StepKindSchema = z.ZodObject<typeof StepBaseSchema.shape & { kind: z.ZodLiteral<string> | z.ZodDefault<z.ZodLiteral<string>> }>;

export interface StepKindDefinition<S extends StepKindSchema = StepKindSchema> {
  kind: z.output<S>['kind'];
  /** The name the canvas, inspector and messages use: "HTTP request". */
  label: string;
  schema: S;
  /** A new step of this kind, as the canvas adds it. */
  empty(id: string): z.input<S>;
  /** Every template the step holds, checked by the validator and listed with the variables it uses. */
  templateFields(step: z.output<S>): StepTemplateField[];
  /**
   * Every place in the step where a template, a credential or a secret can go (the URL, each
   * header, the body…): the publish checks, the literal-secret check, credential routes and the
   * environment helpers walk these instead of reading a kind's fields.
   */
  requestParts(step: z.output<S>): StepRequestPart[];
  /** The step's own auth block, which overrides the connector's (undefined: it inherits, or the kind has no auth). */
  auth(step: z.output<S>): Auth | undefined;
  /** What to do when the schema refuses one of the kind's own fields, by field name: `{ url: 'Give the step the URL…' }`. */
  fieldHints: Readonly<Record<string, string>>;
  /** The kind's own rules beyond its schema (the HTTP kind: a literal secret in a header); the validator adds the document's path and the step. */
  rules(step: z.output<S>): StepKindIssue[];
  /** Runs the step once it is due; returns a redacted record (see runStep for the HTTP kind). */
  execute(step: z.output<S>, scope: Scope, context: StepContext): Promise<StepResult>;
  transport: StepTransportUse<z.output<S>>;
  interchange: StepInterchangeMapping;
}

/** Checks a kind's definition against its own schema (every part present, types tied to it). */
export function defineStepKind<S extends StepKindSchema>(definition: StepKindDefinition<S>): StepKindDefinition<S> {
  return definition;
}
