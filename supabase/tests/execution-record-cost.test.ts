/**
 * 20261202110000_execution_record_cost: the cheaper record_execution and credential reads
 * redact and audit exactly as before — salted S2K for credential values (old values
 * re-encrypted by the migration), the sensitive-key walk only when one of its words occurs,
 * secrets replaced wherever they occur, no revision-history call for a statistics update,
 * and the credentials a starting run will read returned (audited) by start_server_execution.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { serviceClaims, userClaims, withClaims } from '../../tests/supabase-gateway/claims.js';
import { createUser, createWorkspace } from '../../tests/supabase-gateway/fixtures.js';
import { BOOTSTRAP_DIR, createTestDatabase, MIGRATIONS_DIR, readSqlFiles, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { sampleConfig } from './helpers/world.js';

const MIGRATION = '20261202110000_execution_record_cost.sql';
// No sensitive word in it, so only the value search can catch it.
const PLAIN_SECRET = 'zq-9f8e7d6c5b4a-plain';

const opened: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
});

/** The S2K specifier of a pgp_sym_encrypt value: byte 4 of its session-key packet (1 salted, 3 iterated). */
async function s2kModes(db: TestDatabase): Promise<number[]> {
  const { rows } = await db.query<{ mode: number }>(`select get_byte(encrypted_value, 4) as mode from workspace_api_credentials order by name`);
  return rows.map((row) => row.mode);
}

async function world(db: TestDatabase) {
  const owner = await createUser(db, 'owner@example.com');
  const workspaceId = await createWorkspace(db, 'Acme', owner.id);
  const connectorId = await withClaims(db, userClaims(owner.id), async (s) =>
    (await s.query<{ id: string }>(`insert into connectors (workspace_id, name, config) values ($1, 'C', $2) returning id`,
      [workspaceId, JSON.stringify(sampleConfig('C'))])).rows[0]!.id);
  const setCredential = (name: string, value: string) =>
    withClaims(db, userClaims(owner.id), (s) => s.query(`select set_credential($1, $2, $3)`, [workspaceId, name, value]));
  const record = (steps: unknown, error?: string) =>
    withClaims(db, serviceClaims(), async (s) => (await s.query<{ e: Record<string, unknown> }>(
      `select record_execution(p_workspace_id => $1, p_connector_id => $2, p_status => 'success', p_client_run_id => gen_random_uuid(),
         p_source => 'server', p_steps_executed => $3, p_error_message => $4) as e`,
      [workspaceId, connectorId, JSON.stringify(steps), error ?? null])).rows[0]!.e);
  return { owner, workspaceId, connectorId, setCredential, record };
}

