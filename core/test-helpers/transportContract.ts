/**
 * The contract every live HttpTransport keeps, as tests against real 127.0.0.1 servers:
 * status, headers, body and final URL; the redirect policy (credentials stay on their origin,
 * 303 turns into a GET, loops stop); the response size cap, also after decompression; socket
 * errors as NETWORK_ERROR with their code; deadlines as TIMEOUT and user aborts as CANCELLED.
 * core's fetch transport and host's Node transport both run it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createTestServer, reply, type TestServer } from './createTestServer.js';
import type { HttpTransport, TransportRequest } from '../ports/index.js';
import { runConnector } from '../executor/runConnector.js';
import { makeConnector, secretsFrom } from './connectors.js';

export function describeTransportContract(name: string, createTransport: () => HttpTransport): void {
  describe(`${name} transport contract`, () => {
    const transport = createTransport();
    let api: TestServer;
    let other: TestServer;

    function request(url: string, overrides: Partial<TransportRequest> = {}): TransportRequest {
      return { stepId: 's', method: 'GET', url, headers: {}, signal: new AbortController().signal, maxResponseBytes: 1024 * 1024, maxRedirects: 5, ...overrides };
    }

    beforeAll(async () => {
      other = await createTestServer({ '/landing': reply.json({ landed: true }) });
      api = await createTestServer({
        '/ok': reply.json({ id: 1 }),
        '/echo': (req) => reply.json({ method: req.method, body: req.body, contentType: req.headers['content-type'] ?? null }),
        '/hop': reply.redirect('/ok'),
        '/loop': reply.redirect('/loop'),
        '/away': () => reply.redirect(`${other.url}/landing`, 307),
        '/elsewhere': () => reply.redirect(`${other.url}/landing`, 302),
        '/see-other': reply.redirect('/echo', 303),
        '/big': reply.oversized(300_000),
        '/big-declared': reply.oversized(300_000, true),
        '/reset': reply.reset(),
        '/stall': reply.stall(),
        '/stall-body': reply.stallBody(),
        '/cut-body': reply.cutBody(),
        '/malformed': reply.malformedJson(),
        '/gzip': reply.compressed(JSON.stringify({ packed: 'gzip' }), 'gzip'),
        '/deflate': reply.compressed(JSON.stringify({ packed: 'deflate' }), 'deflate'),
        '/br': reply.compressed(JSON.stringify({ packed: 'br' }), 'br'),
        '/bomb': reply.compressed('a'.repeat(2_000_000), 'gzip'),
      });
    });
    afterAll(async () => {
      await api.close();
      await other.close();
    });

    it('sends the request and returns status, lower-case headers, body and final URL', async () => {
      const res = await transport.send(request(`${api.url}/ok`));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(JSON.parse(res.bodyText)).toEqual({ id: 1 });
    });

    it('follows a same-origin redirect and keeps Authorization', async () => {
      const res = await transport.send(request(`${api.url}/hop`, { headers: { authorization: 'Bearer t' } }));
      expect(res.url).toBe(`${api.url}/ok`);
      const hops = api.hits('/ok');
      expect(hops.at(-1)?.headers.authorization).toBe('Bearer t');
    });

    it('drops Authorization, Cookie and API-key headers on a cross-origin redirect', async () => {
      const res = await transport.send(request(`${api.url}/away`, { headers: { authorization: 'Bearer secret', cookie: 'sid=1', 'x-api-key': 'k', accept: 'application/json' } }));
      expect(JSON.parse(res.bodyText)).toEqual({ landed: true });
      const landed = other.hits('/landing').at(-1);
      expect(landed?.headers.authorization).toBeUndefined();
      expect(landed?.headers.cookie).toBeUndefined();
      expect(landed?.headers['x-api-key']).toBeUndefined();
      expect(landed?.headers.accept).toBe('application/json');
    });

    it('drops every header the request names as carrying a credential, whatever its name, on a cross-origin redirect only', async () => {
      const headers = { 'ocp-apim-subscription-key': 'k1', 'x-key': 'k2', cookie: 'sid=1', accept: 'application/json' };
      const credentialHeaders = ['Ocp-Apim-Subscription-Key', 'x-key'];
      await transport.send(request(`${api.url}/hop`, { headers, credentialHeaders }));
      expect(api.hits('/ok').at(-1)?.headers).toMatchObject({ 'ocp-apim-subscription-key': 'k1', 'x-key': 'k2', cookie: 'sid=1' });

      await transport.send(request(`${api.url}/away`, { headers, credentialHeaders }));
      const landed = other.hits('/landing').at(-1)?.headers ?? {};
      for (const name of ['ocp-apim-subscription-key', 'x-key', 'cookie']) expect(landed[name]).toBeUndefined();
      expect(landed.accept).toBe('application/json');
    });

    it('keeps a credential header template and an api_key auth header of any name on their origin in a run', async () => {
      const connector = makeConnector({
        credentials: [{ name: 'apim' }, { name: 'key' }],
        auth: { type: 'api_key', in: 'header', name: 'X-Key', value: '{{credentials.key}}' },
        steps: [{ id: 'call', method: 'GET', url: `${api.url}/elsewhere`, headers: [{ key: 'Ocp-Apim-Subscription-Key', value: '{{credentials.apim}}' }, { key: 'X-Trace', value: 'trace-1' }] }],
      });
      const record = await runConnector(connector, { inputs: {}, transport, secrets: secretsFrom({ apim: 'apim-secret-1', key: 'x-key-secret-2' }) });
      expect(record.status).toBe('success');
      const first = api.hits('/elsewhere').at(-1)?.headers ?? {};
      expect(first).toMatchObject({ 'ocp-apim-subscription-key': 'apim-secret-1', 'x-key': 'x-key-secret-2' });
      const landed = other.hits('/landing').at(-1)?.headers ?? {};
      expect(landed['ocp-apim-subscription-key']).toBeUndefined();
      expect(landed['x-key']).toBeUndefined();
      expect(landed['x-trace']).toBe('trace-1');
    });

    it('turns a POST into a GET without body on 303', async () => {
      const res = await transport.send(request(`${api.url}/see-other`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } }));
      expect(JSON.parse(res.bodyText)).toEqual({ method: 'GET', body: '', contentType: null });
    });

    it('stops a redirect loop with TOO_MANY_REDIRECTS after maxRedirects hops', async () => {
      const before = api.hits('/loop').length;
      await expect(transport.send(request(`${api.url}/loop`, { maxRedirects: 3 }))).rejects.toMatchObject({ code: 'TOO_MANY_REDIRECTS' });
      expect(api.hits('/loop').length - before).toBe(4);
    });

    it('returns the redirect itself when maxRedirects is 0', async () => {
      const res = await transport.send(request(`${api.url}/hop`, { maxRedirects: 0 }));
      expect(res.status).toBe(302);
    });

    it('aborts an oversized streamed body with RESPONSE_TOO_LARGE', async () => {
      await expect(transport.send(request(`${api.url}/big`, { maxResponseBytes: 100_000 }))).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    });

    it('rejects a declared Content-Length over the cap before reading', async () => {
      await expect(transport.send(request(`${api.url}/big-declared`, { maxResponseBytes: 100_000 }))).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    });

    it('reports a reset connection as NETWORK_ERROR with the socket code', async () => {
      const error = await transport.send(request(`${api.url}/reset`)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
      expect((error as Error).message).toMatch(/ECONNRESET|UND_ERR_SOCKET|socket/i);
    });

    it('reports a connection cut in the middle of the body as NETWORK_ERROR', async () => {
      const error = await transport.send(request(`${api.url}/cut-body`)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
      expect((error as Error).message).toMatch(/ECONNRESET|UND_ERR_SOCKET|terminated|socket|aborted/i);
    });

    it('reports a refused connection as NETWORK_ERROR naming ECONNREFUSED', async () => {
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const address = probe.address() as { port: number };
          probe.close(() => resolve(address.port));
        });
      });
      await expect(transport.send(request(`http://127.0.0.1:${port}/x`))).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: /ECONNREFUSED/ });
    });

    it('maps a deadline abort on a stalled response to TIMEOUT', async () => {
      await expect(transport.send(request(`${api.url}/stall`, { signal: AbortSignal.timeout(150) }))).rejects.toMatchObject({ code: 'TIMEOUT' });
    });

    it('maps a deadline abort while the body stalls to TIMEOUT', async () => {
      await expect(transport.send(request(`${api.url}/stall-body`, { signal: AbortSignal.timeout(150) }))).rejects.toMatchObject({ code: 'TIMEOUT' });
    });

    it('maps a user abort to CANCELLED', async () => {
      const controller = new AbortController();
      const pending = transport.send(request(`${api.url}/stall`, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    });

    it('returns malformed JSON as text (parsing is the executor\'s business)', async () => {
      const res = await transport.send(request(`${api.url}/malformed`));
      expect(res.bodyText).toBe('{"id": 1, "name": "Ada"');
    });

    it('decodes gzip, deflate and br bodies', async () => {
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const res = await transport.send(request(`${api.url}/${encoding}`));
        expect(JSON.parse(res.bodyText)).toEqual({ packed: encoding });
      }
    });

    it('applies the size cap to the decompressed body (a small compressed bomb fails)', async () => {
      expect(gzipSync('a'.repeat(2_000_000)).length).toBeLessThan(100_000);
      await expect(transport.send(request(`${api.url}/bomb`, { maxResponseBytes: 100_000 }))).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    });

    it('sends the request body with the method and content type it was given', async () => {
      const res = await transport.send(request(`${api.url}/echo`, { method: 'PUT', body: '{"a":1}', headers: { 'content-type': 'application/json' } }));
      expect(JSON.parse(res.bodyText)).toEqual({ method: 'PUT', body: '{"a":1}', contentType: 'application/json' });
    });
  });
}
