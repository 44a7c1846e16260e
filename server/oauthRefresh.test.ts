/**
 * Server-side runs of an OAuth 2.0 authorization-code connector (issue 13): an expired access
 * token is refreshed through the connector's token URL and the new token set is written back to
 * the workspace credential — service role, audited, compare-and-set — on a real PostgreSQL,
 * against the template sandbox's Salesforce (token endpoint + REST).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationCode } from '#core';
import { createAddressGuard } from '../host/http/addressGuard.js';
import { createNodeTransport } from '../host/http/createNodeTransport.js';
import { SANDBOX_CREDENTIALS } from '../tests/fixtures/sandbox/credentials.js';
import { SANDBOX_SALESFORCE_REFRESH_TOKEN, startSandboxServer, type SandboxServer } from '../tests/fixtures/sandbox/server.js';
import { serviceClaims, userClaims, withClaims } from '../tests/supabase-gateway/claims.js';
import { createServiceDatabase, type ServiceDatabase } from './database.js';
import { executeConnectorJob } from './executeConnectorJob.js';
import { createServerWorld, type ServerWorld } from './test-helpers/world.js';

const hasPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!hasPostgres)('server-side OAuth refresh write-back (real PostgreSQL, sandbox Salesforce)', () => {
  let world: ServerWorld;
  let sandbox: SandboxServer;
  let db: ServiceDatabase;
  let connectorId: string;
  const transport = createNodeTransport({ addressGuard: createAddressGuard({ allow: ['127.0.0.1'] }) });
  const expired = () => authorizationCode.serializeTokenSet({ accessToken: 'expired-sf-access-token', refreshToken: SANDBOX_SALESFORCE_REFRESH_TOKEN, expiresAt: Date.now() - 60_000, scopes: ['api', 'refresh_token'] });

  const setCredential = (name: string, value: string) =>
    withClaims(world.db, userClaims(world.owner.id), (s) => s.query(`select set_credential($1, $2, $3)`, [world.workspaceId, name, value]));
  const storedValue = async (name: string) => {
    const { rows } = await withClaims(world.db, serviceClaims(), (s) => s.query<{ value: string }>(`select public.get_credential_for_execution($1, $2) as value`, [world.workspaceId, name]));
    return rows[0]!.value;
  };

  beforeAll(async () => {
    world = await createServerWorld();
    sandbox = await startSandboxServer();
    db = createServiceDatabase(world.url, { max: 2 });
    const template = JSON.parse(readFileSync(resolve(import.meta.dirname, '../resources/templates/salesforce-lead-enrichment.connector.json'), 'utf8'));
    // The sandbox stands in for login.salesforce.com; instance_url is a run input.
    template.auth.tokenUrl = template.auth.tokenUrl.replace('https://login.salesforce.com', sandbox.baseUrl('salesforce'));
    await setCredential('salesforce_client_id', SANDBOX_CREDENTIALS.salesforce_client_id);
    await setCredential('salesforce_client_secret', SANDBOX_CREDENTIALS.salesforce_client_secret);
    await setCredential('salesforce_connection', expired());
    connectorId = await withClaims(world.db, userClaims(world.owner.id), async (s) => {
      const { rows } = await s.query<{ id: string }>(`insert into connectors (workspace_id, name, config, enabled) values ($1, $2, $3, true) returning id`, [world.workspaceId, template.name, JSON.stringify(template)]);
      return rows[0]!.id;
    });
  });
  afterAll(async () => {
    transport.close();
    await db?.close();
    await sandbox?.close();
    await world?.db.close();
  });

  const job = () => ({ runId: randomUUID(), connectorId: connectorId, workspaceId: world.workspaceId, inputs: { email: 'ava.thompson@northwind.example', instance_url: sandbox.baseUrl('salesforce') } });

  it('refreshes once, stores the new tokens (audited), and the next run uses them without refreshing', async () => {
    const before = sandbox.hits.salesforce ?? 0;
    const first = await executeConnectorJob({ db, transport }, job());
    expect(first.status).toBe('success');
    // One token request + two REST calls.
    expect((sandbox.hits.salesforce ?? 0) - before).toBe(3);
    const stored = authorizationCode.parseTokenSet(await storedValue('salesforce_connection'));
    expect(stored).toMatchObject({ accessToken: SANDBOX_CREDENTIALS.salesforce_connection, refreshToken: SANDBOX_SALESFORCE_REFRESH_TOKEN });
    const audit = await world.db.query(`select actor_role, connector_id from credential_audit_log where action = 'refresh' and credential_name = 'salesforce_connection'`);
    expect(audit.rows).toEqual([{ actor_role: 'service_role', connector_id: connectorId }]);

    // The Salesforce token answer has no expires_in: the stored access token is used until a 401.
    const mid = sandbox.hits.salesforce ?? 0;
    const second = await executeConnectorJob({ db, transport }, job());
    expect(second.status).toBe('success');
    expect((sandbox.hits.salesforce ?? 0) - mid).toBe(2);

    // No token in the execution rows.
    const { rows } = await world.db.query(`select output_data, error_message from connector_executions where connector_id = $1`, [connectorId]);
    const text = JSON.stringify(rows);
    for (const value of [SANDBOX_CREDENTIALS.salesforce_connection, SANDBOX_SALESFORCE_REFRESH_TOKEN, SANDBOX_CREDENTIALS.salesforce_client_secret]) expect(text).not.toContain(value);
  });

  it('writes only over the value the run read (compare-and-set), and only as the service role', async () => {
    const current = await storedValue('salesforce_connection');
    const cas = (expected: string, value: string) => withClaims(world.db, serviceClaims(), (s) => s.query<{ ok: boolean }>(`select public.refresh_credential_for_execution($1, 'salesforce_connection', $2, $3, $4) as ok`, [world.workspaceId, connectorId, expected, value]));
    expect((await cas('an older token set', 'would overwrite newer tokens')).rows[0]!.ok).toBe(false);
    expect(await storedValue('salesforce_connection')).toBe(current);
    await expect(withClaims(world.db, userClaims(world.owner.id), (s) => s.query(`select public.refresh_credential_for_execution($1, 'salesforce_connection', $2, $3, 'x')`, [world.workspaceId, connectorId, current]))).rejects.toThrow(/permission denied|only the server-side executor/);
  });
});
