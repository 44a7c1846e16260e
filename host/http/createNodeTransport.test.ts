import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createNodeTransport } from './createNodeTransport.js';
import { describeTransportContract } from '#core/test-helpers/transportContract';
import { createTestServer, reply, type TestServer } from '#core/test-helpers';

const run = promisify(execFile);
const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/tls/${name}`, import.meta.url), 'utf8');
/** A self-signed certificate for 127.0.0.1 (tests only; made with openssl, valid for 100 years). */
const TLS_CERT = fixture('localhost.cert.pem');

const get = (url: string, headers: Record<string, string> = {}) =>
  ({ stepId: 's', method: 'GET', url, headers, signal: new AbortController().signal, maxResponseBytes: 1 << 20, maxRedirects: 5 });

async function startTlsServer() {
  const clientPorts: number[] = [];
  const server = createHttpsServer({ cert: TLS_CERT, key: fixture('localhost.key.pem') }, (request, response) => {
    clientPorts.push(request.socket.remotePort ?? 0);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ path: request.url, authorization: request.headers.authorization }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    clientPorts,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

describeTransportContract('node', () => createNodeTransport());

describe('createNodeTransport response headers (read from rawHeaders)', () => {
  it('lower-cases names and joins repeated headers with ", " as fetch does', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_request, response) => {
      response.setHeader('X-Repeated', ['one', 'two']);
      response.setHeader('Set-Cookie', ['a=1', 'b=2']);
      response.setHeader('Content-Type', 'application/json');
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const transport = createNodeTransport();
    try {
      const { port } = server.address() as AddressInfo;
      const response = await transport.send(get(`http://127.0.0.1:${port}/`));
      expect(response.headers['x-repeated']).toBe('one, two');
      expect(response.headers['set-cookie']).toBe('a=1, b=2');
      expect(response.headers['content-type']).toBe('application/json');
      expect(Object.getPrototypeOf(response.headers)).toBe(Object.prototype);
    } finally {
      transport.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('createNodeTransport', () => {
  const transport = createNodeTransport();
  let api: TestServer;
  const send = (path: string, headers: Record<string, string> = {}, body?: string) =>
    transport.send({ ...get(`${api.url}${path}`, headers), ...(body === undefined ? {} : { method: 'POST', body }) });

  beforeAll(async () => {
    api = await createTestServer({ '/ok': reply.json({ ok: true }), '/zstd': reply.text('x', { headers: { 'content-encoding': 'zstd' } }) });
  });
  afterAll(async () => {
    transport.close();
    await api.close();
  });

  it('sends what fetch would when the request does not say (accept, encodings, user agent, text body type)', async () => {
    await send('/ok', {}, 'plain words');
    const seen = api.hits('/ok').at(-1);
    expect(seen?.headers).toMatchObject({ accept: '*/*', 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'connector-studio', 'content-type': 'text/plain;charset=UTF-8', 'content-length': '11' });
  });

  it("keeps the request's own headers and leaves framing headers to the client", async () => {
    await send('/ok', { Accept: 'application/json', 'User-Agent': 'mine/1', 'Content-Length': '999', Connection: 'close' }, '{}');
    const seen = api.hits('/ok').at(-1);
    expect(seen?.headers).toMatchObject({ accept: 'application/json', 'user-agent': 'mine/1', 'content-length': '2' });
    expect(seen?.body).toBe('{}');
  });

  it('reuses one keep-alive connection for consecutive requests', async () => {
    const before = api.requests.length;
    for (let i = 0; i < 5; i++) await send('/ok');
    expect(api.requests.length - before).toBe(5);
    expect(new Set(api.requests.slice(before).map((request) => request.clientPort)).size).toBe(1);
  });

  it('speaks https with the system trust store, and names an untrusted certificate', async () => {
    const secure = await startTlsServer();
    try {
      const error = await transport.send(get(`${secure.url}/x`)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'NETWORK_ERROR', message: /self-signed/ });

      const trusting = createNodeTransport({ extraCa: [TLS_CERT] });
      const first = await trusting.send(get(`${secure.url}/one`, { authorization: 'Bearer t' }));
      const second = await trusting.send(get(`${secure.url}/two`));
      trusting.close();
      expect([first.status, JSON.parse(first.bodyText)]).toEqual([200, { path: '/one', authorization: 'Bearer t' }]);
      expect(second.status).toBe(200);
      expect(secure.clientPorts.length).toBe(2);
      expect(new Set(secure.clientPorts).size).toBe(1);
    } finally {
      await secure.close();
    }
  });

  it('refuses a content encoding it cannot decode with NETWORK_ERROR and a hint', async () => {
    await expect(send('/zstd')).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: /cannot decode \(zstd\)/, hint: /Accept-Encoding/ });
  });

  it('refuses URLs that are not http or https with NETWORK_ERROR and a hint', async () => {
    const error = await transport.send(get('ftp://127.0.0.1/file')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', message: /only http and https/ });
  });

  it('never keeps a process alive with its idle connections', async () => {
    // The test server keeps idle connections open for a minute: a client that held the process
    // open with one would run into the child's timeout instead of exiting.
    const script = `
      const { createNodeTransport } = await import(${JSON.stringify(new URL('./createNodeTransport.ts', import.meta.url).href)});
      const res = await createNodeTransport().send({ stepId: 's', method: 'GET', url: process.argv[1], headers: {}, signal: new AbortController().signal, maxResponseBytes: 100, maxRedirects: 0 });
      console.log(res.status);`;
    const child = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, `${api.url}/ok`], { timeout: 15_000 });
    expect(child.stdout.trim()).toBe('200');
  });
});
