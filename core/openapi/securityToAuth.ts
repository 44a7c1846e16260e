import type { Auth, CredentialSlot } from '../schema/connector.js';
import { toIdentifier } from './identifiers.js';
import { isObject, text, type SpecObject } from './types.js';

export interface ImportedAuth {
  auth: Auth;
  credentials: CredentialSlot[];
  /** What the user still has to do, when the scheme maps only approximately. */
  note?: string;
}

const ref = (name: string) => `{{credentials.${name}}}`;
const slot = (name: string, label: string, help?: string): CredentialSlot => ({ name, label, ...(help ? { help } : {}) });

type SchemeMapper = (scheme: SpecObject, base: string, scopes: string[]) => ImportedAuth | null;

function bearer(base: string, label: string, note?: string): ImportedAuth {
  const name = `${base}_token`;
  return { auth: { type: 'bearer', token: ref(name) }, credentials: [slot(name, label)], ...(note ? { note } : {}) };
}

function basic(base: string): ImportedAuth {
  return {
    auth: { type: 'basic', username: ref(`${base}_username`), password: ref(`${base}_password`) },
    credentials: [slot(`${base}_username`, 'Username'), slot(`${base}_password`, 'Password')],
  };
}

function apiKey(scheme: SpecObject, base: string): ImportedAuth | null {
  const where = text(scheme.in);
  const name = text(scheme.name);
  if (!name) return null;
  if (where === 'header' || where === 'query') {
    const credential = /(^|_)key$/.test(base) ? base : `${base}_key`;
    return { auth: { type: 'api_key', in: where, name, value: ref(credential) }, credentials: [slot(credential, `API key (${where} ${name})`)] };
  }
  return null;
}

function oauth2(flows: SpecObject, base: string, scopes: string[]): ImportedAuth {
  const clientCredentials = isObject(flows.clientCredentials) ? flows.clientCredentials : undefined;
  if (clientCredentials && text(clientCredentials.tokenUrl)) {
    return {
      auth: {
        type: 'oauth2_client_credentials',
        tokenUrl: text(clientCredentials.tokenUrl),
        clientId: ref(`${base}_client_id`),
        clientSecret: ref(`${base}_client_secret`),
        ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}),
      },
      credentials: [slot(`${base}_client_id`, 'OAuth 2.0 client ID'), slot(`${base}_client_secret`, 'OAuth 2.0 client secret')],
    };
  }
  const kinds = Object.keys(flows).join(', ') || 'OAuth 2.0';
  return bearer(base, 'OAuth 2.0 access token', `The API uses the OAuth 2.0 ${kinds} flow, which a connector cannot run itself: store an access token obtained elsewhere as the credential "${base}_token".`);
}

/** One mapper per securityScheme `type` (OpenAPI 3 and Swagger 2 spellings). */
const MAPPERS: Record<string, SchemeMapper> = {
  http: (scheme, base) => {
    const kind = text(scheme.scheme).toLowerCase();
    if (kind === 'basic') return basic(base);
    if (kind === 'bearer') return bearer(base, 'Bearer token');
    return null;
  },
  basic: (_scheme, base) => basic(base),
  apiKey: (scheme, base) => apiKey(scheme, base),
  oauth2: (scheme, base, scopes) => {
    if (isObject(scheme.flows)) return oauth2(scheme.flows, base, scopes);
    // Swagger 2: one `flow` with `tokenUrl` ("application" is client credentials).
    const flow = text(scheme.flow);
    return oauth2(flow === 'application' ? { clientCredentials: { tokenUrl: scheme.tokenUrl } } : { [flow || 'oauth2']: {} }, base, scopes);
  },
  openIdConnect: (_scheme, base) => bearer(base, 'OpenID Connect access token', `The API uses OpenID Connect: store an access token as the credential "${base}_token".`),
};

/** The security schemes a spec declares (components.securitySchemes or securityDefinitions). */
export function securitySchemes(spec: SpecObject): SpecObject {
  const components = isObject(spec.components) ? spec.components : {};
  if (isObject(components.securitySchemes)) return components.securitySchemes;
  return isObject(spec.securityDefinitions) ? spec.securityDefinitions : {};
}

/**
 * The auth of an operation: its own `security` or the spec's, first alternative this app can
 * express. Undefined when it needs none; a requirement naming several schemes at once keeps the first.
 */
export function operationAuth(spec: SpecObject, operation: SpecObject): ImportedAuth | undefined {
  const requirements = Array.isArray(operation.security) ? operation.security : Array.isArray(spec.security) ? spec.security : [];
  const schemes = securitySchemes(spec);
  const unsupported: string[] = [];
  for (const requirement of requirements) {
    if (!isObject(requirement)) continue;
    const entries = Object.entries(requirement);
    if (entries.length === 0) return undefined; // `{}`: anonymous access is allowed
    const [schemeName, scopes] = entries[0]!;
    const scheme = schemes[schemeName];
    if (!isObject(scheme)) continue;
    const mapped = MAPPERS[text(scheme.type)]?.(scheme, toIdentifier(schemeName, 'api'), Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : []);
    if (mapped) return entries.length > 1 ? { ...mapped, note: `The API asks for ${entries.map(([n]) => n).join(' and ')} together; only ${schemeName} was set up.` } : mapped;
    unsupported.push(`${schemeName} (${text(scheme.type)}${scheme.in ? ` in ${text(scheme.in)}` : ''})`);
  }
  if (unsupported.length > 0) {
    return { auth: { type: 'none' }, credentials: [], note: `The security scheme ${unsupported.join(', ')} has no equivalent here: add the header or query parameter by hand.` };
  }
  return undefined;
}
