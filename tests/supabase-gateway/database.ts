/**
 * One small SQL interface over the two backends the Supabase tests run on: a real
 * PostgreSQL server (node-postgres Pool) and in-memory PGlite. Both return int8 and
 * numeric as JS numbers so test assertions read the same on either.
 */
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

export interface SqlSession {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<T>>;
}

export interface SqlDatabase extends SqlSession {
  readonly backend: 'pglite' | 'postgres';
  /** Runs several statements separated by semicolons (no parameters). */
  exec(sql: string): Promise<void>;
  /** BEGIN … COMMIT on one connection; ROLLBACK if `fn` throws. */
  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

const toNumber = (value: string): number => Number(value);

export function createPostgresDatabase(connectionString: string): SqlDatabase {
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID || oid === NUMERIC_OID ? toNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that errors (server restart) must not crash the test process.
  pool.on('error', () => undefined);

  const run = async <T>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]): Promise<SqlResult<T>> => {
    const result = await client.query(text, params as unknown[] | undefined);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  };

  return {
    backend: 'postgres',
    query: (text, params) => run(pool, text, params),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn({ query: (text, params) => run(client, text, params) });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * PGlite is a single connection: every query and transaction is queued so that a
 * transaction's SET LOCAL ROLE can never leak into a concurrent request.
 */
export function createPgliteDatabase(db: PGlite): SqlDatabase {
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const parsers = { [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber };

  const run = async <T>(text: string, params?: readonly unknown[]): Promise<SqlResult<T>> => {
    const result = await db.query<T>(text, params as unknown[] | undefined, { parsers });
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  };

  return {
    backend: 'pglite',
    query: (text, params) => exclusive(() => run(text, params)),
    exec: (sql) => exclusive(async () => {
      await db.exec(sql);
    }),
    transaction: (fn) => exclusive(async () => {
      await db.exec('begin');
      try {
        const result = await fn({ query: run });
        await db.exec('commit');
        return result;
      } catch (error) {
        await db.exec('rollback').catch(() => undefined);
        throw error;
      }
    }),
    close: () => exclusive(() => db.close()),
  };
}
