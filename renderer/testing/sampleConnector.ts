/** A small valid connector used by renderer tests: search → (details ‖ verify), details → company if condition. */
import { ConnectorSchema, type Connector } from '#core';

export function sampleConnector(overrides: Partial<Connector> = {}): Connector {
  return ConnectorSchema.parse({
    schemaVersion: 2,
    id: 'phone-lookup',
    name: 'Phone lookup',
    inputs: [{ name: 'phone', type: 'phone', required: true }],
    steps: [
      { id: 'search', name: 'Search', url: 'https://api.example.com/search', query: [{ key: 'phone', value: '{{phone}}' }], outputs: [{ name: 'contactId', path: '$.results[0].id' }] },
      { id: 'details', name: 'Details', url: 'https://api.example.com/contacts/{{search.contactId}}', outputs: [{ name: 'companyId', path: '$.companyId' }] },
      { id: 'verify', name: 'Verify', method: 'POST', url: 'https://verify.example.com/check' },
      { id: 'company', name: 'Company', url: 'https://api.example.com/companies/{{details.companyId}}', outputs: [{ name: 'name', path: '$.name' }] },
    ],
    edges: [
      { id: 'e1', source: 'search', target: 'details' },
      { id: 'e2', source: 'search', target: 'verify' },
      { id: 'e3', source: 'details', target: 'company', condition: '{{details.companyId}} !== null' },
    ],
    fieldMappings: [{ source: 'company.name', target: 'company' }],
    ...overrides,
  });
}
