import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createUndiciTransport } from './createUndiciTransport.js';
import { createAddressGuard } from './addressGuard.js';
import { describeTransportContract } from '#core/test-helpers/transportContract';

describeTransportContract('undici', () => createUndiciTransport());

const get = (url: string) => ({ stepId: 's', method: 'GET', url, headers: {}, signal: new AbortController().signal, maxResponseBytes: 1 << 20, maxRedirects: 5 });

async function withServer(handler: Parameters<typeof createServer>[1], test: (url: string, ports: number[]) => Promise<void>) {
  const ports: number[] = [];
  const server = createServer((request, response) => {
    ports.push(request.socket.remotePort ?? 0);
    handler?.(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await test(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, ports);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/tls/${name}`, import.meta.url), 'utf8');

describe('createUndiciTransport', () => {
  it('calls https with extra trusted certificate authorities, and refuses an untrusted certificate', async () => {
    const cert = fixture('localhost.cert.pem');
    const server = createHttpsServer({ cert, key: fixture('localhost.key.pem') }, (request, response) => response.end(JSON.stringify({ path: request.url })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const trusting = createUndiciTransport({ extraCa: [cert] });
    const strict = createUndiciTransport();
    try {
      const response = await trusting.send(get(`${url}/one`));
      expect([response.status, JSON.parse(response.bodyText)]).toEqual([200, { path: '/one' }]);
      await expect(strict.send(get(`${url}/one`))).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    } finally {
      trusting.close();
      strict.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('joins repeated response headers with ", " as fetch does, and sends fetch-like default headers', async () => {
    await withServer((request, response) => {
      response.setHeader('X-Repeated', ['one', 'two']);
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(request.headers));
    }, async (url) => {
      const transport = createUndiciTransport();
      try {
        const response = await transport.send(get(`${url}/`));
        expect(response.headers['x-repeated']).toBe('one, two');
        const sent = JSON.parse(response.bodyText) as Record<string, string>;
        expect(sent).toMatchObject({ accept: '*/*', 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'connector-studio', host: url.slice('http://'.length) });
      } finally {
        transport.close();
      }
    });
  });

  // A request sent as soon as the previous answer ends may find that connection not yet free and
  // open a second one; after that the two are reused.
  it('keeps connections alive between requests', async () => {
    await withServer((_request, response) => response.end('{}'), async (url, ports) => {
      const transport = createUndiciTransport();
      try {
        for (let i = 0; i < 6; i++) await transport.send(get(`${url}/${i}`));
        expect(ports).toHaveLength(6);
        expect(new Set(ports).size, String(ports)).toBeLessThanOrEqual(2);
      } finally {
        transport.close();
      }
    });
  });

  it('refuses a content encoding it cannot decode with NETWORK_ERROR and a hint', async () => {
    await withServer((_request, response) => {
      response.setHeader('Content-Encoding', 'zstd');
      response.end('x');
    }, async (url) => {
      const transport = createUndiciTransport();
      try {
        await expect(transport.send(get(`${url}/`))).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: /cannot decode \(zstd\)/, hint: /Accept-Encoding/ });
      } finally {
        transport.close();
      }
    });
  });

  it('refuses an internal address with the address guard', async () => {
    await withServer((_request, response) => response.end('{}'), async (url) => {
      const transport = createUndiciTransport({ addressGuard: createAddressGuard({ allow: [] }) });
      try {
        await expect(transport.send(get(`${url}/`))).rejects.toMatchObject({ code: 'ADDRESS_BLOCKED' });
      } finally {
        transport.close();
      }
    });
  });
});
