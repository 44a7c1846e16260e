/**
 * The CLI's live transport: undici's dispatcher (the HTTP/1.1 client Node's own fetch is built
 * on) with keep-alive connections per origin. It follows the same contract as the node:http and
 * fetch transports (core/test-helpers/transportContract.ts runs against all three) and the same
 * redirect policy.
 *
 * Why not node:http here: in a sequential batch every request waits for the one before, so the
 * client's own work per request is on the critical path. undici's dispatcher has no
 * ClientRequest/IncomingMessage streams or per-request event emitters and parses with llhttp in
 * WebAssembly. In the bench's 2,000-row batch a hand-written loop over it took 1,719 ms against
 * 1,887 ms for the same loop over node:http, and the CLI 1.25× the node:http loop instead of
 * 1.44× (bench/README.md). Its start-up costs ~8 ms more; a 200-row batch comes out even.
 *
 * Only `lib/dispatcher/agent.js` is loaded (undici has no exports map): the package's index also
 * defines fetch, WebSocket, caches and mocks, several times the code a run needs.
 */
import type { Dispatcher } from 'undici';
import Agent from 'undici/lib/dispatcher/agent.js';
import { responseTooLarge, shouldFollowRedirect, type HttpTransport, type RedirectHop, type TransportRequest } from '#core';
import type { AddressGuard } from './addressGuard.js';
import { contentCodings } from './contentCodings.js';
import { decodeBody } from './decodeBody.js';
import { followRedirects, type HopAnswer } from './followRedirects.js';
import { outgoingHeaders } from './outgoingHeaders.js';

// undici throws on an Expect header (it has no 100-continue support).
const REFUSED = new Set(['expect']);

export interface UndiciTransportOptions {
  /** Extra certificate authorities (PEM) to trust for https, on top of the system's. */
  extraCa?: string[];
  /** Refuse internal addresses, checked on the address actually connected to. */
  addressGuard?: AddressGuard;
}

export interface UndiciTransport extends HttpTransport {
  /** Closes the idle keep-alive connections. */
  close(): void;
}

/** undici gives repeated headers as arrays: joined with ", " as fetch's Headers does. */
function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function createUndiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const guard = options.addressGuard;
  const ca = options.extraCa?.length ? options.extraCa : undefined;
  // Connect options reach net.connect / tls.connect: the guard's lookup checks the address used.
  const connect = guard || ca ? { ...(guard ? { lookup: guard.lookup } : {}), ...(ca ? { ca: [...rootCertificates(), ...ca] } : {}) } : undefined;
  const agent = new Agent(connect ? { connect } : {});

  function exchange(url: URL, hop: RedirectHop, request: TransportRequest): Promise<HopAnswer> {
    return new Promise((resolve, reject) => {
      const { signal } = request;
      if (signal.aborted) return reject(signal.reason);
      let controller: Dispatcher.DispatchController | undefined;
      let status = 0;
      let headers: Record<string, string> = {};
      let follow = false;
      let codings: readonly string[] = [];
      const chunks: Buffer[] = [];
      let received = 0;
      let settled = false;
      const onAbort = () => controller?.abort(signal.reason as Error);
      const settle = (error: unknown, answer?: HopAnswer) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        if (answer) resolve(answer);
        else reject(error);
      };
      const fail = (error: unknown) => {
        controller?.abort(error as Error);
        settle(error);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart(started) {
          controller = started;
          if (signal.aborted) started.abort(signal.reason as Error);
        },
        onResponseStart(_controller, statusCode, responseHeaders) {
          status = statusCode;
          headers = flatHeaders(responseHeaders as Record<string, string | string[] | undefined>);
          follow = shouldFollowRedirect(status, headers.location, request);
          if (follow) return;
          const declared = Number(headers['content-length']);
          if (Number.isFinite(declared) && declared > request.maxResponseBytes) return fail(responseTooLarge(request.maxResponseBytes, hop.url));
          try {
            codings = contentCodings(headers['content-encoding'], hop.url);
          } catch (error) {
            fail(error);
          }
        },
        onResponseData(_controller, chunk) {
          // A redirect's body is not kept.
          if (follow || settled) return;
          received += chunk.length;
          if (received > request.maxResponseBytes) return fail(responseTooLarge(request.maxResponseBytes, hop.url));
          chunks.push(chunk);
        },
        onResponseEnd() {
          if (settled) return;
          if (follow) return settle(undefined, { status, headers, bodyText: undefined });
          const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
          decodeBody(raw, codings, request.maxResponseBytes, hop.url).then((bodyText) => settle(undefined, { status, headers, bodyText }), settle);
        },
        onResponseError(_controller, error) {
          settle(error);
        },
      };
      try {
        agent.dispatch({ origin: url.origin, path: `${url.pathname}${url.search}`, method: hop.method as Dispatcher.HttpMethod, headers: outgoingHeaders(hop, { refused: REFUSED, contentLength: false }), body: hop.body ?? null }, handler);
      } catch (error) {
        settle(error);
      }
    });
  }

  return {
    send: (request) => followRedirects(request, exchange, guard),
    close() {
      void agent.close();
    },
  };
}

function rootCertificates(): readonly string[] {
  return process.getBuiltinModule('node:tls').rootCertificates;
}
