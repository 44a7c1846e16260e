import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { BROWSER_EVENTS_PROTOCOL, BROWSER_TOKEN_PROTOCOL_PREFIX } from '../../contract/hostCallNames.js';
import { startBrowserServer, TOKEN_HEADER, type BrowserServer } from './browserServer.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
let services: HostServices;
let server: BrowserServer;

beforeEach(async () => {
  tmp = await makeTempDir('cs-server-');
  const rendererDir = join(tmp.dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Connector Studio</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(rendererDir, 'assets', 'mountApp-kzFxa1LK.js'), 'console.log(2)');
  await writeFile(join(tmp.dir, 'secret.txt'), 'outside the renderer');
  services = await createHostServices({ userDataDir: join(tmp.dir, 'user-data') });
  server = await startBrowserServer({ services, rendererDir });
});
afterEach(async () => {
  await server.close();
  await services.close();
  await tmp.cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (name: string, params: unknown, headers: Record<string, string> = {}) =>
  call(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers }, body: JSON.stringify({ params }) });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and answers API calls with the token', async () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{40,}$`));
    const reply = await api('settings.get', undefined);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it('refuses API calls without the right token', async () => {
    expect((await api('settings.get', undefined, { [TOKEN_HEADER]: '' })).status).toBe(401);
    const wrong = await api('settings.get', undefined, { [TOKEN_HEADER]: 'x'.repeat(server.token.length) });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses foreign Host headers (DNS rebinding) and foreign Origins', async () => {
    expect((await api('settings.get', undefined, { host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await api('settings.get', undefined, { host: `127.0.0.1:${server.port + 1}` })).status).toBe(421);
    expect((await call('/', { headers: { host: 'rebind.attacker.test' } })).status).toBe(421);
    expect((await api('settings.get', undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await api('settings.get', undefined, { origin: `http://localhost:${server.port}`, host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses non-JSON bodies and GETs on the API, and reports bad payloads and unknown calls', async () => {
    expect((await call('/api/settings.get', { method: 'POST', headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: server.token }, body: '{}' })).status).toBe(415);
    expect((await call('/api/settings.get', { headers: { [TOKEN_HEADER]: server.token } })).status).toBe(405);
    const bad = await api('credentials.set', { name: '../x', value: 'v' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect((await api('shell.exec', {})).status).toBe(404);
  });

  it('serves the renderer with the strict CSP and security headers, and nothing outside it', async () => {
    const page = await call('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Connector Studio');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain(`ws://127.0.0.1:${server.port}`);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await call('/assets/app.js')).headers['content-type']).toContain('javascript');
    expect((await call('/../secret.txt')).status).toBe(404);
    expect((await call('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await call('/assets/..%2f..%2fsecret.txt')).status).toBe(404);
  });

  it('lets the browser keep build files whose names carry their hash, and nothing else', async () => {
    expect((await call('/assets/mountApp-kzFxa1LK.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The page names the current chunks, an unhashed file may change, and API answers are live.
    expect((await call('/')).headers['cache-control']).toBe('no-store');
    expect((await call('/assets/app.js')).headers['cache-control']).toBe('no-store');
    expect((await api('settings.get', undefined)).headers['cache-control']).toBe('no-store');
    expect((await call('/assets/nothing-kzFxa1LK.js')).headers['cache-control']).toBe('no-store');
  });

  it('rejects a port that is taken and leaves nothing subscribed to the host', async () => {
    let subscribed = 0;
    const counting = { ...services, subscribeAll: (listener: Parameters<HostServices['subscribeAll']>[0]) => {
      subscribed += 1;
      const unsubscribe = services.subscribeAll(listener);
      return () => { subscribed -= 1; unsubscribe(); };
    } } as HostServices;
    await expect(startBrowserServer({ services: counting, rendererDir: join(tmp.dir, 'renderer'), port: server.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(subscribed).toBe(0);
  });

  it('sets an HttpOnly SameSite=Strict cookie for the page opened with the token, which then authorises calls', async () => {
    expect((await call('/')).headers['set-cookie']).toBeUndefined();
    const page = await call(`/?token=${server.token}`);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const reply = await call('/api/settings.get', { method: 'POST', headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0]! }, body: '{}' });
    expect(reply.status).toBe(200);
  });

  it('never takes the token from the query string of an API call (URLs end up in logs and history)', async () => {
    const viaQuery = await call(`/api/settings.get?token=${server.token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(viaQuery.status).toBe(401);
    expect(JSON.parse(viaQuery.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', hint: expect.stringContaining(TOKEN_HEADER) } });
  });

  it('pushes events over the WebSocket only to authorised clients of our origin', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const connect = (query: string, headers: Record<string, string>, protocols: string[] = []) =>
      new Promise<{ ws: WebSocket } | { error: string }>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/events${query}`, protocols, { headers });
        ws.once('open', () => resolve({ ws }));
        ws.once('error', (e) => resolve({ error: String(e) }));
      });
    const withToken = [BROWSER_EVENTS_PROTOCOL, `${BROWSER_TOKEN_PROTOCOL_PREFIX}${server.token}`];
    expect(await connect('', { origin })).toHaveProperty('error');
    expect(await connect('', { origin: 'https://evil.example' }, withToken)).toHaveProperty('error');
    expect(await connect('', {}, withToken)).toHaveProperty('error');
    // The token in the socket's URL is not accepted either.
    expect(await connect(`?token=${server.token}`, { origin }, [BROWSER_EVENTS_PROTOCOL])).toHaveProperty('error');
    const good = await connect('', { origin }, withToken);
    if (!('ws' in good)) throw new Error(good.error);
    // The server answers with the plain protocol: the token is never echoed back.
    expect(good.ws.protocol).toBe(BROWSER_EVENTS_PROTOCOL);
    const message = new Promise<string>((resolve) => good.ws.once('message', (d) => resolve(String(d))));
    services.emit('store.changed', { kind: 'changed', file: 'a.connector.json', id: 'a' });
    expect(JSON.parse(await message)).toEqual({ event: 'store.changed', payload: { kind: 'changed', file: 'a.connector.json', id: 'a' } });
    good.ws.close();
  });
});
