/**
 * The redirect policy every live transport shares, so the core (not the HTTP client)
 * decides what a redirect may carry: at most `maxRedirects` hops, credentials never leave their
 * origin (Authorization, Cookie, headers named like a key or token, and every header the request
 * says carries a credential: a `{{credentials.*}}` template or auth put it there), and like
 * browsers a 303, or a 301/302 after a POST, continues as a GET without the body.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import type { TransportRequest } from '../ports/index.js';
import { isSensitiveHeaderName } from '../redaction/sensitiveHeaders.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** One request of a redirect chain. */
export interface RedirectHop {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** True when the answer is a redirect this request should follow. */
export function shouldFollowRedirect(status: number, location: string | null | undefined, request: TransportRequest): location is string {
  return REDIRECT_STATUSES.has(status) && typeof location === 'string' && location !== '' && request.maxRedirects > 0;
}

/** The next hop after `hop` answered `status` with `location`; throws once `hopsSoFar` reaches the limit. */
export function nextRedirectHop(hop: RedirectHop, status: number, location: string, request: TransportRequest, hopsSoFar: number): RedirectHop {
  if (hopsSoFar >= request.maxRedirects) {
    throw new ConnectorError('TOO_MANY_REDIRECTS', `${request.method} ${request.url} redirected more than ${request.maxRedirects} times (last to ${location}).`, {
      hint: 'The URL may be wrong or the server may be looping; call the final URL directly.',
    });
  }
  const next = new URL(location, hop.url);
  let { method, headers, body } = hop;
  if (next.origin !== new URL(hop.url).origin) headers = withoutHeaders(headers, carriesCredential(request));
  if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
    method = method === 'HEAD' ? 'HEAD' : 'GET';
    body = undefined;
    headers = withoutHeaders(headers, (name) => /^content-(type|length)$/i.test(name));
  }
  return { url: next.toString(), method, headers, body };
}

/** Which headers must stay on their origin: sensitive by name, or named by the request as carrying a credential. */
function carriesCredential(request: TransportRequest): (name: string) => boolean {
  const named = new Set((request.credentialHeaders ?? []).map((name) => name.toLowerCase()));
  return (name) => isSensitiveHeaderName(name) || named.has(name.toLowerCase());
}

function withoutHeaders(headers: Record<string, string>, drop: (name: string) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop(name)));
}
