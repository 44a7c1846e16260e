/**
 * The building blocks of a step (names, key/value rows, bodies, outputs, mocks, positions), in a
 * module of their own so the step kinds (core/steps/kinds/) can build their schemas from them
 * without importing the whole connector schema, which lists the kinds.
 */
import { z } from 'zod';

/** Identifiers usable in templates: `{{step_1.contactId}}`, `{{phone}}`. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Names that would reach an object's prototype machinery when used as a key (`outputs.__proto__ = …`
 * replaces the prototype): refused wherever a name becomes a key.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** A string used as an object key: never one of PROTOTYPE_KEYS. */
export const keyName = (what: string) => z.string().refine((name) => !PROTOTYPE_KEYS.has(name), `${what} cannot be __proto__, constructor or prototype: choose another name`);
export const identifier = (what: string) =>
  keyName(what).regex(IDENTIFIER, `${what} must start with a letter or _ and contain only letters, digits and _`);

/** A string that may contain `{{…}}` templates. */
export const templated = z.string();

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const HttpMethodSchema = z.enum(HTTP_METHODS);

export const KeyValueSchema = z.object({
  key: z.string(),
  value: templated,
  /** Disabled rows are kept in the document but not sent. */
  enabled: z.boolean().default(true),
  /** UI hint from the seed's ApiConfigStep: the value comes from a user input or is static. */
  source: z.enum(['static', 'input']).default('static'),
});
export type KeyValue = z.infer<typeof KeyValueSchema>;

export const BodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  /** Any JSON value; strings inside are templates. */
  z.object({ type: z.literal('json'), value: z.unknown() }),
  z.object({ type: z.literal('form'), fields: z.array(KeyValueSchema) }),
  z.object({ type: z.literal('raw'), text: templated, contentType: z.string().default('text/plain') }),
]);
export type Body = z.infer<typeof BodySchema>;

export const OutputSchema = z.object({
  name: identifier('An output name'),
  /** JSONPath evaluated against the response's JSON body; no match gives null. */
  path: z.string().min(1, 'an output needs a JSONPath such as $.results[0].id'),
});
export type Output = z.infer<typeof OutputSchema>;

/** A canned response for the offline sandbox, including faults. */
export const MockResponseSchema = z.object({
  status: z.number().int().min(100).max(599).default(200),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.unknown().optional(),
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  /** `timeout` never answers; `reset` drops the connection. */
  fault: z.enum(['none', 'timeout', 'reset']).default('none'),
});
export type MockResponse = z.infer<typeof MockResponseSchema>;

export const PositionSchema = z.object({ x: z.number(), y: z.number() });

/** Headers whose value is a secret: a literal there is flagged by validation and blocks publishing. */
export const SECRET_HEADER_NAME = /^(authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|cookie|x-access-token)$/i;
