import { isObject, text, type SpecObject } from './types.js';

/** Used when the spec names no absolute server; the import notes say to replace it. */
export const PLACEHOLDER_BASE_URL = 'https://api.example.com';

export interface BaseUrl {
  url: string;
  note?: string;
}

function fromServers(servers: unknown): string | undefined {
  if (!Array.isArray(servers)) return undefined;
  const server = servers.find(isObject);
  if (!server) return undefined;
  const variables = isObject(server.variables) ? server.variables : {};
  // `{region}` → the variable's default (enum's first value when no default).
  return text(server.url).replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    if (!isObject(variable)) return whole;
    return text(variable.default) || (Array.isArray(variable.enum) ? text(variable.enum[0]) : '') || whole;
  });
}

/** The base URL of one operation: its own servers, its path's, the spec's (OpenAPI 3) or schemes + host + basePath (Swagger 2). */
export function operationBaseUrl(spec: SpecObject, pathItem: SpecObject, operation: SpecObject): BaseUrl {
  let url = fromServers(operation.servers) ?? fromServers(pathItem.servers) ?? fromServers(spec.servers);
  if (url === undefined && typeof spec.swagger === 'string' && text(spec.host)) {
    const schemes = Array.isArray(spec.schemes) ? spec.schemes.filter((s): s is string => typeof s === 'string') : [];
    const scheme = schemes.includes('https') ? 'https' : schemes[0] ?? 'https';
    url = `${scheme}://${text(spec.host)}${text(spec.basePath)}`;
  } else if (url === undefined && typeof spec.swagger === 'string') {
    url = text(spec.basePath);
  }
  url = (url ?? '').replace(/\/+$/, '');
  if (/^https?:\/\/[^/{}]+/i.test(url)) return { url };
  return {
    url: `${PLACEHOLDER_BASE_URL}${url.startsWith('/') ? url : url ? `/${url}` : ''}`,
    note: `The spec names no absolute server URL${url ? ` (only "${url}")` : ''}: replace ${PLACEHOLDER_BASE_URL} in the step URLs with the API's address.`,
  };
}
