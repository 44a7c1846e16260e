/**
 * installTemplate (fresh ids, distinct names, credential references renamed to the user's
 * choice, provenance remembered) and diffTemplateVersions (readable, keyed changes + patch).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTemplateVersions, distinctName, installTemplate, manifestFromConnector, parseConnector, referencedCredentialNames, validateConnector, type Connector } from '#core';

const hubspot = parseConnector(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/templates/hubspot-contact-sync.connector.json'), 'utf8')));
const manifest = manifestFromConnector(hubspot, { slug: 'hubspot-contact-sync' });

describe('installTemplate', () => {
  it('copies the template into a valid connector with a fresh id and the template id and version', () => {
    const installed = installTemplate(manifest, { existingNames: [] });
    expect(installed.id).not.toBe(hubspot.id);
    expect(installed.id).toMatch(/^conn_[0-9a-f-]{36}$/);
    expect(installed.template).toEqual({ id: 'official:hubspot-contact-sync', version: 2, credentials: { hubspot_access_token: 'hubspot_access_token', hubspot_client_id: 'hubspot_client_id', hubspot_client_secret: 'hubspot_client_secret' } });
    expect(installed.name).toBe('HubSpot Contact Sync');
    expect(installed.steps.map((s) => s.id)).toEqual(hubspot.steps.map((s) => s.id));
    expect(validateConnector(installed).issues).toEqual([]);
    expect(installTemplate(manifest, { existingNames: [] }).id).not.toBe(installed.id);
  });

  it('gives a second install a distinct name, and a third', () => {
    const first = installTemplate(manifest, { existingNames: [] });
    const second = installTemplate(manifest, { existingNames: [first.name] });
    const third = installTemplate(manifest, { existingNames: [first.name, second.name] });
    expect([first.name, second.name, third.name]).toEqual(['HubSpot Contact Sync', 'HubSpot Contact Sync (2)', 'HubSpot Contact Sync (3)']);
    expect(distinctName('HubSpot Contact Sync', ['hubspot contact sync ', 'HubSpot Contact Sync (2)'])).toBe('HubSpot Contact Sync (3)');
    expect(distinctName('Other', ['HubSpot Contact Sync'])).toBe('Other');
  });

  it('renames credential references so the user can pick an existing credential', () => {
    const installed = installTemplate(manifest, { existingNames: [], credentialNameMap: { hubspot_access_token: 'crm_token' } });
    expect(installed.auth).toMatchObject({ type: 'oauth2_authorization_code', tokens: '{{credentials.crm_token}}', clientId: '{{credentials.hubspot_client_id}}' });
    expect(referencedCredentialNames(installed).sort()).toEqual(['crm_token', 'hubspot_client_id', 'hubspot_client_secret']);
    expect(installed.credentials[0]).toEqual(expect.objectContaining({ name: 'crm_token', label: 'HubSpot connection' }));
    expect(installed.template?.credentials).toEqual({ hubspot_access_token: 'crm_token', hubspot_client_id: 'hubspot_client_id', hubspot_client_secret: 'hubspot_client_secret' });
    expect(validateConnector(installed).ok).toBe(true);
    // The template itself is untouched.
    expect(manifest.connector.auth).toMatchObject({ type: 'oauth2_authorization_code', authorizationUrl: 'https://app.hubspot.com/oauth/authorize', tokenUrl: 'https://api.hubapi.com/oauth/v1/token', tokens: '{{credentials.hubspot_access_token}}' });
  });

  it('merges two slots mapped to one credential, and rewrites workspace. spellings in steps', () => {
    const base = structuredClone(hubspot) as Connector;
    base.credentials.push({ name: 'second_token', label: 'Second' });
    base.steps[0]!.headers.push({ key: 'X-Other', value: '{{workspace.second_token}}', enabled: true, source: 'static' });
    const m = manifestFromConnector(base, { slug: 'hubspot-contact-sync', version: 2 });
    const installed = installTemplate(m, { existingNames: [], credentialNameMap: { hubspot_access_token: 'shared', second_token: 'shared' } });
    expect(installed.credentials.map((c) => c.name)).toEqual(['shared', 'hubspot_client_id', 'hubspot_client_secret']);
    expect(installed.steps[0]!.headers.at(-1)!.value).toBe('{{credentials.shared}}');
    expect(installed.template).toEqual({ id: 'official:hubspot-contact-sync', version: 2, credentials: { hubspot_access_token: 'shared', hubspot_client_id: 'hubspot_client_id', hubspot_client_secret: 'hubspot_client_secret', second_token: 'shared' } });
  });

  it('updates an installed connector in place: same id, name and enabled state, the new version, the credentials it used', () => {
    const installed = { ...installTemplate(manifest, { existingNames: [], credentialNameMap: { hubspot_access_token: 'crm_token' } }), name: 'My HubSpot', enabled: false };
    const next = structuredClone(hubspot) as Connector;
    next.description = 'Version two';
    next.steps[0]!.timeoutMs = 9000;
    const v2 = manifestFromConnector(next, { slug: 'hubspot-contact-sync', version: 2 });
    const updated = installTemplate(v2, { existingNames: ['My HubSpot'], credentialNameMap: installed.template!.credentials!, replacing: installed });
    expect([updated.id, updated.name, updated.enabled]).toEqual([installed.id, 'My HubSpot', false]);
    expect(updated.description).toBe('Version two');
    expect(updated.steps[0]!.timeoutMs).toBe(9000);
    expect(updated.auth).toMatchObject({ type: 'oauth2_authorization_code', tokens: '{{credentials.crm_token}}' });
    expect(updated.template).toEqual({ id: 'official:hubspot-contact-sync', version: 2, credentials: { hubspot_access_token: 'crm_token', hubspot_client_id: 'hubspot_client_id', hubspot_client_secret: 'hubspot_client_secret' } });
  });

  it('refuses a credential name that cannot be referenced', () => {
    expect(() => installTemplate(manifest, { existingNames: [], credentialNameMap: { hubspot_access_token: 'not valid!' } })).toThrow(/cannot name a credential/);
  });
});

describe('diffTemplateVersions', () => {
  it('reports nothing for equal documents, ignoring ids, provenance and positions', () => {
    const moved = structuredClone(hubspot) as Connector;
    moved.id = 'other';
    moved.steps[0]!.position = { x: 999, y: 1 };
    moved.template = { id: 'official:hubspot-contact-sync', version: 9 };
    const diff = diffTemplateVersions(hubspot, moved);
    expect(diff.changes).toEqual([]);
  });

  it('lists changed, added and removed items by their id or name, with a patch', () => {
    const next = structuredClone(hubspot) as Connector;
    next.steps[1]!.url = '{{base_url}}/crm/v4/objects/contacts/{{search_contact.contactId}}';
    next.steps.reverse(); // order alone is not a change
    next.inputs.push({ name: 'owner', type: 'string', label: 'Owner', required: false });
    next.fieldMappings = next.fieldMappings.filter((m) => m.target !== 'phone');
    next.rateLimit.maxRequestsPerMinute = 1140;
    const diff = diffTemplateVersions(hubspot, next, { old: 'v1', new: 'v2' });
    expect(diff.changes.map((c) => [c.kind, c.path])).toEqual(expect.arrayContaining([
      ['changed', 'steps[get_contact].url'],
      ['added', 'inputs[owner]'],
      ['removed', 'fieldMappings[phone]'],
      ['changed', 'rateLimit.maxRequestsPerMinute'],
    ]));
    expect(diff.changes).toHaveLength(4);
    expect(diff.changes.find((c) => c.path === 'rateLimit.maxRequestsPerMinute')?.summary).toBe('rateLimit.maxRequestsPerMinute: 600 → 1140.');
    expect(diff.changes.find((c) => c.path === 'inputs[owner]')?.summary).toBe('Added input "owner".');
    expect(diff.patch).toContain('--- v1');
    expect(diff.patch).toContain('+    "maxRequestsPerMinute": 1140,');
    expect(diff.patch).toContain('-    "maxRequestsPerMinute": 600,');
  });
});
