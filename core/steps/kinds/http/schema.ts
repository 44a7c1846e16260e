/** The HTTP request step: one request, its auth, its offline mock and the JSONPaths it reads. */
import { z } from 'zod';
import { AuthSchema } from '../../../auth/kinds/registry.js';
import { BodySchema, HttpMethodSchema, KeyValueSchema, MockResponseSchema, templated } from '../../../schema/stepFields.js';
import { defaultStepSchema } from '../../stepBase.js';

// The one kind whose `kind` has a default: a step without one is a request.
export const HttpStepSchema = defaultStepSchema('http', {
  method: HttpMethodSchema.default('GET'),
  url: templated.min(1, 'a step needs a URL'),
  query: z.array(KeyValueSchema).default([]),
  headers: z.array(KeyValueSchema).default([]),
  body: BodySchema.default({ type: 'none' }),
  /** Overrides the connector's auth for this step. Absent = inherit. */
  auth: AuthSchema.optional(),
  /** Lets a non-idempotent method (POST, PATCH) retry. */
  idempotent: z.boolean().optional(),
  /** Sandbox response used in `mock` mode. */
  mock: MockResponseSchema.optional(),
});
export type HttpStep = z.infer<typeof HttpStepSchema>;
