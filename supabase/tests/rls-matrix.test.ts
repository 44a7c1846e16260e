/**
 * The isolation matrix: every table × select/insert/update/delete, attempted by a signed-in
 * user against a row of their own workspace (or their own row) and against another
 * workspace's (or user's) row, plus anon. Each attempt runs in its own transaction switched
 * exactly like PostgREST (SET LOCAL ROLE + request.jwt.claims), its effect is then checked
 * as the superuser in the same transaction, and everything is rolled back.
 *
 * Own-workspace writes marked 'rpc' are refused on the table by design: that table is
 * written only through an RPC (credentials must be encrypted and audited, executions
 * redacted, templates decided server-side). Every cross-workspace attempt must be denied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClaims, userClaims, withClaims, type JwtClaims } from '../../tests/supabase-gateway/claims.js';
import type { SqlSession } from '../../tests/supabase-gateway/database.js';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { buildWorld, isPermissionDenied, sampleConfig, type World } from './helpers/world.js';

type Op = 'select' | 'insert' | 'update' | 'delete';
type Expect = 'allowed' | 'denied' | 'rpc';

interface Target {
  /** Runs the attempt as the switched role. */
  attempt: (s: SqlSession) => Promise<unknown>;
  /** Checked as superuser afterwards: did the attempt take effect? */
  effect: (su: SqlSession, attemptResult: unknown) => Promise<boolean>;
}

interface MatrixRow {
  table: string;
  op: Op;
  own?: { expect: Expect; target: (w: World) => Target };
  other: (w: World) => Target;
}

const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows.length;
const exists = async (su: SqlSession, sql: string, params: unknown[]) => (await su.query(sql, params)).rows.length > 0;

const selectBy = (table: string, column: string, id: (w: World) => unknown) => (w: World): Target => ({
  attempt: (s) => s.query(`select * from ${table} where ${column} = $1`, [id(w)]),
  effect: async (_su, result) => rowsOf(result) > 0,
});
const updateBy = (table: string, column: string, id: (w: World) => unknown, set: string, check: string) => (w: World): Target => ({
  attempt: (s) => s.query(`update ${table} set ${set} where ${column} = $1`, [id(w)]),
  effect: (su) => exists(su, `select 1 from ${table} where ${column} = $1 and ${check}`, [id(w)]),
});
const deleteBy = (table: string, column: string, id: (w: World) => unknown, gone = `false`) => (w: World): Target => ({
  attempt: (s) => s.query(`delete from ${table} where ${column} = $1`, [id(w)]),
  effect: async (su) => !(await exists(su, `select 1 from ${table} where ${column} = $1 and not (${gone})`, [id(w)])),
});
const insertInto = (sql: string, params: (w: World) => unknown[], check: string, checkParams: (w: World) => unknown[]) => (w: World): Target => ({
  attempt: (s) => s.query(sql, params(w)),
  effect: (su) => exists(su, check, checkParams(w)),
});

/** Client writes must hold a real connector document (see the connector config check). */
const VALID_CONFIG = JSON.stringify(sampleConfig('matrix'));
const credentialColumns = 'id, workspace_id, name, created_at, updated_at, last_used_at';

