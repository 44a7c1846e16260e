/** Documents the dashboard creates: a blank connector and the starters (services/starters.ts lists them). */
import { ConnectorSchema, CURRENT_SCHEMA_VERSION, type Connector, type Step } from '#core';
import type { StarterId } from './starters.js';

function newId(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'connector';
  return `${slug}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

export function blankConnector(name = 'Untitled connector'): Connector {
  return ConnectorSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: newId(name),
    name,
    steps: [{ id: 'step_1', name: 'Request', url: 'https://api.example.com/', position: { x: 300, y: 0 } }],
  });
}

/** A one-step connector (cURL import). Credentials the step refers to are declared as slots, so it validates. */
export function connectorFromStep(step: Step, name: string): Connector {
  const referenced = new Set([...JSON.stringify(step).matchAll(/\{\{\s*credentials\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!));
  const credentials = [...referenced].map((credential) => ({ name: credential, label: `${credential.replace(/_/g, ' ')} (stored under Credentials)` }));
  return ConnectorSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, id: newId(name), name, credentials, steps: [{ ...step, position: { x: 300, y: 0 } }] });
}

/**
 * A starter's canned answer, so it runs in Mock mode (the default) before any API is set up;
 * `latencyMs` lets the timeline show the parallel steps overlapping.
 */
const json = (body: unknown, latencyMs = 0) => ({ status: 200, headers: { 'content-type': 'application/json' }, body, latencyMs });

/** Each starter's document, with a new id every time. */
export const STARTER_DOCUMENTS: Record<StarterId, () => Connector> = {
  'phone-lookup': () => ConnectorSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: newId('phone lookup'),
    name: 'Phone lookup',
    icon: '📞',
    inputs: [{ name: 'phone', type: 'phone', label: 'Phone', required: true }],
    steps: [
      { id: 'search', name: 'Search contact', url: 'https://api.example.com/contacts/search', query: [{ key: 'phone', value: '{{phone}}', source: 'input' }], outputs: [{ name: 'contactId', path: '$.results[0].id' }], mock: json({ results: [{ id: 'c_1024', phone: '+15551234567' }] }), position: { x: 300, y: 0 } },
      { id: 'details', name: 'Contact details', url: 'https://api.example.com/contacts/{{search.contactId}}', outputs: [{ name: 'firstName', path: '$.first_name' }], mock: json({ id: 'c_1024', first_name: 'Ada', last_name: 'Lovelace' }, 120), position: { x: 600, y: -80 } },
      { id: 'company', name: 'Company', url: 'https://api.example.com/contacts/{{search.contactId}}/company', outputs: [{ name: 'name', path: '$.name' }], mock: json({ name: 'Analytical Engines Ltd', domain: 'engines.example' }, 120), position: { x: 600, y: 80 } },
    ],
    edges: [{ id: 'e1', source: 'search', target: 'details' }, { id: 'e2', source: 'search', target: 'company' }],
    fieldMappings: [{ source: 'details.firstName', target: 'first_name' }, { source: 'company.name', target: 'company' }],
  }),
  'email-verify': () => ConnectorSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: newId('email verify'),
    name: 'Email verification',
    icon: '✉️',
    category: 'verification',
    inputs: [{ name: 'email', type: 'email', label: 'Email', required: true }],
    auth: { type: 'bearer', token: '{{credentials.verify_token}}' },
    credentials: [{ name: 'verify_token', label: 'Verification API token' }],
    steps: [{ id: 'verify', name: 'Verify', method: 'POST', url: 'https://verify.example.com/check', body: { type: 'json', value: { email: '{{email}}' } }, outputs: [{ name: 'valid', path: '$.valid' }], mock: json({ valid: true, reason: 'accepted' }), position: { x: 300, y: 0 } }],
    // CRM contacts have no system field for this: a custom one.
    fieldMappings: [{ source: 'verify.valid', target: 'email_valid', custom: true, coerce: 'boolean' }],
  }),
};
