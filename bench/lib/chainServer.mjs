// The local API of the 3-step chain benchmark (search contact by phone → get contact →
// get company), with small JSON answers. Every request needs the bearer token, so each
// contestant also does its auth work.
import { createServer } from 'node:http';

export const BENCH_TOKEN = 'bench-token-4f9c2e';

export async function startChainServer() {
  let requests = 0;
  let lastHeaders = {};
  const server = createServer((request, response) => {
    requests++;
    lastHeaders = request.headers;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status, body) => {
      const text = JSON.stringify(body);
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      response.end(text);
    };
    if (request.headers.authorization !== `Bearer ${BENCH_TOKEN}`) return send(401, { error: 'unauthorized' });
    const contact = /^\/contacts\/([\w-]+)$/.exec(url.pathname);
    const company = /^\/companies\/([\w-]+)$/.exec(url.pathname);
    if (url.pathname === '/contacts/search') {
      const phone = url.searchParams.get('phone') ?? '';
      return send(200, { total: 1, results: [{ id: `c_${phone.replace(/\D/g, '')}`, phone }] });
    }
    if (contact && contact[1] !== 'search') {
      const n = Number(contact[1].replace(/\D/g, '')) || 0;
      return send(200, { id: contact[1], properties: { firstname: `Ada${n % 100}`, lastname: 'Lovelace', email: `ada${n}@example.com` }, companyId: `co_${n % 10}` });
    }
    if (company) return send(200, { id: company[1], name: `Company ${company[1]}`, domain: 'example.com', employees: 42 });
    return send(404, { error: 'not found' });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requestCount: () => requests,
    /** The headers of the last request received (Node's lower-cased request.headers). */
    lastHeaders: () => lastHeaders,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

export function phoneRows(count) {
  return Array.from({ length: count }, (_, i) => `1555${String(1_000_000 + i).slice(1)}`);
}
