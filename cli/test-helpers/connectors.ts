/**
 * Connector documents for the CLI tests, pointed at a local test server. Built as plain
 * objects (what a user writes in a file), in either format.
 */

/** App format: search contact → get contact → (if companyId) get company, bearer auth. */
export function chainConnector(baseUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 2,
    id: 'chain',
    name: 'Phone Chain',
    inputs: [{ name: 'phone', type: 'phone', required: true }],
    credentials: [{ name: 'crm_token' }],
    auth: { type: 'bearer', token: '{{credentials.crm_token}}' },
    steps: [
      { id: 'search', name: 'Search Contact', url: `${baseUrl}/contacts/search`, query: [{ key: 'phone', value: '{{phone}}' }], outputs: [{ name: 'contactId', path: '$.results[0].id' }] },
      { id: 'contact', name: 'Get Contact', url: `${baseUrl}/contact`, query: [{ key: 'id', value: '{{search.contactId}}' }], outputs: [{ name: 'firstName', path: '$.firstname' }, { name: 'companyId', path: '$.companyId' }] },
      { id: 'company', name: 'Get Company', url: `${baseUrl}/company`, query: [{ key: 'id', value: '{{contact.companyId}}' }], outputs: [{ name: 'companyName', path: '$.name' }] },
    ],
    edges: [
      { id: 'e1', source: 'search', target: 'contact' },
      { id: 'e2', source: 'contact', target: 'company', condition: '{{contact.companyId}} !== null' },
    ],
    fieldMappings: [
      { source: 'contact.firstName', target: 'first_name' },
      { source: 'company.companyName', target: 'company' },
    ],
    settings: { timeoutMs: 5000, maxRetries: 0 },
    ...overrides,
  };
}

/** The same chain in the interchange format (`{{workspace.crm_token}}`, nested config). */
export function chainInterchange(baseUrl: string): Record<string, unknown> {
  return {
    name: 'Phone Chain (interchange)',
    type: 'multi-step',
    input_schema: { phone: { type: 'string', label: 'Phone', required: true } },
    config: {
      auth: { type: 'bearer', token: '{{workspace.crm_token}}' },
      steps: [
        { id: 'step_1', name: 'Search Contact', method: 'GET', url: `${baseUrl}/contacts/search`, queryParams: [{ key: 'phone', value: '{{phone}}' }], outputs: { contactId: '$.results[0].id' } },
        { id: 'step_2', name: 'Get Contact', method: 'GET', url: `${baseUrl}/contact`, queryParams: [{ key: 'id', value: '{{step_1.contactId}}' }], outputs: { firstName: '$.firstname', companyId: '$.companyId' } },
        { id: 'step_3', name: 'Get Company', method: 'GET', url: `${baseUrl}/company`, queryParams: [{ key: 'id', value: '{{step_2.companyId}}' }], condition: { enabled: true, expression: '{{step_2.companyId}} !== null' }, outputs: { companyName: '$.name' } },
      ],
    },
    field_mappings: [
      { source: 'step_2.firstName', target: 'first_name' },
      { source: 'step_3.companyName', target: 'company' },
    ],
    timeout_ms: 5000,
    max_retries: 0,
    continue_on_error: false,
  };
}

/** One GET step, for rate-limit and secret tests. */
export function singleStepConnector(url: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 2,
    id: 'single',
    name: 'Single Step',
    inputs: [{ name: 'phone', type: 'string' }],
    credentials: [{ name: 'crm_token' }],
    auth: { type: 'bearer', token: '{{credentials.crm_token}}' },
    steps: [{ id: 'lookup', name: 'Lookup', url, query: [{ key: 'phone', value: '{{phone}}' }], outputs: [{ name: 'echo', path: '$.echo' }] }],
    fieldMappings: [{ source: 'lookup.echo', target: 'notes' }],
    settings: { timeoutMs: 5000, maxRetries: 0 },
    ...overrides,
  };
}
