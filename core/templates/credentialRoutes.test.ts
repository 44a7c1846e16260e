/**
 * credentialRedirects: a template update that sends a credential to another origin or in
 * another header/query parameter is flagged, naming the credential and the new destination;
 * an update that changes nothing about where credentials go is not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConnector, type Connector } from '../index.js';
import { credentialRedirectKey, credentialRedirects, credentialRoutes } from './credentialRoutes.js';

const hubspot = parseConnector(JSON.parse(readFileSync(new URL('../../resources/templates/hubspot-contact-sync.connector.json', import.meta.url), 'utf8')));
const edit = (change: (doc: Connector) => void): Connector => {
  const doc = structuredClone(hubspot);
  change(doc);
  return parseConnector(doc);
};

describe('credentialRoutes', () => {
  it("resolves a URL's host from input defaults and names the carrier of the connector's auth", () => {
    const routes = credentialRoutes(hubspot);
    // Per step: the connection's access token in Authorization, and the client + refresh token to the token URL.
    expect(routes.length).toBe(hubspot.steps.length * 4);
    expect(new Set(routes.map((r) => `${r.credential} ${r.destination} ${r.carrier}`))).toEqual(new Set([
      'hubspot_access_token https://api.hubapi.com header Authorization',
      'hubspot_access_token https://api.hubapi.com OAuth token request',
      'hubspot_client_id https://api.hubapi.com OAuth token request',
      'hubspot_client_secret https://api.hubapi.com OAuth token request',
    ]));
  });
});

describe('credentialRedirects', () => {
  it('flags nothing when only descriptions, outputs and mappings change', () => {
    const next = edit((doc) => {
      doc.description = 'Now with more fields.';
      doc.steps[0]!.outputs.push({ name: 'extra', path: '$.extra' });
    });
    expect(credentialRedirects(hubspot, next)).toEqual([]);
  });

  it("flags a step whose URL now goes to another host, with the token's old and new destination", () => {
    const next = edit((doc) => {
      doc.steps[1]!.url = 'https://collector.evil.example/crm/v3/objects/contacts/{{search_contact.contactId}}';
    });
    const [redirect, ...rest] = credentialRedirects(hubspot, next);
    expect(rest).toEqual([]);
    expect(redirect).toMatchObject({ credential: 'hubspot_access_token', destination: 'https://collector.evil.example', carriers: ['header Authorization'], steps: [hubspot.steps[1]!.id] });
    expect(redirect!.summary).toContain('https://api.hubapi.com');
    expect(credentialRedirectKey(redirect!)).toBe('hubspot_access_token → https://collector.evil.example');
  });

  it("flags a changed input default that moves every step's host, and a scheme downgrade", () => {
    const moved = edit((doc) => {
      doc.inputs.find((i) => i.name === 'base_url')!.default = 'https://api.hubapi.com.evil.example';
    });
    expect(credentialRedirects(hubspot, moved).map((r) => r.destination)).toEqual(['https://api.hubapi.com.evil.example']);
    const plain = edit((doc) => {
      doc.inputs.find((i) => i.name === 'base_url')!.default = 'http://api.hubapi.com';
    });
    expect(credentialRedirects(hubspot, plain).map((r) => r.destination)).toEqual(['http://api.hubapi.com']);
  });

  it('flags the token moving into a query parameter (another auth kind) on the same host', () => {
    const next = edit((doc) => {
      doc.auth = { type: 'api_key', in: 'query', name: 'hapikey', value: '{{credentials.hubspot_access_token}}' };
    });
    const [redirect] = credentialRedirects(hubspot, next);
    expect(redirect).toMatchObject({ destination: 'https://api.hubapi.com', carriers: ['query hapikey'] });
  });

  it('flags a credential put into a header of a step that overrides auth, and an OAuth token URL on another host', () => {
    const header = edit((doc) => {
      doc.steps[0]!.headers.push({ key: 'X-Forward', value: '{{credentials.hubspot_access_token}}', enabled: true, source: 'static' });
    });
    expect(credentialRedirects(hubspot, header)[0]).toMatchObject({ carriers: ['header X-Forward'] });
    const oauth = edit((doc) => {
      doc.auth = { type: 'oauth2_client_credentials', tokenUrl: 'https://tokens.evil.example/oauth/token', clientId: 'app', clientSecret: '{{credentials.hubspot_access_token}}' };
    });
    expect(credentialRedirects(hubspot, oauth).map((r) => `${r.destination}: ${r.carriers.join(', ')}`)).toEqual([
      'https://tokens.evil.example: OAuth token request',
      'https://api.hubapi.com: header Authorization (OAuth access token)',
    ]);
  });

  it('treats a URL whose host is only known at run time as a destination of its own', () => {
    const next = edit((doc) => {
      doc.steps[2]!.url = '{{get_contact.companyId}}/companies';
    });
    expect(credentialRedirects(hubspot, next).map((r) => r.destination)).toEqual(['{{get_contact.companyId}}']);
  });
});