describe('execution record cost (migration 20261202110000)', () => {
  it('re-encrypts credentials stored before it with salted S2K; they still decrypt to the same value', async () => {
    const db = await createTestDatabase({ empty: true });
    opened.push(db);
    const migrations = await readSqlFiles(MIGRATIONS_DIR);
    const at = migrations.findIndex((file) => file.name === MIGRATION);
    expect(at).toBeGreaterThan(0);
    for (const file of [...(await readSqlFiles(BOOTSTRAP_DIR)), ...migrations.slice(0, at)]) await db.exec(file.sql);
    const w = await world(db);
    await w.setCredential('api_key', 'sk-before-migration-123');
    expect(await s2kModes(db)).toEqual([3]);

    await db.exec(migrations[at]!.sql);
    expect(await s2kModes(db)).toEqual([1]);
    const value = await withClaims(db, serviceClaims(), async (s) =>
      (await s.query<{ v: string }>(`select get_credential_for_execution($1, 'api_key', $2) as v`, [w.workspaceId, w.connectorId])).rows[0]!.v);
    expect(value).toBe('sk-before-migration-123');
    // The rest of the migrations still apply on top.
    for (const file of migrations.slice(at + 1)) await db.exec(file.sql);
  });

  it('stores new and rotated values with salted S2K, each with its own salt', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const w = await world(db);
    await w.setCredential('a_key', 'same-value-1234');
    await w.setCredential('b_key', 'same-value-1234');
    await w.setCredential('a_key', 'same-value-1234');
    expect(await s2kModes(db)).toEqual([1, 1]);
    const { rows } = await db.query<{ n: number }>(`select count(distinct encrypted_value)::int as n from workspace_api_credentials`);
    expect(rows[0]!.n).toBe(2);
  });

  it('redacts as before: secrets in a document without sensitive words, sensitive keys anywhere, header rows, error text', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const w = await world(db);
    await w.setCredential('plain', PLAIN_SECRET);
    await w.setCredential('other', 'other-value-5678');

    // No sensitive word anywhere: only the value search applies, and it still finds both values.
    const plain = await w.record([{ id: 's1', outputs: { echo: `x${PLAIN_SECRET}y`, nested: [{ again: 'other-value-5678' }] } }]);
    expect(JSON.stringify(plain)).not.toContain(PLAIN_SECRET);
    expect(JSON.stringify(plain)).not.toContain('other-value-5678');
    expect(plain.steps_executed).toEqual([{ id: 's1', outputs: { echo: 'x[REDACTED]y', nested: [{ again: '[REDACTED]' }] } }]);

    // A sensitive key deep inside and a header row: the walk runs, as before.
    const deep = await w.record([{ id: 's2', a: [{ b: { 'X-Api-Key': 'k-1', Count: 3 } }], headers: [{ key: 'Cookie', value: 'c=1' }], fine: 'kept' }],
      `upstream echoed ${PLAIN_SECRET}`);
    expect(deep.steps_executed).toEqual([{ id: 's2', a: [{ b: { 'X-Api-Key': '[REDACTED]', Count: 3 } }], headers: [{ key: 'Cookie', value: '[REDACTED]' }], fine: 'kept' }]);
    expect(deep.error_message).toBe('upstream echoed [REDACTED]');

    // Nothing to redact: stored as sent.
    const clean = await w.record([{ id: 's3', outputs: { name: 'Company' }, attempts: [{ status: 200 }] }]);
    expect(clean.steps_executed).toEqual([{ id: 's3', outputs: { name: 'Company' }, attempts: [{ status: 200 }] }]);
  });

  it('a statistics update still writes no revision (the trigger now only fires on a new one); an edit still does', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const w = await world(db);
    await w.record([{ id: 's1' }]);
    await w.record([{ id: 's1' }]);
    const count = async () => (await db.query<{ n: number }>(`select count(*)::int as n from connector_revisions where connector_id = $1`, [w.connectorId])).rows[0]!.n;
    expect(await count()).toBe(1);
    const stats = await db.query(`select total_executions, revision from connectors where id = $1`, [w.connectorId]);
    expect(stats.rows[0]).toEqual({ total_executions: 2, revision: 1 });
    await withClaims(db, userClaims(w.owner.id), (s) => s.query(`update connectors set name = 'C2' where id = $1`, [w.connectorId]));
    expect(await count()).toBe(2);
  });

  it('start_server_execution reads the named credentials (audited) only for a run starting now, leaving out names not set', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const w = await world(db);
    await w.setCredential('api_key', PLAIN_SECRET);
    const start = (connectorId: string, takeSlot: boolean) => withClaims(db, serviceClaims(), async (s) =>
      (await s.query<{ r: Record<string, unknown> }>(`select start_server_execution($1, $2, gen_random_uuid(), $3, array['api_key', 'not_set']) as r`,
        [w.workspaceId, connectorId, takeSlot])).rows[0]!.r);
    const uses = async () => (await db.query<{ n: number }>(`select count(*)::int as n from credential_audit_log where action = 'use'`)).rows[0]!.n;

    const started = await start(w.connectorId, false);
    expect(started).toMatchObject({ started: true, credentials: { api_key: PLAIN_SECRET } });
    expect(Object.keys(started.credentials as object)).toEqual(['api_key']);
    expect(await uses()).toBe(1);

    // A disabled connector does not start: nothing is read.
    await withClaims(db, userClaims(w.owner.id), (s) => s.query(`update connectors set enabled = false where id = $1`, [w.connectorId]));
    const refused = await start(w.connectorId, false);
    expect(refused).toMatchObject({ started: false });
    expect(refused).not.toHaveProperty('credentials');
    expect(await uses()).toBe(1);

    // Members cannot call it.
    await expect(withClaims(db, userClaims(w.owner.id), (s) => s.query(`select start_server_execution($1, $2, gen_random_uuid(), false, array['api_key'])`, [w.workspaceId, w.connectorId])))
      .rejects.toMatchObject({ code: '42501' });
  });
});