const MATRIX: MatrixRow[] = [
  // workspaces
  { table: 'workspaces', op: 'select', own: { expect: 'allowed', target: selectBy('workspaces', 'id', (w) => w.w1) }, other: selectBy('workspaces', 'id', (w) => w.w2) },
  { table: 'workspaces', op: 'update', own: { expect: 'allowed', target: updateBy('workspaces', 'id', (w) => w.w1, `name = 'renamed'`, `name = 'renamed'`) }, other: updateBy('workspaces', 'id', (w) => w.w2, `name = 'renamed'`, `name = 'renamed'`) },
  { table: 'workspaces', op: 'delete', own: { expect: 'allowed', target: deleteBy('workspaces', 'id', (w) => w.w1) }, other: deleteBy('workspaces', 'id', (w) => w.w2) },
  {
    table: 'workspaces', op: 'insert',
    own: { expect: 'rpc', target: insertInto(`insert into workspaces (name) values ('matrix ws')`, () => [], `select 1 from workspaces where name = 'matrix ws'`, () => []) },
    other: insertInto(`insert into workspaces (id, name) values (gen_random_uuid(), 'matrix ws 2')`, () => [], `select 1 from workspaces where name = 'matrix ws 2'`, () => []),
  },
  // workspace_members (carol is a member of both workspaces)
  { table: 'workspace_members', op: 'select', own: { expect: 'allowed', target: selectBy('workspace_members', 'workspace_id', (w) => w.w1) }, other: selectBy('workspace_members', 'workspace_id', (w) => w.w2) },
  {
    table: 'workspace_members', op: 'insert',
    own: { expect: 'allowed', target: insertInto(`insert into workspace_members (workspace_id, user_id) values ($1, $2)`, (w) => [w.w1, w.dave.id], `select 1 from workspace_members where workspace_id = $1 and user_id = $2`, (w) => [w.w1, w.dave.id]) },
    other: insertInto(`insert into workspace_members (workspace_id, user_id) values ($1, $2)`, (w) => [w.w2, w.dave.id], `select 1 from workspace_members where workspace_id = $1 and user_id = $2`, (w) => [w.w2, w.dave.id]),
  },
  {
    table: 'workspace_members', op: 'update',
    own: { expect: 'allowed', target: (w) => ({ attempt: (s) => s.query(`update workspace_members set role = 'admin' where workspace_id = $1 and user_id = $2`, [w.w1, w.carol.id]), effect: (su) => exists(su, `select 1 from workspace_members where workspace_id = $1 and user_id = $2 and role = 'admin'`, [w.w1, w.carol.id]) }) },
    other: (w) => ({ attempt: (s) => s.query(`update workspace_members set role = 'admin' where workspace_id = $1 and user_id = $2`, [w.w2, w.carol.id]), effect: (su) => exists(su, `select 1 from workspace_members where workspace_id = $1 and user_id = $2 and role = 'admin'`, [w.w2, w.carol.id]) }),
  },
  {
    table: 'workspace_members', op: 'delete',
    own: { expect: 'allowed', target: (w) => ({ attempt: (s) => s.query(`delete from workspace_members where workspace_id = $1 and user_id = $2`, [w.w1, w.carol.id]), effect: async (su) => !(await exists(su, `select 1 from workspace_members where workspace_id = $1 and user_id = $2`, [w.w1, w.carol.id])) }) },
    other: (w) => ({ attempt: (s) => s.query(`delete from workspace_members where workspace_id = $1 and user_id = $2`, [w.w2, w.carol.id]), effect: async (su) => !(await exists(su, `select 1 from workspace_members where workspace_id = $1 and user_id = $2`, [w.w2, w.carol.id])) }),
  },
  // connectors (a client delete leaves a tombstone)
  { table: 'connectors', op: 'select', own: { expect: 'allowed', target: selectBy('connectors', 'id', (w) => w.connector1) }, other: selectBy('connectors', 'id', (w) => w.connector2) },
  {
    table: 'connectors', op: 'insert',
    own: { expect: 'allowed', target: insertInto(`insert into connectors (workspace_id, name, config) values ($1, 'matrix', '${VALID_CONFIG}')`, (w) => [w.w1], `select 1 from connectors where name = 'matrix'`, () => []) },
    other: insertInto(`insert into connectors (workspace_id, name, config) values ($1, 'matrix', '${VALID_CONFIG}')`, (w) => [w.w2], `select 1 from connectors where name = 'matrix'`, () => []),
  },
  { table: 'connectors', op: 'update', own: { expect: 'allowed', target: updateBy('connectors', 'id', (w) => w.connector1, `name = 'renamed'`, `name = 'renamed'`) }, other: updateBy('connectors', 'id', (w) => w.connector2, `name = 'renamed'`, `name = 'renamed'`) },
  { table: 'connectors', op: 'delete', own: { expect: 'allowed', target: deleteBy('connectors', 'id', (w) => w.connector1, 'deleted_at is not null') }, other: deleteBy('connectors', 'id', (w) => w.connector2, 'deleted_at is not null') },
  // connector_executions (written by record_execution only; immutable)
  { table: 'connector_executions', op: 'select', own: { expect: 'allowed', target: selectBy('connector_executions', 'id', (w) => w.execution1) }, other: selectBy('connector_executions', 'id', (w) => w.execution2) },
  {
    table: 'connector_executions', op: 'insert',
    own: { expect: 'rpc', target: insertInto(`insert into connector_executions (connector_id, workspace_id, status, error_message) values ($1, $2, 'failed', 'matrix')`, (w) => [w.connector1, w.w1], `select 1 from connector_executions where error_message = 'matrix'`, () => []) },
    other: insertInto(`insert into connector_executions (connector_id, workspace_id, status, error_message) values ($1, $2, 'failed', 'matrix')`, (w) => [w.connector2, w.w2], `select 1 from connector_executions where error_message = 'matrix'`, () => []),
  },
  { table: 'connector_executions', op: 'update', own: { expect: 'rpc', target: updateBy('connector_executions', 'id', (w) => w.execution1, `status = 'failed'`, `status = 'failed'`) }, other: updateBy('connector_executions', 'id', (w) => w.execution2, `status = 'failed'`, `status = 'failed'`) },
  { table: 'connector_executions', op: 'delete', own: { expect: 'allowed', target: deleteBy('connector_executions', 'id', (w) => w.execution1) }, other: deleteBy('connector_executions', 'id', (w) => w.execution2) },
  // workspace_api_credentials (metadata readable; every write through set/delete_credential)
  {
    table: 'workspace_api_credentials', op: 'select',
    own: { expect: 'allowed', target: (w) => ({ attempt: (s) => s.query(`select ${credentialColumns} from workspace_api_credentials where id = $1`, [w.credential1]), effect: async (_su, r) => rowsOf(r) > 0 }) },
    other: (w) => ({ attempt: (s) => s.query(`select ${credentialColumns} from workspace_api_credentials where id = $1`, [w.credential2]), effect: async (_su, r) => rowsOf(r) > 0 }),
  },
  {
    table: 'workspace_api_credentials', op: 'insert',
    own: { expect: 'rpc', target: insertInto(`insert into workspace_api_credentials (workspace_id, name, encrypted_value) values ($1, 'matrix', 'x')`, (w) => [w.w1], `select 1 from workspace_api_credentials where name = 'matrix'`, () => []) },
    other: insertInto(`insert into workspace_api_credentials (workspace_id, name, encrypted_value) values ($1, 'matrix', 'x')`, (w) => [w.w2], `select 1 from workspace_api_credentials where name = 'matrix'`, () => []),
  },
  { table: 'workspace_api_credentials', op: 'update', own: { expect: 'rpc', target: updateBy('workspace_api_credentials', 'id', (w) => w.credential1, `name = 'renamed'`, `name = 'renamed'`) }, other: updateBy('workspace_api_credentials', 'id', (w) => w.credential2, `name = 'renamed'`, `name = 'renamed'`) },
  { table: 'workspace_api_credentials', op: 'delete', own: { expect: 'rpc', target: deleteBy('workspace_api_credentials', 'id', (w) => w.credential1) }, other: deleteBy('workspace_api_credentials', 'id', (w) => w.credential2) },
  // credential_audit_log (append-only, written by the credential RPCs)
  { table: 'credential_audit_log', op: 'select', own: { expect: 'allowed', target: selectBy('credential_audit_log', 'id', (w) => w.audit1) }, other: selectBy('credential_audit_log', 'id', (w) => w.audit2) },
  {
    table: 'credential_audit_log', op: 'insert',
    own: { expect: 'rpc', target: insertInto(`insert into credential_audit_log (workspace_id, credential_name, action, actor_role) values ($1, 'matrix', 'use', 'x')`, (w) => [w.w1], `select 1 from credential_audit_log where credential_name = 'matrix'`, () => []) },
    other: insertInto(`insert into credential_audit_log (workspace_id, credential_name, action, actor_role) values ($1, 'matrix', 'use', 'x')`, (w) => [w.w2], `select 1 from credential_audit_log where credential_name = 'matrix'`, () => []),
  },
  { table: 'credential_audit_log', op: 'update', own: { expect: 'rpc', target: updateBy('credential_audit_log', 'id', (w) => w.audit1, `action = 'delete'`, `action = 'delete'`) }, other: updateBy('credential_audit_log', 'id', (w) => w.audit2, `action = 'delete'`, `action = 'delete'`) },
  { table: 'credential_audit_log', op: 'delete', own: { expect: 'rpc', target: deleteBy('credential_audit_log', 'id', (w) => w.audit1) }, other: deleteBy('credential_audit_log', 'id', (w) => w.audit2) },
  // template_installs (written by install_template)
  { table: 'template_installs', op: 'select', own: { expect: 'allowed', target: selectBy('template_installs', 'id', (w) => w.install1) }, other: selectBy('template_installs', 'id', (w) => w.install2) },
  {
    table: 'template_installs', op: 'insert',
    own: { expect: 'rpc', target: insertInto(`insert into template_installs (template_id, workspace_id, version) values ($1, $2, 99)`, (w) => [w.officialTemplate, w.w1], `select 1 from template_installs where version = 99`, () => []) },
    other: insertInto(`insert into template_installs (template_id, workspace_id, version) values ($1, $2, 99)`, (w) => [w.officialTemplate, w.w2], `select 1 from template_installs where version = 99`, () => []),
  },
  { table: 'template_installs', op: 'update', own: { expect: 'rpc', target: updateBy('template_installs', 'id', (w) => w.install1, `version = 99`, `version = 99`) }, other: updateBy('template_installs', 'id', (w) => w.install2, `version = 99`, `version = 99`) },
  { table: 'template_installs', op: 'delete', own: { expect: 'rpc', target: deleteBy('template_installs', 'id', (w) => w.install1) }, other: deleteBy('template_installs', 'id', (w) => w.install2) },
  // connector_templates: own private template vs another user's private template
  { table: 'connector_templates', op: 'select', own: { expect: 'allowed', target: selectBy('connector_templates', 'id', (w) => w.alicePrivateTemplate) }, other: selectBy('connector_templates', 'id', (w) => w.bobPrivateTemplate) },
  {
    table: 'connector_templates', op: 'insert',
    own: { expect: 'rpc', target: insertInto(`insert into connector_templates (name, config, published_by) values ('matrix', '{}', $1)`, (w) => [w.alice.id], `select 1 from connector_templates where name = 'matrix'`, () => []) },
    other: insertInto(`insert into connector_templates (name, config, published_by, is_official, is_public) values ('matrix', '{}', $1, true, true)`, (w) => [w.bob.id], `select 1 from connector_templates where name = 'matrix'`, () => []),
  },
  { table: 'connector_templates', op: 'update', own: { expect: 'rpc', target: updateBy('connector_templates', 'id', (w) => w.alicePrivateTemplate, `is_featured = true`, `is_featured`) }, other: updateBy('connector_templates', 'id', (w) => w.bobTemplate, `is_featured = true`, `is_featured`) },
  { table: 'connector_templates', op: 'delete', own: { expect: 'rpc', target: deleteBy('connector_templates', 'id', (w) => w.alicePrivateTemplate) }, other: deleteBy('connector_templates', 'id', (w) => w.bobTemplate) },
  // template_versions follow their template's visibility
  { table: 'template_versions', op: 'select', own: { expect: 'allowed', target: selectBy('template_versions', 'template_id', (w) => w.alicePrivateTemplate) }, other: selectBy('template_versions', 'template_id', (w) => w.bobPrivateTemplate) },
  {
    table: 'template_versions', op: 'insert',
    own: { expect: 'rpc', target: insertInto(`insert into template_versions (template_id, version, name, config) values ($1, 99, 'x', '{}')`, (w) => [w.alicePrivateTemplate], `select 1 from template_versions where version = 99`, () => []) },
    other: insertInto(`insert into template_versions (template_id, version, name, config) values ($1, 99, 'x', '{}')`, (w) => [w.bobTemplate], `select 1 from template_versions where version = 99`, () => []),
  },
  { table: 'template_versions', op: 'update', own: { expect: 'rpc', target: updateBy('template_versions', 'template_id', (w) => w.alicePrivateTemplate, `name = 'x'`, `name = 'x'`) }, other: updateBy('template_versions', 'template_id', (w) => w.bobTemplate, `name = 'x'`, `name = 'x'`) },
  { table: 'template_versions', op: 'delete', own: { expect: 'rpc', target: deleteBy('template_versions', 'template_id', (w) => w.alicePrivateTemplate) }, other: deleteBy('template_versions', 'template_id', (w) => w.bobTemplate) },
  // template_ratings: alice's own rating vs bob's
  {
    table: 'template_ratings', op: 'select',
    own: { expect: 'allowed', target: (w) => ({ attempt: (s) => s.query(`select * from template_ratings where user_id = $1`, [w.alice.id]), effect: async (_su, r) => rowsOf(r) > 0 }) },
    other: (w) => ({ attempt: (s) => s.query(`select * from template_ratings where user_id = $1`, [w.bob.id]), effect: async (_su, r) => rowsOf(r) > 0 }),
  },
  {
    table: 'template_ratings', op: 'insert',
    own: { expect: 'allowed', target: insertInto(`insert into template_ratings (template_id, user_id, rating) values ($1, $2, 5)`, (w) => [w.officialTemplate, w.alice.id], `select 1 from template_ratings where template_id = $1 and user_id = $2`, (w) => [w.officialTemplate, w.alice.id]) },
    other: insertInto(`insert into template_ratings (template_id, user_id, rating) values ($1, $2, 5)`, (w) => [w.officialTemplate, w.bob.id], `select 1 from template_ratings where template_id = $1 and user_id = $2`, (w) => [w.officialTemplate, w.bob.id]),
  },
  {
    table: 'template_ratings', op: 'update',
    own: { expect: 'allowed', target: (w) => ({ attempt: (s) => s.query(`update template_ratings set rating = 1 where user_id = $1`, [w.alice.id]), effect: (su) => exists(su, `select 1 from template_ratings where user_id = $1 and rating = 1`, [w.alice.id]) }) },
    other: (w) => ({ attempt: (s) => s.query(`update template_ratings set rating = 1 where user_id = $1`, [w.bob.id]), effect: (su) => exists(su, `select 1 from template_ratings where user_id = $1 and rating = 1`, [w.bob.id]) }),
  },
  { table: 'template_ratings', op: 'delete', own: { expect: 'allowed', target: deleteBy('template_ratings', 'user_id', (w) => w.alice.id) }, other: deleteBy('template_ratings', 'user_id', (w) => w.bob.id) },
  // template_reports: reporters see their own; moderators all
  { table: 'template_reports', op: 'select', own: { expect: 'allowed', target: selectBy('template_reports', 'id', (w) => w.aliceReport) }, other: selectBy('template_reports', 'id', (w) => w.bobReport) },
  {
    table: 'template_reports', op: 'insert',
    own: { expect: 'allowed', target: insertInto(`insert into template_reports (template_id, reporter_id, reason) values ($1, $2, 'matrix')`, (w) => [w.officialTemplate, w.alice.id], `select 1 from template_reports where reason = 'matrix'`, () => []) },
    other: insertInto(`insert into template_reports (template_id, reporter_id, reason) values ($1, $2, 'matrix')`, (w) => [w.officialTemplate, w.bob.id], `select 1 from template_reports where reason = 'matrix'`, () => []),
  },
  { table: 'template_reports', op: 'update', own: { expect: 'rpc', target: updateBy('template_reports', 'id', (w) => w.aliceReport, `resolved_at = now()`, `resolved_at is not null`) }, other: updateBy('template_reports', 'id', (w) => w.bobReport, `resolved_at = now()`, `resolved_at is not null`) },
  { table: 'template_reports', op: 'delete', own: { expect: 'rpc', target: deleteBy('template_reports', 'id', (w) => w.aliceReport) }, other: deleteBy('template_reports', 'id', (w) => w.bobReport) },
  // saas_admin_users: a non-admin can neither see nor grant admin rights
  { table: 'saas_admin_users', op: 'select', other: selectBy('saas_admin_users', 'user_id', (w) => w.admin.id) },
  { table: 'saas_admin_users', op: 'insert', other: insertInto(`insert into saas_admin_users (user_id) values ($1)`, (w) => [w.alice.id], `select 1 from saas_admin_users where user_id = $1`, (w) => [w.alice.id]) },
  { table: 'saas_admin_users', op: 'update', other: updateBy('saas_admin_users', 'user_id', (w) => w.admin.id, `user_id = '${'0'.repeat(8)}-0000-0000-0000-000000000000'`, `false`) },
  { table: 'saas_admin_users', op: 'delete', other: deleteBy('saas_admin_users', 'user_id', (w) => w.admin.id) },
  // api_rate_limits: the executor's counters, no client access at all
  { table: 'api_rate_limits', op: 'select', other: () => ({ attempt: (s) => s.query(`select * from api_rate_limits`), effect: async (_su, r) => rowsOf(r) > 0 }) },
  { table: 'api_rate_limits', op: 'insert', other: insertInto(`insert into api_rate_limits (service_name) values ('matrix')`, () => [], `select 1 from api_rate_limits where service_name = 'matrix'`, () => []) },
  { table: 'api_rate_limits', op: 'update', other: updateBy('api_rate_limits', 'service_name', () => 'hubspot', `current_minute_count = 99`, `current_minute_count = 99`) },
  { table: 'api_rate_limits', op: 'delete', other: deleteBy('api_rate_limits', 'service_name', () => 'hubspot') },
];

