/**
 * Browser mode: the host API and the built renderer on 127.0.0.1. Calls are
 * `POST /api/<call>` with `{ "params": … }`; events are pushed over the WebSocket
 * `/api/events`. Every API request and the WebSocket need the per-launch token, our exact
 * Host, and (when sent) our own Origin.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { BROWSER_TOKEN_HEADER, type HostCallOutcome, type HostEventMessage } from '../../contract/hostApi.js';
import type { HostServices } from '../api/createHostServices.js';
import { invokeHostCall } from '../api/invokeHostCall.js';
import { securityHeaders } from './contentSecurityPolicy.js';
import { EVENTS_PROTOCOL, isAllowedHost, isAllowedOrigin, readCookie, socketProtocolToken, tokenCookieName, tokensMatch } from './requestGuard.js';
import { resolveStaticFile } from './staticFiles.js';

export const TOKEN_HEADER = BROWSER_TOKEN_HEADER;
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface BrowserServerOptions {
  services: HostServices;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 = a random free port. */
  port?: number;
  /** Fixed token for tests; default: 32 random bytes. */
  token?: string;
}

export interface BrowserServer {
  port: number;
  token: string;
  /** The URL to open: includes the token. */
  url: string;
  /** WebSocket clients currently receiving events. */
  eventClientCount(): number;
  close(): Promise<void>;
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  const sockets = new Set<WebSocket>();

  /**
   * API calls carry the token in a header (or the page's HttpOnly cookie); the event socket,
   * which cannot set headers, in a subprotocol (or the cookie). Never in the query string:
   * URLs end up in logs, history and proxies. Only the page load itself takes `?token=`.
   */
  const authorised = (req: IncomingMessage): boolean => {
    const header = req.headers[TOKEN_HEADER];
    const provided = (Array.isArray(header) ? header[0] : header) ?? socketProtocolToken(req.headers['sec-websocket-protocol']) ?? readCookie(req.headers.cookie, tokenCookieName(port));
    return tokensMatch(provided, token);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, 'Internal error');
      else res.destroy();
    });
  });

  const send = (res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) => {
    res.writeHead(status, { ...securityHeaders(port), ...headers });
    res.end(body);
  };
  const sendOutcome = (res: ServerResponse, status: number, outcome: HostCallOutcome) =>
    send(res, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(outcome));
  const refuse = (res: ServerResponse, status: number, message: string, hint: string) =>
    sendOutcome(res, status, { ok: false, error: { name: 'HostError', code: 'UNAUTHORIZED', message, hint } });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      // DNS rebinding: a foreign name resolving to 127.0.0.1 carries that name in Host.
      return send(res, 421, { 'content-type': 'text/plain' }, 'Misdirected request: use http://127.0.0.1:<port>/.');
    }
    const origin = req.headers.origin;
    if (!isAllowedOrigin(origin, port)) return refuse(res, 403, 'Requests from other sites are refused.', 'Open the app from the URL printed by `npm run web`.');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST for API calls.', 'See contract/hostApi.ts.');
      if (!authorised(req)) return refuse(res, 401, 'Missing or wrong token.', url.searchParams.has('token') ? `Send the token in the ${TOKEN_HEADER} header, not in the URL.` : 'Open the app from the URL printed by `npm run web` (it contains the token).');
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        // Forms cannot send JSON: this closes the classic cross-site form POST.
        return refuse(res, 415, 'API calls must be JSON.', 'Send content-type: application/json.');
      }
      const name = url.pathname.slice('/api/'.length);
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req)) || '{}');
      } catch (error) {
        return sendOutcome(res, 400, { ok: false, error: { name: 'HostError', code: 'INVALID_PAYLOAD', message: `The request body is not JSON: ${(error as Error).message}` } });
      }
      const params = typeof body === 'object' && body !== null && 'params' in body ? (body as { params: unknown }).params : undefined;
      const outcome = await invokeHostCall(options.services.api, name, params);
      const status = outcome.ok ? 200 : outcome.error.code === 'UNKNOWN_CALL' ? 404 : outcome.error.code === 'INVALID_PAYLOAD' ? 400 : 200;
      return sendOutcome(res, status, outcome);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { 'content-type': 'text/plain' }, 'Method not allowed');
    const file = await resolveStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, { 'content-type': 'text/plain' }, 'Not found');
    // Hashed build files may be kept: with the port kept between launches (keptPort.ts), the
    // browser's cache, and the compiled code V8 keeps with it, serve the next launch too.
    const headers: Record<string, string> = { 'content-type': file.contentType, ...(file.immutable ? { 'cache-control': 'public, max-age=31536000, immutable' } : {}) };
    const pageToken = url.searchParams.get('token');
    if (file.contentType.startsWith('text/html') && pageToken && tokensMatch(pageToken, token)) {
      // Lets a reload without ?token= keep working; SameSite=Strict keeps other sites from using it.
      headers['set-cookie'] = `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    return send(res, 200, headers, req.method === 'HEAD' ? '' : file.body);
  }

  // The client offers [EVENTS_PROTOCOL, token protocol]: answer with the plain one, never echo the token.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, handleProtocols: (protocols) => (protocols.has(EVENTS_PROTOCOL) ? EVENTS_PROTOCOL : false) });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    // Browsers always send Origin on a WebSocket handshake; require ours.
    const ok = url.pathname === '/api/events' && isAllowedHost(req.headers.host, port) && req.headers.origin !== undefined && isAllowedOrigin(req.headers.origin, port) && authorised(req);
    if (!ok) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', () => ws.close(1008, 'This channel only pushes events.'));
    });
  });

  const unsubscribe = options.services.subscribeAll((event, payload) => {
    const message: HostEventMessage = { event, payload } as HostEventMessage;
    const text = JSON.stringify(message);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      // Nothing may stay subscribed when the port cannot be had (the caller may try another).
      unsubscribe();
      wss.close();
      reject(error);
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    eventClientCount: () => sockets.size,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
