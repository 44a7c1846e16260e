/**
 * The live transport on Node (the CLI and the desktop host): node:http(s) with keep-alive
 * agents. It follows the same contract as core's fetch transport (the shared contract tests
 * in core/test-helpers/transportContract.ts run against both) and the same redirect policy,
 * but costs a fraction of fetch per request, whose WHATWG streams and Request objects
 * dominate a fast local chain (bench/cli.bench.mjs).
 *
 * Per request it adds one abort listener and plain stream events, nothing more: Node's own
 * `signal` option and async iteration over the body each attach a set of end-of-stream
 * listeners, which together cost more CPU than the HTTP exchange itself on a local API.
 */
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { AddressGuard } from './addressGuard.js';
import { shouldFollowRedirect, type HttpTransport, type RedirectHop, type TransportRequest } from '#core';
import { followRedirects, type HopAnswer } from './followRedirects.js';
import { outgoingHeaders } from './outgoingHeaders.js';
import { readResponseBody } from './readResponseBody.js';

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

/** The client module and keep-alive agent for one URL scheme. */
interface Client {
  request: typeof http.request;
  agent: http.Agent;
}

/**
 * The response's headers from `rawHeaders`, lower-cased, repeated ones joined with ", " as
 * fetch's Headers does. Reading `response.headers` instead makes Node build its own object
 * (with per-field duplicate rules) on first access, which cost more than the rest of the
 * response handling on a fast local chain (bench/README.md).
 */
function responseHeaders(response: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const raw = response.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    const seen = out[name];
    out[name] = seen === undefined ? value : `${seen}, ${value}`;
  }
  return out;
}

export function createNodeTransport(options: NodeTransportOptions = {}): NodeTransport {
  const guard = options.addressGuard;
  // The agent's lookup runs when a connection is opened, so the checked address is the one used.
  const lookup = guard ? { lookup: guard.lookup } : {};
  const plain: Client = { request: http.request, agent: new http.Agent({ keepAlive: true, ...lookup }) };
  // node:https (and TLS with it) loads on the first https URL: a run against a local or
  // plain-http API never pays its start-up cost.
  let secure: Promise<Client> | undefined;
  let secureAgent: HttpsAgent | undefined;
  const loadSecure = () => (secure ??= import('node:https').then(async ({ default: https }) => {
    const { rootCertificates } = await import('node:tls');
    const ca = options.extraCa?.length ? [...rootCertificates, ...options.extraCa] : undefined;
    secureAgent = new https.Agent({ keepAlive: true, ...lookup, ...(ca ? { ca } : {}) });
    return { request: https.request as typeof http.request, agent: secureAgent };
  }));

  // followRedirects has checked the protocol: http or https.
  async function exchange(url: URL, hop: RedirectHop, request: TransportRequest): Promise<HopAnswer> {
    const client = url.protocol === 'https:' ? await loadSecure() : plain;
    return new Promise((resolve, reject) => {
      const { signal } = request;
      if (signal.aborted) return reject(signal.reason);
      let response: IncomingMessage | undefined;
      const onAbort = () => {
        outgoing.destroy(signal.reason);
        response?.destroy(signal.reason);
      };
      const settle = (error: unknown, answer?: HopAnswer) => {
        signal.removeEventListener('abort', onAbort);
        if (answer) resolve(answer);
        else reject(error);
      };
      const outgoing = client.request(url, { method: hop.method, headers: outgoingHeaders(hop, { contentLength: true }), agent: client.agent }, (answer) => {
        response = answer;
        const headers = responseHeaders(answer);
        if (shouldFollowRedirect(answer.statusCode ?? 0, headers.location, request)) {
          answer.resume();
          settle(undefined, { status: answer.statusCode ?? 0, headers, bodyText: undefined });
          return;
        }
        readResponseBody(answer, headers, request.maxResponseBytes, hop.url).then((bodyText) => settle(undefined, { status: answer.statusCode ?? 0, headers: { ...headers }, bodyText }), settle);
      });
      signal.addEventListener('abort', onAbort, { once: true });
      outgoing.on('error', settle);
      outgoing.end(hop.body);
    });
  }

  return {
    send: (request) => followRedirects(request, exchange, guard),
    close() {
      plain.agent.destroy();
      secureAgent?.destroy();
    },
  };
}
