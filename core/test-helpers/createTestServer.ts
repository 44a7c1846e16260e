/**
 * A real HTTP server on 127.0.0.1 (random port) for integration tests, with the faults
 * APIs really have: 429 with Retry-After, 5xx, slow and stalled responses, connection
 * resets, malformed JSON, oversized bodies, redirect loops and cross-origin redirects.
 * Every request is captured (method, path, headers, body, arrival time).
 *
 * Only tests import this file (it uses node:http; the lint rule exempts test-helpers/).
 */
import { createServer, type ServerResponse } from 'node:http';
import { text as readBody } from 'node:stream/consumers';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

export type Reply =
  | { kind: 'json'; body: unknown; status?: number; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'text'; body: string; status?: number; headers?: Record<string, string>; delayMs?: number }
  /** Status only, e.g. 500 or 503, with an optional Retry-After. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  /** Never sends anything (the socket stays open until the client gives up). */
  | { kind: 'stall' }
  /** Sends headers and a first chunk, then never finishes the body. */
  | { kind: 'stallBody' }
  /** Sends headers and a first chunk, then destroys the socket (the body never completes). */
  | { kind: 'cutBody' }
  /** Destroys the socket without an answer (ECONNRESET / "socket hang up"). */
  | { kind: 'reset'; delayMs?: number }
  | { kind: 'redirect'; location: string; status?: number }
  /** A body of `bytes` bytes streamed in chunks; `declareLength` sends Content-Length. */
  | { kind: 'oversized'; bytes: number; declareLength?: boolean }
  /** Content-Type says JSON, the body is not. */
  | { kind: 'malformedJson' }
  /** `body` compressed with `encoding` (and Content-Encoding saying so). */
  | { kind: 'compressed'; body: string; encoding: 'gzip' | 'deflate' | 'br' };

export interface CapturedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  /** The client's port: requests sharing it came over one (keep-alive) connection. */
  clientPort: number;
  /** Date.now() when the request arrived and when its answer finished (or failed). */
  receivedAt: number;
  finishedAt?: number;
}

/** A fixed reply, a sequence (each hit takes the next; the last repeats), or a function. */
export type Route = Reply | Reply[] | ((request: CapturedRequest, hit: number) => Reply);

export interface TestServer {
  url: string;
  origin: string;
  requests: CapturedRequest[];
  hits(path: string): CapturedRequest[];
  close(): Promise<void>;
}

export const reply = {
  json: (body: unknown, options: Omit<Extract<Reply, { kind: 'json' }>, 'kind' | 'body'> = {}): Reply => ({ kind: 'json', body, ...options }),
  text: (body: string, options: Omit<Extract<Reply, { kind: 'text' }>, 'kind' | 'body'> = {}): Reply => ({ kind: 'text', body, ...options }),
  status: (status: number, headers: Record<string, string> = {}): Reply => ({ kind: 'status', status, headers }),
  tooManyRequests: (retryAfter: string): Reply => ({ kind: 'status', status: 429, headers: { 'retry-after': retryAfter } }),
  redirect: (location: string, status = 302): Reply => ({ kind: 'redirect', location, status }),
  stall: (): Reply => ({ kind: 'stall' }),
  stallBody: (): Reply => ({ kind: 'stallBody' }),
  cutBody: (): Reply => ({ kind: 'cutBody' }),
  reset: (): Reply => ({ kind: 'reset' }),
  oversized: (bytes: number, declareLength = false): Reply => ({ kind: 'oversized', bytes, declareLength }),
  malformedJson: (): Reply => ({ kind: 'malformedJson' }),
  compressed: (body: string, encoding: 'gzip' | 'deflate' | 'br' = 'gzip'): Reply => ({ kind: 'compressed', body, encoding }),
};

const COMPRESS = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };

function pickReply(route: Route, request: CapturedRequest, hit: number): Reply {
  if (typeof route === 'function') return route(request, hit);
  if (Array.isArray(route)) return route[Math.min(hit, route.length - 1)] as Reply;
  return route;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(res: ServerResponse, socket: Socket, answer: Reply, captured: CapturedRequest): Promise<void> {
  const finish = () => {
    captured.finishedAt = Date.now();
  };
  switch (answer.kind) {
    case 'json':
    case 'text':
    case 'status': {
      if (answer.delayMs) await delay(answer.delayMs);
      const body = answer.kind === 'json' ? JSON.stringify(answer.body) : (answer.body ?? '');
      const type = answer.kind === 'json' ? 'application/json' : 'text/plain';
      res.writeHead(answer.status ?? 200, { 'content-type': type, ...answer.headers });
      res.end(body, finish);
      return;
    }
    case 'stall':
      return;
    case 'stallBody':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
      return;
    case 'cutBody':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":', () => {
        finish();
        socket.destroy();
      });
      return;
    case 'reset':
      if (answer.delayMs) await delay(answer.delayMs);
      finish();
      socket.destroy();
      return;
    case 'redirect':
      res.writeHead(answer.status ?? 302, { location: answer.location });
      res.end(finish);
      return;
    case 'malformedJson':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": 1, "name": "Ada"', finish);
      return;
    case 'compressed': {
      const bytes = COMPRESS[answer.encoding](answer.body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': answer.encoding, 'content-length': String(bytes.length) });
      res.end(bytes, finish);
      return;
    }
    case 'oversized': {
      res.writeHead(200, { 'content-type': 'application/json', ...(answer.declareLength ? { 'content-length': String(answer.bytes) } : {}) });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      let left = answer.bytes;
      const pump = () => {
        while (left > 0) {
          const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= piece.length;
          if (!res.write(piece)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end(finish);
      };
      // The client aborts once it has read enough; that ends the write with an error we ignore.
      res.on('error', () => {});
      pump();
      return;
    }
  }
}

export async function createTestServer(routes: Record<string, Route>): Promise<TestServer> {
  const requests: CapturedRequest[] = [];
  const hitCount = new Map<string, number>();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : (value ?? '');
      const captured: CapturedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        body: await readBody(req),
        clientPort: req.socket.remotePort ?? 0,
        receivedAt: Date.now(),
      };
      requests.push(captured);
      const route = routes[`${captured.method} ${url.pathname}`] ?? routes[url.pathname];
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `no route for ${captured.method} ${url.pathname}` }));
        return;
      }
      const hit = hitCount.get(url.pathname) ?? 0;
      hitCount.set(url.pathname, hit + 1);
      await send(res, req.socket, pickReply(route, captured, hit), captured);
    })().catch(() => res.destroy());
  });
  // Idle keep-alive connections stay open until close(), so a client holding one is visible.
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    origin,
    requests,
    hits: (path) => requests.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
