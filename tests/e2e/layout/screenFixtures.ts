/**
 * A fixed workspace for the screenshot and layout specs: the same connectors, names and positions every
 * time, in a folder with a fixed name (the top bar shows it), and no runs (no dates or durations).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const FIVE_STEPS = {
  schemaVersion: 2, id: 'five', name: 'Enrich a contact from a phone number', description: 'Finds the contact by phone, then its details, company, email check and lead score.',
  icon: '📞', category: 'enrichment',
  inputs: [{ name: 'phone', type: 'phone', required: true }],
  steps: [
    { id: 'search', name: 'Search contact', url: 'https://api.example.com/contacts/search?phone={{phone}}', position: { x: 300, y: 0 }, outputs: [{ name: 'contactId', path: '$.results[0].id' }] },
    { id: 'details', name: 'Contact details', url: 'https://api.example.com/contacts/{{search.contactId}}', position: { x: 600, y: -120 } },
    { id: 'company', name: 'Company', url: 'https://api.example.com/companies/1', position: { x: 600, y: 120 } },
    { id: 'verify', name: 'Verify email', method: 'POST', url: 'https://verify.example.com/check', position: { x: 900, y: -120 } },
    { id: 'score', name: 'Lead score', url: 'https://score.example.com/score', position: { x: 900, y: 120 } },
  ],
  edges: [
    { id: 'e1', source: 'search', target: 'details' },
    { id: 'e2', source: 'search', target: 'company', condition: '{{search.contactId}} !== null' },
    { id: 'e3', source: 'details', target: 'verify' },
    { id: 'e4', source: 'company', target: 'score' },
  ],
};

const OTHERS = [
  {
    schemaVersion: 2, id: 'long', icon: '🏢', category: 'crm',
    name: 'Company firmographics from the domain of the contact’s work email address, with fallbacks',
    description: 'A deliberately long description that does not fit on the card: it looks the company up by domain, then falls back to a name search, then to a registry lookup, and keeps the best match.',
    steps: [{ id: 'step_1', name: 'Lookup', url: 'https://api.example.com/companies?domain=example.com', position: { x: 300, y: 0 } }],
    edges: [],
  },
  {
    schemaVersion: 2, id: 'verify', icon: '✉️', category: 'verification', enabled: false,
    name: 'Verify email', description: 'Checks that an address accepts mail.',
    inputs: [{ name: 'email', type: 'email', required: true }],
    steps: [{ id: 'step_1', name: 'Check', method: 'POST', url: 'https://verify.example.com/check', position: { x: 300, y: 0 } }],
    edges: [],
  },
];

/** Writes the fixed connectors into `<parent>/Acme workspace` and returns that folder. */
export async function seedScreensWorkspace(parent: string): Promise<string> {
  const dir = join(parent, 'Acme workspace');
  await mkdir(dir, { recursive: true });
  for (const doc of [FIVE_STEPS, ...OTHERS]) await writeFile(join(dir, `${doc.id}.connector.json`), `${JSON.stringify(doc, null, 2)}\n`);
  return dir;
}