/** Anon may read public templates (and their versions); nothing else. */
const ANON_READABLE = new Set(['connector_templates', 'template_versions']);

let db: TestDatabase;
let world: World;

async function attempt(claims: JwtClaims, target: Target): Promise<'allowed' | 'denied'> {
  return withClaims(
    db,
    claims,
    async (s) => {
      let result: unknown;
      try {
        result = await target.attempt(s);
      } catch (error) {
        if (isPermissionDenied(error)) return 'denied' as const;
        throw error;
      }
      await s.query('reset role');
      return (await target.effect(s, result)) ? ('allowed' as const) : ('denied' as const);
    },
    { rollback: true },
  );
}

const results = { own: 0, cross: 0, anon: 0 };

beforeAll(async () => {
  db = await createTestDatabase();
  world = await buildWorld(db);
  await db.query(`insert into api_rate_limits (service_name, requests_per_minute) values ('hubspot', 100)`);
});
afterAll(async () => {
  await db?.close();
  // Printed so CI logs show how much of the matrix ran, on which backend.
  console.info(`RLS matrix on ${db?.backend}: ${results.own} own-side, ${results.cross} cross-side, ${results.anon} anon cases`);
});

describe('RLS matrix: a signed-in user (alice, owner of W1)', () => {
  for (const row of MATRIX) {
    if (row.own) {
      const own = row.own;
      const label = own.expect === 'rpc' ? 'refused on the table (written only through its RPC)' : own.expect;
      it(`${row.table} × ${row.op} on her own row: ${label}`, async () => {
        results.own += 1;
        expect(await attempt(userClaims(world.alice.id), own.target(world))).toBe(own.expect === 'allowed' ? 'allowed' : 'denied');
      });
    }
    it(`${row.table} × ${row.op} on another workspace's/user's row: denied`, async () => {
      results.cross += 1;
      expect(await attempt(userClaims(world.alice.id), row.other(world))).toBe('denied');
    });
  }
});

