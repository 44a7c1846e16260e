/**
 * Server-side request safety through the real Node transport and a real 127.0.0.1 server:
 * internal addresses are refused at connect time (by name, by literal IP, after a
 * redirect), and an explicit allow-list lets the test sandbox through.
 */
import { createServer, type Server } from 'node:http';
import type dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressGuard, parseAllowList } from './addressGuard.js';
import { createNodeTransport } from './createNodeTransport.js';

let server: Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    hits++;
    if (request.url === '/redirect-to-loopback') {
      response.writeHead(302, { location: `http://127.0.0.2:${port}/ok` });
      return response.end();
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A resolver that answers every name with the loopback address, as a rebinding DNS would. */
const rebindingLookup = ((hostname: string, options: dns.LookupAllOptions, callback: (e: null, a: dns.LookupAddress[]) => void) => {
  callback(null, [{ address: '127.0.0.1', family: 4 }]);
}) as unknown as typeof dns.lookup;

const send = (transport: ReturnType<typeof createNodeTransport>, url: string) =>
  transport.send({ stepId: 's', method: 'GET', url, headers: {}, signal: AbortSignal.timeout(5_000), maxResponseBytes: 1_000_000, maxRedirects: 5 });

describe('address guard', () => {
  it('judges addresses: internal ranges refused, public ones and the allow-list accepted', () => {
    const guard = createAddressGuard();
    for (const internal of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      expect(guard.isAllowed(internal), internal).toBe(false);
    }
    for (const external of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) expect(guard.isAllowed(external), external).toBe(true);
    const allowing = createAddressGuard({ allow: parseAllowList('127.0.0.1, 10.0.0.0/8') });
    expect(allowing.isAllowed('127.0.0.1')).toBe(true);
    expect(allowing.isAllowed('10.9.9.9')).toBe(true);
    expect(allowing.isAllowed('127.0.0.2')).toBe(false);
    expect(() => createAddressGuard({ allow: ['not-an-ip'] })).toThrow(/not an IP/);
  });

  it('refuses a name that resolves to loopback at connect time: the server never sees the request', async () => {
    const transport = createNodeTransport({ addressGuard: createAddressGuard({ lookup: rebindingLookup }) });
    const before = hits;
    await expect(send(transport, `http://api.rebind.test:${port}/ok`)).rejects.toMatchObject({ code: 'ADDRESS_BLOCKED' });
    await expect(send(transport, `http://localhost:${port}/ok`)).rejects.toMatchObject({ code: 'ADDRESS_BLOCKED' });
    expect(hits).toBe(before);
    transport.close();
  });

  it('refuses literal internal IPs, including a redirect to one', async () => {
    const transport = createNodeTransport({ addressGuard: createAddressGuard({ allow: ['127.0.0.1'] }) });
    await expect(send(transport, `http://127.0.0.2:${port}/ok`)).rejects.toMatchObject({ code: 'ADDRESS_BLOCKED' });
    await expect(send(transport, `http://[::1]:${port}/ok`)).rejects.toMatchObject({ code: 'ADDRESS_BLOCKED' });
    await expect(send(transport, 'http://169.254.169.254/latest/meta-data/')).rejects.toMatchObject({ code: 'ADDRESS_BLOCKED' });
    const before = hits;
    await expect(send(transport, `http://127.0.0.1:${port}/redirect-to-loopback`)).rejects.toMatchObject({ code: 'ADDRESS_BLOCKED' });
    expect(hits).toBe(before + 1); // the redirect itself was allowed, its target was not
    transport.close();
  });

  it('lets the sandbox through only when it is explicitly allowed, for names resolved by the guard too', async () => {
    const transport = createNodeTransport({ addressGuard: createAddressGuard({ allow: ['127.0.0.1'], lookup: rebindingLookup }) });
    const response = await send(transport, `http://api.rebind.test:${port}/ok`);
    expect(response.status).toBe(200);
    transport.close();
  });
});
