/**
 * The live transport on Node (the CLI and the desktop host): node:http(s) with keep-alive
 * agents. It follows the same contract as core's fetch transport (the shared contract tests
 * in core/test-helpers/transportContract.ts run against both) and the same redirect policy,
 * but costs about half as much per request as fetch, whose WHATWG streams and Request
 * objects dominate a fast local chain (bench/cli.bench.mjs).
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { IncomingMessage } from 'node:http';
import type { AddressGuard } from './addressGuard.js';
import {
  ConnectorError,
  nextRedirectHop,
  shouldFollowRedirect,
  toTransportError,
  type HttpTransport,
  type RedirectHop,
  type TransportRequest,
  type TransportResponse,
} from '../../core/index.js';
import { readResponseBody } from './readResponseBody.js';

/** Headers the client manages itself (framing and connection), as fetch does. */
const CLIENT_MANAGED = new Set(['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

/** What fetch sends when the request doesn't say; kept so both transports look alike to APIs. */
const DEFAULT_HEADERS: Record<string, string> = {
  accept: '*/*',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'connector-studio',
};

export interface NodeTransportOptions {
  /** Extra certificate authorities (PEM) to trust for https, on top of the system's. */
  extraCa?: string[];
  /** Server runs: refuse internal addresses, checked on the address actually connected to. */
  addressGuard?: AddressGuard;
}

export interface NodeTransport extends HttpTransport {
  /** Closes the idle keep-alive connections (they never keep the process alive). */
  close(): void;
}

function outgoingHeaders(hop: RedirectHop): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(hop.headers)) {
    const lower = name.toLowerCase();
    if (!CLIENT_MANAGED.has(lower)) headers[lower] = value;
  }
  for (const [name, value] of Object.entries(DEFAULT_HEADERS)) headers[name] ??= value;
  if (hop.body !== undefined) {
    headers['content-type'] ??= 'text/plain;charset=UTF-8';
    headers['content-length'] = String(Buffer.byteLength(hop.body));
  }
  return headers;
}

function responseHeaders(response: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function createNodeTransport(options: NodeTransportOptions = {}): NodeTransport {
  const ca = options.extraCa?.length ? [...tls.rootCertificates, ...options.extraCa] : undefined;
  const guard = options.addressGuard;
  // The agent's lookup runs when a connection is opened, so the checked address is the one used.
  const lookup = guard ? { lookup: guard.lookup } : {};
  const agents = {
    'http:': new http.Agent({ keepAlive: true, ...lookup }),
    'https:': new https.Agent({ keepAlive: true, ...lookup, ...(ca ? { ca } : {}) }),
  };

  function exchange(hop: RedirectHop, signal: AbortSignal): Promise<IncomingMessage> {
    const url = new URL(hop.url);
    const agent = url.protocol === 'http:' || url.protocol === 'https:' ? agents[url.protocol] : undefined;
    if (!agent) {
      return Promise.reject(new ConnectorError('NETWORK_ERROR', `${hop.method} ${hop.url} failed: only http and https URLs can be called.`, {
        hint: 'Start the URL with https:// (or http:// for a local server).',
      }));
    }
    const client = url.protocol === 'https:' ? https : http;
    try {
      // A literal IP skips DNS (and so the lookup): check it here, on every hop.
      guard?.checkHost(url.hostname);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const request = client.request(url, { method: hop.method, headers: outgoingHeaders(hop), agent, signal }, resolve);
      request.on('error', reject);
      request.end(hop.body);
    });
  }

  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      let hop: RedirectHop = { url: request.url, method: request.method, headers: request.headers, body: request.body };
      for (let redirects = 0; ; redirects += 1) {
        const what = `${hop.method} ${hop.url}`;
        let response: IncomingMessage;
        try {
          response = await exchange(hop, request.signal);
        } catch (error) {
          throw toTransportError(error, request.signal, what);
        }
        const status = response.statusCode ?? 0;
        if (shouldFollowRedirect(status, response.headers.location, request)) {
          response.resume();
          hop = nextRedirectHop(hop, status, response.headers.location, request, redirects);
          continue;
        }
        let bodyText: string;
        try {
          bodyText = await readResponseBody(response, request.maxResponseBytes, hop.url);
        } catch (error) {
          throw toTransportError(error, request.signal, `Reading the response of ${what}`);
        }
        return { status, headers: responseHeaders(response), bodyText, url: hop.url };
      }
    },
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}
