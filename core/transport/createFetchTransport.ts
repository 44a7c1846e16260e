/**
 * The live transport: global fetch with `redirect: 'manual'` so that the core, not the
 * runtime, decides what a redirect may carry. Credentials (Authorization, Cookie, API-key
 * headers) are dropped when a redirect leaves the origin; at most `maxRedirects` are
 * followed; bodies are read with a size cap; every failure becomes a ConnectorError.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import type { HttpTransport, TransportRequest, TransportResponse } from '../ports/index.js';
import { isSensitiveHeaderName } from '../redaction/sensitiveHeaders.js';
import { toTransportError } from './networkError.js';
import { readBodyCapped } from './readBodyCapped.js';

export interface FetchTransportOptions {
  fetch?: typeof fetch;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isSensitiveHeaderName(name)));
}

export function createFetchTransport(options: FetchTransportOptions = {}): HttpTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      let url = request.url;
      let method = request.method;
      let headers = { ...request.headers };
      let body = request.body;
      for (let redirects = 0; ; redirects += 1) {
        const what = `${method} ${url}`;
        let response: Response;
        try {
          response = await doFetch(url, { method, headers, body, redirect: 'manual', signal: request.signal });
        } catch (error) {
          throw toTransportError(error, request.signal, what);
        }
        const location = response.headers.get('location');
        if (REDIRECT_STATUSES.has(response.status) && location && request.maxRedirects > 0) {
          await response.body?.cancel().catch(() => {});
          if (redirects >= request.maxRedirects) {
            throw new ConnectorError('TOO_MANY_REDIRECTS', `${request.method} ${request.url} redirected more than ${request.maxRedirects} times (last to ${location}).`, {
              hint: 'The URL may be wrong or the server may be looping; call the final URL directly.',
            });
          }
          const next = new URL(location, url);
          if (next.origin !== new URL(url).origin) headers = withoutCredentials(headers);
          // Like browsers: 303, and 301/302 after a POST, continue as a GET without the body.
          if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
            method = method === 'HEAD' ? 'HEAD' : 'GET';
            body = undefined;
            headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-(type|length)$/i.test(name)));
          }
          url = next.toString();
          continue;
        }
        let bodyText: string;
        try {
          bodyText = await readBodyCapped(response, request.maxResponseBytes, url);
        } catch (error) {
          throw toTransportError(error, request.signal, `Reading the response of ${what}`);
        }
        return { status: response.status, headers: headersToRecord(response.headers), bodyText, url };
      }
    },
  };
}
