/**
 * The template sandbox answers like the real APIs: it checks auth the way each API does,
 * returns the documented shapes for known data and each API's "not found" answer otherwise;
 * and a live run of a template against it records a cassette with no credential value in it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationCode, createRecordingTransport, createRedactor, createReplayTransport, parseConnector, runConnector } from '#core';
import { createFetchTransport } from '../../host/http/createFetchTransport.js';
import { startSignIn } from '../../host/connections/signInFlow.js';
import { startSandboxServer, type SandboxServer } from '../fixtures/sandbox/server.js';
import { SANDBOX_CREDENTIALS as KEYS } from '../fixtures/sandbox/credentials.js';

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer();
});
afterAll(async () => {
  await sandbox.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.origin}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('sandbox APIs', () => {
  it('ZeroBounce: api_key query parameter; a bad key is a 200 with an error field', async () => {
    const ok = await get(`/zerobounce/v2/validate?api_key=${KEYS.zerobounce_api_key}&email=ava.thompson%40northwind.example&ip_address=`);
    expect(ok).toMatchObject({ status: 200, body: { address: 'ava.thompson@northwind.example', status: 'valid', firstname: 'Ava' } });
    const bad = await get('/zerobounce/v2/validate?api_key=wrong&email=a%40b.example&ip_address=');
    expect(bad).toEqual({ status: 200, body: { error: 'Invalid API key or your account ran out of credits' } });
    const invalid = await get(`/zerobounce/v2/validate?api_key=${KEYS.zerobounce_api_key}&email=nobody%40northwind.example&ip_address=`);
    expect(invalid.body).toMatchObject({ status: 'invalid', sub_status: 'mailbox_not_found' });
  });

  it('Clearbit: Bearer or Basic key; unknown domain is a 404 unknown_record', async () => {
    expect((await get('/clearbit/v2/companies/find?domain=northwind.example', { authorization: `Bearer ${KEYS.clearbit_api_key}` })).body).toMatchObject({ name: 'Northwind Traders', metrics: { employees: 240 } });
    const basic = `Basic ${Buffer.from(`${KEYS.clearbit_api_key}:`).toString('base64')}`;
    expect((await get('/clearbit/v2/companies/find?domain=northwind.example', { authorization: basic })).status).toBe(200);
    expect(await get('/clearbit/v2/companies/find?domain=northwind.example')).toMatchObject({ status: 401, body: { error: { type: 'auth_required' } } });
    expect(await get('/clearbit/v2/companies/find?domain=nope.example', { authorization: `Bearer ${KEYS.clearbit_api_key}` })).toMatchObject({ status: 404, body: { error: { type: 'unknown_record' } } });
  });

  it('Trestle: x-api-key header; an unknown number has no owners', async () => {
    expect(await get('/trestle/3.2/phone?phone=%2B12065550123')).toEqual({ status: 403, body: { message: 'Forbidden' } });
    const known = await get('/trestle/3.2/phone?phone=%2B12065550123', { 'x-api-key': KEYS.trestle_api_key });
    expect(known.body).toMatchObject({ is_valid: true, owners: [{ firstname: 'Ava', lastname: 'Thompson' }] });
    expect((await get('/trestle/3.2/phone?phone=2065550199', { 'x-api-key': KEYS.trestle_api_key })).body).toMatchObject({ is_valid: true, owners: [] });
  });

  it('HubSpot: Bearer private app token; search, get with associations, 404 category', async () => {
    const auth = { authorization: `Bearer ${KEYS.hubspot_access_token}`, 'content-type': 'application/json' };
    const search = async (email: string, headers: Record<string, string>) => {
      const response = await fetch(`${sandbox.origin}/hubspot/crm/v3/objects/contacts/search`, { method: 'POST', headers, body: JSON.stringify({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: email }] }], properties: ['firstname'], limit: 1 }) });
      return { status: response.status, body: await response.json() };
    };
    expect(await search('ava.thompson@northwind.example', auth)).toMatchObject({ status: 200, body: { total: 1, results: [{ id: '51', properties: { firstname: 'Ava' } }] } });
    expect(await search('stranger@nowhere.example', auth)).toEqual({ status: 200, body: { total: 0, results: [] } });
    expect(await search('ava.thompson@northwind.example', { 'content-type': 'application/json' })).toMatchObject({ status: 401, body: { category: 'INVALID_AUTHENTICATION' } });
    expect((await get('/hubspot/crm/v3/objects/contacts/51?properties=jobtitle&associations=companies', auth)).body).toMatchObject({ properties: { jobtitle: 'Head of Purchasing' }, associations: { companies: { results: expect.arrayContaining([expect.objectContaining({ id: '9001', type: 'contact_to_company' })]) } } });
    expect(await get('/hubspot/crm/v3/objects/contacts/999', auth)).toMatchObject({ status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND' } });
  });

  it('Salesforce: client credentials token, then SOQL with the issued token', async () => {
    const token = async (secret: string) => {
      const response = await fetch(`${sandbox.origin}/salesforce/services/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', client_id: KEYS.salesforce_client_id, client_secret: secret }).toString() });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    expect(await token('wrong')).toEqual({ status: 400, body: { error: 'invalid_client', error_description: 'invalid client credentials' } });
    const issued = await token(KEYS.salesforce_client_secret);
    expect(issued.body).toMatchObject({ token_type: 'Bearer', instance_url: `${sandbox.origin}/salesforce` });
    const q = encodeURIComponent("SELECT Id, FirstName FROM Lead WHERE Email = 'ava.thompson@northwind.example' LIMIT 1");
    expect((await get(`/salesforce/services/data/v62.0/query?q=${q}`, { authorization: `Bearer ${issued.body.access_token}` })).body).toMatchObject({ totalSize: 1, done: true, records: [{ attributes: { type: 'Lead' }, FirstName: 'Ava' }] });
    expect(await get(`/salesforce/services/data/v62.0/query?q=${q}`, { authorization: 'Bearer nope' })).toEqual({ status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] });
    expect((await get('/salesforce/services/data/v62.0/query?q=DELETE', { authorization: `Bearer ${issued.body.access_token}` })).body).toEqual([expect.objectContaining({ errorCode: 'MALFORMED_QUERY' })]);
  });
});

describe('recording a template against the sandbox', () => {
  it('runs live, records a cassette without credential values, and the cassette replays', async () => {
    const connector = parseConnector(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/templates/salesforce-lead-enrichment.connector.json'), 'utf8')));
    const secrets: Record<string, string> = { ...KEYS };
    const redactor = createRedactor(secrets);
    const recorder = createRecordingTransport(createFetchTransport(), redactor);
    const inputs = { email: 'ava.thompson@northwind.example', instance_url: sandbox.baseUrl('salesforce') };
    const live = await runConnector(connector, { inputs, transport: recorder, secrets: { get: (name) => secrets[name] }, random: () => 0 });
    expect(live.status).toBe('success');
    expect(live.contact).toMatchObject({ first_name: 'Ava', salesforce_lead_id: '00Q5e00000A1b2CEAR' });

    const cassette = recorder.toCassette(connector.id);
    const text = JSON.stringify(cassette);
    for (const value of Object.values(KEYS)) expect(text).not.toContain(value);
    // The connection's access token is recorded as its placeholder; no token request was needed.
    expect(text).toContain('Bearer {{credentials.salesforce_connection}}');
    expect(text).not.toContain('oauth2/token');

    const replayed = await runConnector(connector, { inputs, transport: createReplayTransport(cassette), secrets: { get: (name) => `{{credentials.${name}}}` }, random: () => 0 });
    expect(replayed.contact).toEqual(live.contact);
  });
});

describe('Salesforce template: Connect (authorization code + PKCE) against the sandbox', () => {
  it('signs in through the loopback redirect, runs with the stored connection, and refreshes an expired access token once', async () => {
    const template = parseConnector(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/templates/salesforce-lead-enrichment.connector.json'), 'utf8')));
    if (template.auth.type !== 'oauth2_authorization_code') throw new Error('the Salesforce template should use the authorization-code flow');
    expect([template.auth.authorizationUrl, template.auth.tokenUrl, template.auth.scope]).toEqual(['https://login.salesforce.com/services/oauth2/authorize', 'https://login.salesforce.com/services/oauth2/token', 'api refresh_token']);
    // The sandbox stands in for login.salesforce.com (as the recording script maps it).
    const onSandbox = (url: string) => url.replace('https://login.salesforce.com', sandbox.baseUrl('salesforce'));
    const connector = { ...template, auth: { ...template.auth, authorizationUrl: onSandbox(template.auth.authorizationUrl), tokenUrl: onSandbox(template.auth.tokenUrl) } };
    const transport = createFetchTransport();

    const flow = await startSignIn(connector.auth, { credentials: { salesforce_client_id: KEYS.salesforce_client_id, salesforce_client_secret: KEYS.salesforce_client_secret }, credentialsPlace: 'the Credentials panel', transport });
    expect(new URL(flow.url).searchParams.get('code_challenge_method')).toBe('S256');
    // The browser's part: the sandbox approves at once and redirects to the app's loopback listener.
    const approval = await fetch(flow.url, { redirect: 'manual' });
    await (await fetch(approval.headers.get('location') ?? '')).text();
    const tokens = authorizationCode.parseTokenSet(await flow.value);
    expect(tokens).toMatchObject({ accessToken: KEYS.salesforce_connection, refreshToken: expect.stringMatching(/^sbx-sf-refresh-/), subject: expect.stringContaining('/id/00D5e000000Abcd/') });

    // Stored as the connection, expired: the run refreshes it once and writes the new tokens back.
    const stored: Record<string, string> = { ...KEYS, salesforce_connection: authorizationCode.serializeTokenSet({ ...tokens, accessToken: 'expired-access-token', expiresAt: Date.now() - 1000 }) };
    const saved: string[] = [];
    const inputs = { email: 'ava.thompson@northwind.example', instance_url: sandbox.baseUrl('salesforce') };
    const record = await runConnector(connector, { inputs, transport, secrets: { get: (name) => stored[name], set: (name, value) => { saved.push(name); stored[name] = value; } } });
    expect(record.status).toBe('success');
    expect(record.contact).toMatchObject({ first_name: 'Ava', salesforce_lead_id: '00Q5e00000A1b2CEAR' });
    expect(saved).toEqual(['salesforce_connection']);
    expect(authorizationCode.parseTokenSet(stored.salesforce_connection as string).accessToken).toBe(KEYS.salesforce_connection);
    // Nothing of the tokens in the record.
    const text = JSON.stringify(record);
    for (const value of [KEYS.salesforce_connection, tokens.refreshToken ?? 'none', KEYS.salesforce_client_secret]) expect(text).not.toContain(value);
  });
});
