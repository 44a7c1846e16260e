/**
 * The live transport for any runtime with fetch (the SaaS job runner, a browser, Node):
 * `redirect: 'manual'` so that the core's redirect policy (./redirects.ts), not the runtime,
 * decides what a redirect may carry (core has no fetch: it runs where the host hands it a transport); bodies are read with a size cap; every failure becomes
 * a ConnectorError. createNodeTransport does the same over node:http, faster.
 */
import { nextRedirectHop, shouldFollowRedirect, toTransportError, type HttpTransport, type RedirectHop, type TransportRequest, type TransportResponse } from '#core';
import { readBodyCapped } from './readBodyCapped.js';

export interface FetchTransportOptions {
  fetch?: typeof fetch;
}

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

export function createFetchTransport(options: FetchTransportOptions = {}): HttpTransport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      let hop: RedirectHop = { url: request.url, method: request.method, headers: request.headers, body: request.body };
      for (let redirects = 0; ; redirects += 1) {
        const what = `${hop.method} ${hop.url}`;
        let response: Response;
        try {
          response = await doFetch(hop.url, { method: hop.method, headers: hop.headers, body: hop.body, redirect: 'manual', signal: request.signal });
        } catch (error) {
          throw toTransportError(error, request.signal, what);
        }
        const location = response.headers.get('location');
        if (shouldFollowRedirect(response.status, location, request)) {
          await response.body?.cancel().catch(() => {});
          hop = nextRedirectHop(hop, response.status, location, request, redirects);
          continue;
        }
        let bodyText: string;
        try {
          bodyText = await readBodyCapped(response, request.maxResponseBytes, hop.url);
        } catch (error) {
          throw toTransportError(error, request.signal, `Reading the response of ${what}`);
        }
        return { status: response.status, headers: headersToRecord(response.headers), bodyText, url: hop.url };
      }
    },
  };
}
