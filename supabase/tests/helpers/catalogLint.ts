/**
 * Security lint over the database catalog. Each rule returns human-readable findings;
 * an empty list means the schema passes. Run against the migrated test database.
 */
import type { SqlSession } from '../../../tests/supabase-gateway/database.js';

export interface LintOptions {
  /** Schemas whose objects are checked. */
  schemas?: string[];
  /** SECURITY DEFINER functions deliberately callable by anon (`schema.name`). */
  anonDefinerAllowList?: string[];
  /** Tables anon may read (public data). */
  anonReadableTables?: string[];
}

const DEFAULT_SCHEMAS = ['public', 'private'];

export async function lintCatalog(db: SqlSession, options: LintOptions = {}): Promise<string[]> {
  const schemas = options.schemas ?? DEFAULT_SCHEMAS;
  const anonDefiners = options.anonDefinerAllowList ?? [];
  const anonTables = options.anonReadableTables ?? [];
  const findings: string[] = [];

  const noRls = await db.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and n.nspname = any($1) and not c.relrowsecurity
     order by 1`,
    [schemas],
  );
  for (const row of noRls.rows) findings.push(`table ${row.name} does not have row-level security enabled`);

  const definers = await db.query<{ name: string; pinned: boolean; anon: boolean; public_exec: boolean }>(
    `select n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as name,
            exists (select 1 from unnest(coalesce(p.proconfig, '{}')) as cfg where cfg like 'search_path=%') as pinned,
            has_function_privilege('anon', p.oid, 'EXECUTE') as anon,
            exists (select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                    where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public_exec
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where p.prosecdef and n.nspname = any($1)
     order by 1`,
    [schemas],
  );
  for (const fn of definers.rows) {
    if (!fn.pinned) findings.push(`SECURITY DEFINER function ${fn.name} has no pinned search_path`);
    const shortName = fn.name.slice(0, fn.name.indexOf('('));
    if (fn.anon && !anonDefiners.includes(shortName)) findings.push(`SECURITY DEFINER function ${fn.name} is executable by anon`);
    if (fn.public_exec) findings.push(`SECURITY DEFINER function ${fn.name} is executable by PUBLIC (revoke it explicitly)`);
  }

  // A tenant table is one with a workspace_id column: no policy may be unconditional on it.
  const openPolicies = await db.query<{ name: string; policy: string }>(
    `select p.schemaname || '.' || p.tablename as name, p.policyname as policy
     from pg_policies p
     where p.schemaname = any($1)
       and exists (select 1 from information_schema.columns col
                   where col.table_schema = p.schemaname and col.table_name = p.tablename and col.column_name = 'workspace_id')
       and (lower(btrim(coalesce(p.qual, ''))) in ('true', '(true)') or lower(btrim(coalesce(p.with_check, ''))) in ('true', '(true)'))
     order by 1, 2`,
    [schemas],
  );
  for (const row of openPolicies.rows) findings.push(`policy ${row.policy} on tenant table ${row.name} is unconditional (true)`);

  const views = await db.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'v' and n.nspname = any($1)
       and not exists (select 1 from unnest(coalesce(c.reloptions, '{}')) o where o in ('security_invoker=true', 'security_invoker=on', 'security_invoker=1'))
     order by 1`,
    [schemas],
  );
  for (const row of views.rows) findings.push(`view ${row.name} is not security_invoker`);

  const anonReadable = await db.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'v', 'm') and n.nspname = any($1)
       and (has_table_privilege('anon', c.oid, 'SELECT') or has_any_column_privilege('anon', c.oid, 'SELECT'))
     order by 1`,
    [schemas],
  );
  for (const row of anonReadable.rows) {
    if (!anonTables.includes(row.name)) findings.push(`${row.name} is readable by anon but not declared public`);
  }

  return findings;
}