describe('RLS matrix: anon', () => {
  for (const row of MATRIX) {
    const anonExpect = row.op === 'select' && ANON_READABLE.has(row.table) ? null : 'denied';
    if (!anonExpect) continue;
    it(`${row.table} × ${row.op}: denied`, async () => {
      results.anon += 1;
      for (const target of [row.own?.target(world), row.other(world)]) {
        if (target) expect(await attempt(anonClaims(), target)).toBe('denied');
      }
    });
  }

  it('reads public templates but not private or hidden ones', async () => {
    results.anon += 1;
    const names = await withClaims(db, anonClaims(), async (s) =>
      (await s.query<{ name: string }>(`select name from connector_templates order by name`)).rows.map((r) => r.name),
    );
    expect(names).toEqual(['Alice public', 'Bob public', 'Email Validation (ZeroBounce)']);
  });
});

describe('moving a row across workspaces', () => {
  it('alice (member of W1 only) cannot move her connector into W2', async () => {
    const target: Target = {
      attempt: (s) => s.query(`update connectors set workspace_id = $1 where id = $2`, [world.w2, world.connector1]),
      effect: (su) => exists(su, `select 1 from connectors where id = $1 and workspace_id = $2`, [world.connector1, world.w2]),
    };
    expect(await attempt(userClaims(world.alice.id), target)).toBe('denied');
  });

  it('carol (member of both) cannot move a connector between her workspaces either', async () => {
    const error = await withClaims(db, userClaims(world.carol.id), async (s) => {
      try {
        await s.query(`update connectors set workspace_id = $1 where id = $2`, [world.w2, world.connector1]);
        return null;
      } catch (caught) {
        return caught as { code?: string; message?: string };
      }
    }, { rollback: true });
    expect(error?.code).toBe('42501');
    expect(error?.message).toMatch(/cannot move to another workspace/);
  });

  it('a membership cannot be moved to another workspace, nor a credential, execution or install', async () => {
    const moves = [
      `update workspace_members set workspace_id = '${world.w2}' where workspace_id = '${world.w1}' and user_id = '${world.carol.id}'`,
      `update workspace_api_credentials set workspace_id = '${world.w2}' where id = '${world.credential1}'`,
      `update connector_executions set workspace_id = '${world.w2}' where id = '${world.execution1}'`,
      `update template_installs set workspace_id = '${world.w2}' where id = '${world.install1}'`,
    ];
    for (const sql of moves) {
      for (const user of [world.alice, world.carol]) {
        const target: Target = { attempt: (s) => s.query(sql), effect: async () => true };
        expect(await attempt(userClaims(user.id), target), `${user.email}: ${sql}`).toBe('denied');
      }
    }
  });

  it('an insert into another workspace is refused with a row-level security error', async () => {
    const error = await withClaims(db, userClaims(world.alice.id), async (s) => {
      try {
        await s.query(`insert into connectors (workspace_id, name, config) values ($1, 'sneaky', '${VALID_CONFIG}')`, [world.w2]);
        return null;
      } catch (caught) {
        return caught as { code?: string; message?: string };
      }
    }, { rollback: true });
    expect(error?.code).toBe('42501');
    expect(error?.message).toMatch(/row-level security/);
  });
});

