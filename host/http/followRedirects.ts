/**
 * The hop loop both Node transports share: each hop's URL must be http(s) and pass the address
 * guard, the client's exchange makes the request, and a redirect the policy follows
 * (shouldFollowRedirect, checked by the client before it reads a body) becomes the next hop.
 */
import { ConnectorError, nextRedirectHop, toTransportError, type RedirectHop, type TransportRequest, type TransportResponse } from '#core';
import type { AddressGuard } from './addressGuard.js';

/** One hop's answer: a redirect to follow (bodyText undefined, no body kept), or the final response. */
export interface HopAnswer {
  status: number;
  headers: Record<string, string>;
  bodyText: string | undefined;
}

export type Exchange = (url: URL, hop: RedirectHop, request: TransportRequest) => Promise<HopAnswer>;

export async function followRedirects(request: TransportRequest, exchange: Exchange, guard: AddressGuard | undefined): Promise<TransportResponse> {
  let hop: RedirectHop = { url: request.url, method: request.method, headers: request.headers, body: request.body };
  for (let redirects = 0; ; redirects += 1) {
    const url = new URL(hop.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ConnectorError('NETWORK_ERROR', `${hop.method} ${hop.url} failed: only http and https URLs can be called.`, {
        hint: 'Start the URL with https:// (or http:// for a local server).',
      });
    }
    // A literal IP skips DNS (and so the lookup): check it here, on every hop.
    guard?.checkHost(url.hostname);
    let answer: HopAnswer;
    try {
      answer = await exchange(url, hop, request);
    } catch (error) {
      throw toTransportError(error, request.signal, `${hop.method} ${hop.url}`);
    }
    if (answer.bodyText === undefined) {
      hop = nextRedirectHop(hop, answer.status, answer.headers.location as string, request, redirects);
      continue;
    }
    return { status: answer.status, headers: answer.headers, bodyText: answer.bodyText, url: hop.url };
  }
}
