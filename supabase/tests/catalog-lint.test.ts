/**
 * The catalog lint fails the suite on: a table without RLS, a SECURITY DEFINER function
 * without a pinned search_path or executable by anon/PUBLIC, an unconditional policy on a
 * tenant table, a view that is not security_invoker, anything anon can read that is not
 * declared public. The second half proves each rule fires on a deliberately bad schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { lintCatalog } from './helpers/catalogLint.js';

const PUBLIC_TABLES = ['public.connector_templates', 'public.template_versions'];

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe('catalog lint on the migrated schema', () => {
  it('finds nothing', async () => {
    expect(await lintCatalog(db, { anonReadableTables: PUBLIC_TABLES })).toEqual([]);
  });

  it('covers every table the migrations create', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' order by 1`,
    );
    expect(rows.map((r) => r.name)).toEqual([
      'api_rate_limits', 'connector_executions', 'connector_revisions', 'connector_run_requests', 'connector_templates', 'connectors', 'credential_audit_log',
      'saas_admin_users', 'template_installs', 'template_ratings', 'template_reports', 'template_versions',
      'workspace_api_credentials', 'workspace_members', 'workspaces',
    ]);
  });

  it('no SECURITY DEFINER function is callable by anon at all', async () => {
    const { rows } = await db.query<{ name: string }>(
      `select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where p.prosecdef and n.nspname in ('public', 'private') and has_function_privilege('anon', p.oid, 'EXECUTE')`,
    );
    expect(rows).toEqual([]);
  });

  it('the encrypted credential column and the key are unreadable by every API role', async () => {
    const { rows } = await db.query<{ role: string; column_ok: boolean; key_ok: boolean }>(
      `select r as role,
              has_column_privilege(r, 'public.workspace_api_credentials', 'encrypted_value', 'SELECT') as column_ok,
              has_schema_privilege(r, 'private', 'USAGE') as key_ok
       from unnest(array['anon', 'authenticated']) r`,
    );
    expect(rows).toEqual([
      { role: 'anon', column_ok: false, key_ok: false },
      { role: 'authenticated', column_ok: false, key_ok: false },
    ]);
  });
});

describe('catalog lint rules fire on a bad schema', () => {
  let bad: TestDatabase;
  beforeAll(async () => {
    bad = await createTestDatabase();
    await bad.exec(`
      create table public.leaky (id int, workspace_id uuid);
      create table public.open_tenant (id int, workspace_id uuid);
      alter table public.open_tenant enable row level security;
      create policy everyone on public.open_tenant for select using (true);
      create function public.unpinned() returns int language sql security definer as $$ select 1 $$;
      create view public.owner_view as select id from public.open_tenant;
    `);
  });
  afterAll(async () => {
    await bad?.close();
  });

  it('reports each problem', async () => {
    const findings = await lintCatalog(bad, { anonReadableTables: PUBLIC_TABLES });
    expect(findings).toEqual(expect.arrayContaining([
      'table public.leaky does not have row-level security enabled',
      'SECURITY DEFINER function public.unpinned() has no pinned search_path',
      'SECURITY DEFINER function public.unpinned() is executable by anon',
      'SECURITY DEFINER function public.unpinned() is executable by PUBLIC (revoke it explicitly)',
      'policy everyone on tenant table public.open_tenant is unconditional (true)',
      'view public.owner_view is not security_invoker',
      // Supabase's default privileges grant new tables to anon: forgetting to revoke is caught.
      'public.leaky is readable by anon but not declared public',
    ]));
  });
});
