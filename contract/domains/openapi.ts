/** OpenAPI import (`openapi.*`, issue 15): inspect a spec, convert chosen operations; nothing is written. */
import { z } from 'zod';
import type { Connector } from '#core';
import { call, type DomainCallSpecs } from './call.js';

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

export const openapiCalls = {
  /** Reads a spec and lists its operations; nothing is written. */
  'openapi.inspect': call(z.object(openApiSource).strict(), OpenApiOverviewSchema),
  /** The connector the chosen operations become (a preview; nothing is written). */
  'openapi.convert': call(z.object({ ...openApiSource, operationIds: z.array(z.string().min(1).max(500)).min(1, 'pick at least one operation').max(10) }).strict(), OpenApiConversionSchema),
} satisfies DomainCallSpecs<'openapi'>;
