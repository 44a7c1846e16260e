import { ConnectorSchema, type Connector } from '#core';

export function sampleConnector(overrides: Partial<Connector> & { id?: string; name?: string } = {}): Connector {
  return ConnectorSchema.parse({
    schemaVersion: 2,
    id: 'lookup',
    name: 'Contact lookup',
    credentials: [{ name: 'crm_token' }],
    auth: { type: 'bearer', token: '{{credentials.crm_token}}' },
    inputs: [{ name: 'email', type: 'email', required: true }],
    steps: [
      {
        id: 'search',
        method: 'GET',
        url: 'https://api.example.com/search',
        query: [{ key: 'email', value: '{{email}}' }],
        outputs: [{ name: 'contactId', path: '$.results[0].id' }],
        mock: { status: 200, body: { results: [{ id: 'c-42' }] } },
      },
    ],
    ...overrides,
  });
}
