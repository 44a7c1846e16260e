/**
 * The PostgREST subset the app uses: `POST /rest/v1/rpc/<fn>` with named arguments, and
 * table reads (`GET`/`HEAD /rest/v1/<table>`). Each request runs in one transaction with
 * the caller's identity applied exactly like PostgREST (see claims.ts).
 */
import type { SqlDatabase, SqlSession } from './database.js';
import { applyClaims, type JwtClaims } from './claims.js';
import { fromDatabaseError, HttpError, postgrestError } from './errors.js';
import { buildTableQuery, quoteIdent } from './tableQuery.js';

export interface RestResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const SINGLE_OBJECT = 'application/vnd.pgrst.object+json';

interface FunctionRow {
  argnames: string[] | null;
  argtypes: string[];
  nargs: number;
  ndefaults: number;
  retset: boolean;
  returns_void: boolean;
}

async function runAs<T>(db: SqlDatabase, claims: JwtClaims, fn: (s: SqlSession) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (session) => {
      await applyClaims(session, claims);
      return fn(session);
    });
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw fromDatabaseError(error, String(claims.role ?? 'anon'));
  }
}

/** PostgREST overload resolution by argument names: every given key must be a parameter and every parameter without a default given. */
async function findFunction(db: SqlDatabase, name: string, keys: string[]): Promise<FunctionRow> {
  const { rows } = await db.query<FunctionRow>(
    `select p.proargnames as argnames,
            array(select format_type(t, null) from unnest(p.proargtypes::oid[]) as t) as argtypes,
            p.pronargs as nargs, p.pronargdefaults as ndefaults, p.proretset as retset,
            p.prorettype = 'void'::regtype as returns_void
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.proname = $1 and p.prokind = 'f'`,
    [name],
  );
  const match = rows.find((fn) => {
    const names = (fn.argnames ?? []).slice(0, fn.nargs);
    const required = names.slice(0, fn.nargs - fn.ndefaults);
    return keys.every((key) => names.includes(key)) && required.every((arg) => keys.includes(arg));
  });
  if (!match) {
    throw postgrestError(
      404,
      'PGRST202',
      `Could not find the function public.${name}(${keys.join(', ')}) in the schema cache`,
      `Searched for the function public.${name} with parameters ${keys.join(', ') || '(none)'}`,
      'If a new function was created in the database with this name and parameters, try reloading the schema cache.',
    );
  }
  return match;
}

const toPgArrayLiteral = (values: unknown[]): string =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`)).join(',')}}`;

function toParam(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'json' || type === 'jsonb') return JSON.stringify(value);
  if (type.endsWith('[]') && Array.isArray(value)) return toPgArrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export async function callRpc(db: SqlDatabase, claims: JwtClaims, name: string, rawBody: string, accept: string | undefined): Promise<RestResponse> {
  let args: Record<string, unknown> = {};
  if (rawBody.trim()) {
    try {
      args = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      throw postgrestError(400, 'PGRST102', 'Empty or invalid json');
    }
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      throw postgrestError(400, 'PGRST102', 'RPC arguments must be a JSON object of named parameters');
    }
  }
  const keys = Object.keys(args);
  const fn = await findFunction(db, name, keys);
  const names = (fn.argnames ?? []).slice(0, fn.nargs);
  const params: unknown[] = [];
  const callArgs = keys.map((key) => {
    const type = fn.argtypes[names.indexOf(key)]!;
    params.push(toParam(args[key], type));
    return `${quoteIdent(key)} => $${params.length}::${type}`;
  });
  const call = `public.${quoteIdent(name)}(${callArgs.join(', ')})`;

  if (fn.returns_void) {
    await runAs(db, claims, (s) => s.query(`select ${call}`, params));
    return { status: 204, headers: {} };
  }
  const sql = fn.retset
    ? `select coalesce(json_agg(_r), '[]')::text as body from ${call} as _r`
    : `select to_json(${call})::text as body`;
  const body = await runAs(db, claims, async (s) => (await s.query<{ body: string | null }>(sql, params)).rows[0]?.body ?? 'null');
  if (accept?.includes(SINGLE_OBJECT) && fn.retset) {
    const rows = JSON.parse(body) as unknown[];
    if (rows.length !== 1) throw singleObjectError(rows.length);
    return { status: 200, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(rows[0]) };
  }
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body };
}

const singleObjectError = (n: number) =>
  postgrestError(406, 'PGRST116', 'JSON object requested, multiple (or no) rows returned', `The result contains ${n} rows`);

export async function readTable(
  db: SqlDatabase,
  claims: JwtClaims,
  table: string,
  search: URLSearchParams,
  options: { head: boolean; accept?: string; prefer?: string },
): Promise<RestResponse> {
  // The schema cache: columns of a public table or view (looked up as the owner, like PostgREST).
  const { rows: columnRows } = await db.query<{ column_name: string }>(
    `select a.attname as column_name from pg_attribute a
     join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relname = $1 and c.relkind in ('r', 'v', 'm', 'p')
       and a.attnum > 0 and not a.attisdropped`,
    [table],
  );
  if (columnRows.length === 0) {
    throw postgrestError(404, 'PGRST205', `Could not find the table 'public.${table}' in the schema cache`);
  }
  const query = buildTableQuery(table, new Set(columnRows.map((r) => r.column_name)), search);
  const wantCount = /count=(exact|planned|estimated)/.test(options.prefer ?? '');

  const { body, n, total } = await runAs(db, claims, async (s) => {
    const result = await s.query<{ body: string; n: number }>(
      `select coalesce(json_agg(_t), '[]')::text as body, count(*)::int as n from (${query.sql}) as _t`,
      query.params,
    );
    const totalRows = wantCount ? (await s.query<{ total: number }>(query.countSql, query.params)).rows[0]!.total : null;
    return { body: result.rows[0]!.body, n: result.rows[0]!.n, total: totalRows };
  });

  const offset = Number(search.get('offset') ?? 0);
  const range = n > 0 ? `${offset}-${offset + n - 1}` : '*';
  const headers: Record<string, string> = { 'content-type': JSON_TYPE, 'content-range': `${range}/${total ?? '*'}` };
  if (options.accept?.includes(SINGLE_OBJECT)) {
    if (n !== 1) throw singleObjectError(n);
    return { status: 200, headers, body: options.head ? undefined : JSON.stringify((JSON.parse(body) as unknown[])[0]) };
  }
  return { status: 200, headers, body: options.head ? undefined : body };
}
