/**
 * A local 127.0.0.1 API for the server tests and the bench: every request is logged with
 * its arrival and finish time, so concurrency caps and rate limits are proved from what the
 * API actually saw. `/c/<tag>/…` paths group requests by connector; `?delay=ms` or the
 * default latency holds each answer; `?status=` forces a status; `?echo_auth=1` echoes the Authorization header; `?retry_after=s` sets Retry-After.
 */
import { createServer, type Server } from 'node:http';

export interface SandboxRequest {
  tag: string;
  path: string;
  authorization: string | undefined;
  arrivedAt: number;
  finishedAt?: number;
}

export interface Sandbox {
  baseUrl: string;
  port: number;
  requests: SandboxRequest[];
  /** Most requests of `tag` that were in flight at the same moment. */
  maxInFlight(tag: string): number;
  count(tag?: string): number;
  close(): Promise<void>;
}

export async function startSandbox(options: { latencyMs?: number } = {}): Promise<Sandbox> {
  const requests: SandboxRequest[] = [];
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const tag = /^\/c\/([^/]+)/.exec(url.pathname)?.[1] ?? '';
    const entry: SandboxRequest = { tag, path: url.pathname + url.search, authorization: request.headers.authorization, arrivedAt: Date.now() };
    requests.push(entry);
    const now = (inFlight.get(tag) ?? 0) + 1;
    inFlight.set(tag, now);
    peak.set(tag, Math.max(peak.get(tag) ?? 0, now));
    const delay = Number(url.searchParams.get('delay') ?? options.latencyMs ?? 0);
    const status = Number(url.searchParams.get('status') ?? 200);
    request.resume();
    setTimeout(() => {
      const body = JSON.stringify({ ok: status < 300, id: `id_${requests.length}`, name: `Company ${tag}`, echo: url.searchParams.get('q'),
        // ?echo_auth=1 sends the Authorization header back: a response that carries the secret.
        ...(url.searchParams.get('echo_auth') ? { seen: request.headers.authorization } : {}) });
      inFlight.set(tag, (inFlight.get(tag) ?? 1) - 1);
      entry.finishedAt = Date.now();
      const retryAfter = url.searchParams.get('retry_after');
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(retryAfter ? { 'retry-after': retryAfter } : {}) });
      response.end(body);
    }, delay);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    requests,
    maxInFlight: (tag) => peak.get(tag) ?? 0,
    count: (tag) => (tag === undefined ? requests.length : requests.filter((r) => r.tag === tag).length),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
