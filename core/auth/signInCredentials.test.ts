import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConnector } from '../validation/validateConnector.js';
import { signInCredentials } from './signInCredentials.js';

const template = (slug: string) => parseConnector(JSON.parse(readFileSync(new URL(`../../resources/templates/${slug}.connector.json`, import.meta.url), 'utf8')));

describe('signInCredentials', () => {
  it('names the connection credential of an authorization-code block, and nothing for kinds without sign-in', () => {
    expect(signInCredentials(template('salesforce-lead-enrichment'))).toEqual(['salesforce_connection']);
    expect(signInCredentials(template('hubspot-contact-sync'))).toEqual(['hubspot_access_token']);
    expect(signInCredentials(template('zerobounce-email-validation'))).toEqual([]);
  });

  it('looks at step-level auth too', () => {
    const doc = template('zerobounce-email-validation');
    const hubspot = template('hubspot-contact-sync');
    const withStepAuth = { ...doc, steps: doc.steps.map((step, i) => (i === 0 ? { ...step, auth: hubspot.auth } : step)) };
    expect(signInCredentials(withStepAuth)).toEqual(['hubspot_access_token']);
  });
});
