import { createTestServer, reply, type TestServer } from '#core/test-helpers';

export const TOKEN = 'tok-planted-9d8e7f6a5b4c';

/**
 * The 3-step chain API. Phone 404 finds nothing (empty results); phone 500 makes the
 * contact lookup fail; phone "nocompany" has no company. Every route checks the bearer token.
 */
export function startChainServer(): Promise<TestServer> {
  const authorised = (headers: Record<string, string>) => headers.authorization === `Bearer ${TOKEN}`;
  return createTestServer({
    '/contacts/search': (request) => {
      if (!authorised(request.headers)) return reply.json({ error: 'bad token' }, { status: 401 });
      const phone = request.query.phone ?? '';
      if (phone === '404') return reply.json({ results: [] });
      return reply.json({ results: [{ id: `c_${phone}` }] });
    },
    '/contact': (request) => {
      if (!authorised(request.headers)) return reply.json({ error: 'bad token' }, { status: 401 });
      const id = request.query.id ?? '';
      if (id === 'c_500') return reply.json({ error: 'boom' }, { status: 500 });
      if (id === '') return reply.json({ error: 'no such contact' }, { status: 404 });
      return reply.json({ id, firstname: `Ada ${id}`, companyId: id === 'c_nocompany' ? null : 'co_1' });
    },
    '/company': (request) => {
      if (!authorised(request.headers)) return reply.json({ error: 'bad token' }, { status: 401 });
      return reply.json({ id: request.query.id, name: 'Acme Corp' });
    },
  });
}
