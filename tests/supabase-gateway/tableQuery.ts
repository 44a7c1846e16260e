/**
 * Turns a PostgREST table read (`?select=*&workspace_id=eq.X&order=updated_at.asc&limit=500`)
 * into parameterised SQL. Only the subset the app uses; everything else is refused with
 * PostgREST's error rather than guessed at.
 */
import { postgrestError } from './errors.js';

const RESERVED = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns']);
const COMPARISONS: Record<string, string> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'like', ilike: 'ilike' };

export interface TableQuery {
  /** SELECT … FROM … WHERE … ORDER … LIMIT … */
  sql: string;
  /** SELECT count(*) with the same filters, for `Prefer: count=exact`. */
  countSql: string;
  params: unknown[];
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `(a,"b,c",d)` → ['a', 'b,c', 'd'] (PostgREST's in-list syntax). */
export function parseInList(raw: string): string[] {
  if (!raw.startsWith('(') || !raw.endsWith(')')) {
    throw postgrestError(400, 'PGRST100', `"failed to parse filter (in.${raw})"`, null, 'in lists look like in.(a,b,"c,d")');
  }
  const body = raw.slice(1, -1);
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '\\' && i + 1 < body.length) {
        current += body[++i];
      } else if (ch === '"') {
        quoted = false;
      } else {
        current += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (body.length > 0) items.push(current);
  return items;
}

export function buildTableQuery(table: string, columns: ReadonlySet<string>, search: URLSearchParams): TableQuery {
  const params: unknown[] = [];
  const column = (name: string) => {
    if (!columns.has(name)) {
      throw postgrestError(400, '42703', `column ${table}.${name} does not exist`);
    }
    return quoteIdent(name);
  };

  const select = search.get('select') ?? '*';
  const selectList = select === '*' ? '*' : select.split(',').map((c) => column(c.trim())).join(', ');

  const where: string[] = [];
  for (const [key, raw] of search) {
    if (RESERVED.has(key)) continue;
    const col = column(key);
    let value = raw;
    let negate = false;
    if (value.startsWith('not.')) {
      negate = true;
      value = value.slice(4);
    }
    const dot = value.indexOf('.');
    const op = dot === -1 ? value : value.slice(0, dot);
    const operand = dot === -1 ? '' : value.slice(dot + 1);
    let condition: string;
    if (op === 'is') {
      const allowed: Record<string, string> = { null: 'null', true: 'true', false: 'false', unknown: 'unknown' };
      const literal = allowed[operand.toLowerCase()];
      if (!literal) throw postgrestError(400, 'PGRST100', `"failed to parse filter (is.${operand})"`, null, 'use is.null, is.true or is.false');
      condition = `${col} is ${literal}`;
    } else if (op === 'in') {
      params.push(parseInList(operand));
      condition = `${col}::text = any($${params.length}::text[])`;
    } else if (COMPARISONS[op]) {
      params.push(op === 'like' || op === 'ilike' ? operand.replaceAll('*', '%') : operand);
      condition = `${col} ${COMPARISONS[op]} $${params.length}`;
    } else {
      throw postgrestError(400, 'PGRST100', `"failed to parse filter (${value})"`, null, `the gateway supports eq, neq, gt, gte, lt, lte, like, ilike, is, in`);
    }
    where.push(negate ? `not (${condition})` : condition);
  }

  const orderParts: string[] = [];
  for (const term of (search.get('order') ?? '').split(',').filter(Boolean)) {
    const [name, ...modifiers] = term.split('.');
    let sql = column(name!);
    for (const modifier of modifiers) {
      if (modifier === 'asc' || modifier === 'desc') sql += ` ${modifier}`;
      else if (modifier === 'nullsfirst') sql += ' nulls first';
      else if (modifier === 'nullslast') sql += ' nulls last';
      else throw postgrestError(400, 'PGRST100', `"failed to parse order (${term})"`);
    }
    orderParts.push(sql);
  }

  const intParam = (name: string) => {
    const raw = search.get(name);
    if (raw === null) return null;
    if (!/^\d+$/.test(raw)) throw postgrestError(400, 'PGRST100', `"failed to parse ${name} (${raw})"`);
    return Number(raw);
  };
  const limit = intParam('limit');
  const offset = intParam('offset');

  const from = `from public.${quoteIdent(table)}${where.length ? ` where ${where.join(' and ')}` : ''}`;
  const sql = `select ${selectList} ${from}${orderParts.length ? ` order by ${orderParts.join(', ')}` : ''}${limit !== null ? ` limit ${limit}` : ''}${offset !== null ? ` offset ${offset}` : ''}`;
  return { sql, countSql: `select count(*) as total ${from}`, params };
}
