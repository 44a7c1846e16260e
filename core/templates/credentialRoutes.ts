/**
 * Where each credential of a connector is sent: to which origin (scheme + host + port) and
 * in what (a header, a query parameter, the URL, the body, an OAuth token request). A template
 * update that sends a credential somewhere it did not go before could hand every installer's
 * token to another server, so updates compare the two versions' routes (`credentialRedirects`)
 * and ask for an explicit confirmation naming the credential and the new destination.
 */
import { hasTemplate, listReferences, parseTemplate } from '../template/index.js';
import { authKindOf } from '../auth/kinds/registry.js';
import { connectorSchemaFor, type Auth } from '../schema/connector.js';
import { stepKindOf, type StepKindRegistry } from '../steps/registry.js';

export interface CredentialRoute {
  credential: string;
  /** `https://api.hubapi.com`, or the URL's unresolved start (`{{search.next}}`) when it is only known at run time. */
  destination: string;
  /** The step's request part as its kind names it (`header Authorization`, `query parameter api_key`, `URL`, `body`), or the auth's carrier (`query api_key`, `OAuth token request`). */
  carrier: string;
  stepId: string;
}

export interface CredentialRedirect {
  credential: string;
  destination: string;
  carriers: string[];
  steps: string[];
  /** Where the credential went in the old version (empty: it was not sent anywhere). */
  previously: string[];
  summary: string;
}

/** Input defaults fill `{{input}}` templates; anything else leaves the template in place. */
function resolveWithDefaults(text: string, defaults: Map<string, string>): string {
  if (!hasTemplate(text)) return text;
  let out = '';
  for (const part of parseTemplate(text)) {
    if (part.type !== 'reference') out += part.text;
    else out += part.ref.kind === 'input' && defaults.has(part.ref.name) ? defaults.get(part.ref.name) : part.ref.raw;
  }
  return out;
}

function destinationOf(url: string, defaults: Map<string, string>): string {
  const resolved = resolveWithDefaults(url, defaults);
  try {
    const parsed = new URL(resolved);
    if (!hasTemplate(parsed.host)) return parsed.origin;
  } catch {
    // Not a URL until run time: fall through to the unresolved start.
  }
  // The authority part as written: `scheme://host` or, without a scheme, up to the first `/`.
  const start = /^[^/]*\/\/[^/]*/.exec(resolved)?.[0] ?? /^[^/]*/.exec(resolved)?.[0] ?? resolved;
  return start.length > 120 ? `${start.slice(0, 117)}…` : start;
}

function credentialsIn(value: unknown): string[] {
  return [...new Set(listReferences(value).flatMap((ref) => (ref.kind === 'credential' ? [ref.name] : [])))];
}

/** The carriers an auth setting puts credentials in, and the URL its requests go to (null: the step's own), as its kind says. */
function authCarriers(auth: Auth): Array<{ credentials: string[]; carrier: string; url: string | null }> {
  const block = auth as Record<string, unknown>;
  return authKindOf(auth).carriers(auth).map(({ fields, carrier, urlField }) => ({
    credentials: credentialsIn(fields.map((field) => block[field] ?? null)),
    carrier,
    url: urlField === null ? null : String(block[urlField] ?? ''),
  }));
}

/**
 * A document that is not a valid connector has no known routes, so everything the other side sends counts as new.
 * `stepKinds`: the registry to read the document with (default: the app's kinds).
 */
export function credentialRoutes(input: unknown, stepKinds?: StepKindRegistry): CredentialRoute[] {
  const parsed = connectorSchemaFor(stepKinds).safeParse(input);
  if (!parsed.success) return [];
  const connector = parsed.data;
  const defaults = new Map(connector.inputs.flatMap((i) => (i.default === undefined ? [] : [[i.name, String(i.default)] as const])));
  const routes: CredentialRoute[] = [];
  for (const step of connector.steps) {
    const kind = stepKindOf(step, stepKinds);
    const parts = kind.requestParts(step).filter((part) => part.sent);
    const address = parts.find((part) => part.role === 'address');
    // A kind that sends no request keeps what it uses in its output, which later steps may send anywhere.
    const destination = address ? destinationOf(String(address.value), defaults) : `the output of step "${step.id}"`;
    const add = (credentials: string[], carrier: string, to = destination) => {
      for (const credential of credentials) routes.push({ credential, destination: to, carrier, stepId: step.id });
    };
    for (const part of parts) add(credentialsIn(part.value), part.label);
    const auth = kind.auth(step) ?? (kind.transport.sends === 'requests' ? connector.auth : undefined);
    if (auth) for (const { credentials, carrier, url } of authCarriers(auth)) add(credentials, carrier, url === null ? destination : destinationOf(url, defaults));
  }
  return routes;
}

/**
 * Credentials the new version sends somewhere, or in something, the old one did not: a new
 * origin (scheme, host or port), or a new carrier (another header or query parameter, another
 * auth kind). Grouped by credential and destination, the pair a confirmation must name.
 */
export function credentialRedirects(before: unknown, after: unknown, stepKinds?: StepKindRegistry): CredentialRedirect[] {
  const old = credentialRoutes(before, stepKinds);
  const routeKey = (r: CredentialRoute) => `${r.credential}\u0000${r.destination}\u0000${r.carrier}`;
  const seen = new Set(old.map(routeKey));
  const grouped = new Map<string, CredentialRedirect>();
  for (const route of credentialRoutes(after, stepKinds)) {
    if (seen.has(routeKey(route))) continue;
    const key = `${route.credential}\u0000${route.destination}`;
    const entry = grouped.get(key) ?? {
      credential: route.credential,
      destination: route.destination,
      carriers: [],
      steps: [],
      previously: [...new Set(old.filter((r) => r.credential === route.credential).map((r) => `${r.destination} (${r.carrier})`))],
      summary: '',
    };
    if (!entry.carriers.includes(route.carrier)) entry.carriers.push(route.carrier);
    if (!entry.steps.includes(route.stepId)) entry.steps.push(route.stepId);
    grouped.set(key, entry);
  }
  return [...grouped.values()].map((r) => ({
    ...r,
    summary:
      `The credential "${r.credential}" would be sent to ${r.destination} in ${r.carriers.join(', ')} (step ${r.steps.join(', ')}). ` +
      (r.previously.length > 0 ? `Until now it went only to ${r.previously.join(', ')}.` : 'Until now it was not sent anywhere.'),
  }));
}

/** The key a confirmation must name: one per credential and new destination. */
export function credentialRedirectKey(redirect: Pick<CredentialRedirect, 'credential' | 'destination'>): string {
  return `${redirect.credential} → ${redirect.destination}`;
}
