/**
 * The live HTTP transport, honouring the proxy setting. Through a proxy, requests use
 * undici's own fetch with a ProxyAgent (HTTP CONNECT tunnels) behind core's fetch transport;
 * without one, the Node transport (host/http), whose keep-alive connections last across runs.
 */
import { ProxyAgent, fetch as undiciFetch } from 'undici';
import { createFetchTransport } from '../http/createFetchTransport.js';
import type { HttpTransport } from '#core';
import { createNodeTransport } from '../http/createNodeTransport.js';

const agents = new Map<string, ProxyAgent>();
let direct: HttpTransport | undefined;

export function createLiveTransport(proxyUrl: string): HttpTransport {
  if (proxyUrl === '') return (direct ??= createNodeTransport());
  let agent = agents.get(proxyUrl);
  if (!agent) {
    agent = new ProxyAgent(proxyUrl);
    agents.set(proxyUrl, agent);
  }
  const dispatcher = agent;
  const viaProxy = ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher })) as unknown as typeof fetch;
  return createFetchTransport({ fetch: viaProxy });
}
