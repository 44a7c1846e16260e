/**
 * The live HTTP transport, honouring the proxy setting. Through a proxy, requests use
 * undici's own fetch with a ProxyAgent (HTTP CONNECT tunnels), which Node's built-in fetch
 * does not offer; without one, core's default fetch transport is used unchanged.
 */
import { ProxyAgent, fetch as undiciFetch } from 'undici';
import { createFetchTransport } from '../../core/transport/index.js';
import type { HttpTransport } from '../../core/index.js';

const agents = new Map<string, ProxyAgent>();

export function createLiveTransport(proxyUrl: string): HttpTransport {
  if (proxyUrl === '') return createFetchTransport();
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
