/**
 * The live HTTP transport, honouring the proxy setting. Through a proxy, requests use
 * undici's own fetch with a ProxyAgent (HTTP CONNECT tunnels) behind core's fetch transport;
 * without one, the Node transport (host/http), whose keep-alive connections last across runs.
 */
import type { ProxyAgent } from 'undici';
import { createFetchTransport } from '../http/createFetchTransport.js';
import type { HttpTransport } from '#core';
import { createNodeTransport } from '../http/createNodeTransport.js';

const agents = new Map<string, Promise<ProxyAgent>>();
/** undici loads with the first proxied request, not at start-up (its bundle was the largest part of the server's). */
const loadUndici = () => import('undici');
let direct: HttpTransport | undefined;

export function createLiveTransport(proxyUrl: string): HttpTransport {
  if (proxyUrl === '') return (direct ??= createNodeTransport());
  let agent = agents.get(proxyUrl);
  if (!agent) {
    agent = loadUndici().then(({ ProxyAgent }) => new ProxyAgent(proxyUrl));
    agents.set(proxyUrl, agent);
    // A proxy URL the agent refuses fails each request that uses it, and is tried afresh next time.
    agent.catch(() => agents.delete(proxyUrl));
  }
  const viaProxy = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const [{ fetch: undiciFetch }, dispatcher] = await Promise.all([loadUndici(), agent]);
    return undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher });
  }) as unknown as typeof fetch;
  return createFetchTransport({ fetch: viaProxy });
}