describe('workspace roles', () => {
  it('a plain member can read the workspace but not rename it, delete it or manage members', async () => {
    const carol = userClaims(world.carol.id);
    expect(await attempt(carol, selectBy('workspaces', 'id', (w) => w.w1)(world))).toBe('allowed');
    expect(await attempt(carol, updateBy('workspaces', 'id', (w) => w.w1, `name = 'x'`, `name = 'x'`)(world))).toBe('denied');
    expect(await attempt(carol, deleteBy('workspaces', 'id', (w) => w.w1)(world))).toBe('denied');
    const addDave = insertInto(`insert into workspace_members (workspace_id, user_id) values ($1, $2)`, (w) => [w.w1, w.dave.id], `select 1 from workspace_members where user_id = $1`, (w) => [w.dave.id]);
    expect(await attempt(carol, addDave(world))).toBe('denied');
  });

  it('a plain member may leave, and an admin may not grant the owner role', async () => {
    const leave: Target = {
      attempt: (s) => s.query(`delete from workspace_members where workspace_id = $1 and user_id = $2`, [world.w1, world.carol.id]),
      effect: async (su) => !(await exists(su, `select 1 from workspace_members where workspace_id = $1 and user_id = $2`, [world.w1, world.carol.id])),
    };
    expect(await attempt(userClaims(world.carol.id), leave)).toBe('allowed');

    await db.query(`update workspace_members set role = 'admin' where workspace_id = $1 and user_id = $2`, [world.w1, world.carol.id]);
    try {
      const promote: Target = {
        attempt: (s) => s.query(`update workspace_members set role = 'owner' where workspace_id = $1 and user_id = $2`, [world.w1, world.carol.id]),
        effect: (su) => exists(su, `select 1 from workspace_members where workspace_id = $1 and user_id = $2 and role = 'owner'`, [world.w1, world.carol.id]),
      };
      expect(await attempt(userClaims(world.carol.id), promote)).toBe('denied');
      expect(await attempt(userClaims(world.alice.id), promote)).toBe('allowed');
    } finally {
      await db.query(`update workspace_members set role = 'member' where workspace_id = $1 and user_id = $2`, [world.w1, world.carol.id]);
    }
  });

  it('create_workspace makes the caller its owner; anon cannot call it', async () => {
    const created = await withClaims(db, userClaims(world.dave.id), async (s) =>
      (await s.query<{ w: { id: string; role: string } }>(`select create_workspace('Dave Co') as w`)).rows[0]!.w,
    );
    expect(created.role).toBe('owner');
    const { rows } = await db.query<{ role: string }>(`select role from workspace_members where workspace_id = $1 and user_id = $2`, [created.id, world.dave.id]);
    expect(rows).toEqual([{ role: 'owner' }]);
    await expect(withClaims(db, anonClaims(), (s) => s.query(`select create_workspace('x')`))).rejects.toMatchObject({ code: '42501' });
  });

  it('my_workspaces lists exactly the caller\'s workspaces with the role', async () => {
    const rows = await withClaims(db, userClaims(world.carol.id), async (s) =>
      (await s.query<{ id: string; role: string }>(`select id, role from my_workspaces order by name`)).rows,
    );
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set([world.w1, world.w2]));
    expect(rows.every((r) => r.role === 'member')).toBe(true);
  });

  it('deleting a workspace removes its connectors (the tombstone rule does not block the cascade)', async () => {
    const remaining = await withClaims(db, userClaims(world.alice.id), async (s) => {
      await s.query(`delete from workspaces where id = $1`, [world.w1]);
      await s.query('reset role');
      return (await s.query(`select 1 from connectors where workspace_id = $1`, [world.w1])).rows.length;
    }, { rollback: true });
    expect(remaining).toBe(0);
  });
});
