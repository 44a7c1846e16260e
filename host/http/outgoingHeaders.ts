/**
 * The headers a Node transport sends for one hop: the request's own, lower-cased, without the
 * ones the client manages itself (framing and connection), as fetch does, plus what fetch sends
 * when the request doesn't say, so every transport looks alike to APIs.
 */
import type { RedirectHop } from '#core';

const CLIENT_MANAGED = new Set(['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

const DEFAULT_HEADERS: Record<string, string> = {
  accept: '*/*',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'connector-studio',
};

export interface OutgoingHeaderOptions {
  /** Also leave these out (lower-case): headers a client refuses. */
  refused?: ReadonlySet<string>;
  /** Add Content-Length for a body (node:http needs it; undici computes it). */
  contentLength: boolean;
}

export function outgoingHeaders(hop: RedirectHop, options: OutgoingHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in hop.headers) {
    const lower = name.toLowerCase();
    if (!CLIENT_MANAGED.has(lower) && !options.refused?.has(lower)) headers[lower] = hop.headers[name] as string;
  }
  for (const name in DEFAULT_HEADERS) headers[name] ??= DEFAULT_HEADERS[name] as string;
  if (hop.body !== undefined) {
    headers['content-type'] ??= 'text/plain;charset=UTF-8';
    if (options.contentLength) headers['content-length'] = String(Buffer.byteLength(hop.body));
  }
  return headers;
}
