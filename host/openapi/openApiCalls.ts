/** The host calls behind Import → OpenAPI: the same loader and mapping as the CLI. */
import { randomUUID } from 'node:crypto';
import { buildConnectorFromOpenApi, describeOpenApi } from '#core';
import type { HostCallName, HostCallParsedParams, HostCallResult } from '../../contract/hostApi.js';
import type { DomainCalls } from '../api/hostExtension.js';

// The spec parsers (json-schema-ref-parser, openapi-parser with ajv, yaml) load on the first
// import, not at every start of the app (see bench/README.md, server start-up).
const loadOpenApiSpec: typeof import('./loadOpenApiSpec.js').loadOpenApiSpec = async (...args) => (await import('./loadOpenApiSpec.js')).loadOpenApiSpec(...args);

export async function inspectOpenApi({ content, allowRemoteRefs }: HostCallParsedParams<'openapi.inspect'>): Promise<HostCallResult<'openapi.inspect'>> {
  const { spec, warnings } = await loadOpenApiSpec({ kind: 'text', text: content }, { allowRemoteRefs });
  return { ...describeOpenApi(spec), warnings };
}

export async function convertOpenApi({ content, allowRemoteRefs, operationIds }: HostCallParsedParams<'openapi.convert'>): Promise<HostCallResult<'openapi.convert'>> {
  const { spec } = await loadOpenApiSpec({ kind: 'text', text: content }, { allowRemoteRefs });
  const overview = describeOpenApi(spec);
  // A fresh id, so importing the same API twice gives two connectors.
  const slug = overview.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'openapi';
  return buildConnectorFromOpenApi(spec, { operationIds, id: `${slug}-${randomUUID().slice(0, 8)}` });
}

export function openApiCalls(): DomainCalls<Extract<HostCallName, `openapi.${string}`>> {
  return {
    'openapi.inspect': async (params) => inspectOpenApi(params),
    'openapi.convert': async (params) => convertOpenApi(params),
  };
}
