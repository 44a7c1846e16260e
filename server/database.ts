/**
 * The worker's Postgres access. Every call runs as Supabase's service role inside one
 * transaction (SET LOCAL ROLE service_role and the JWT claims PostgREST would set), so
 * service-only functions such as get_credential_for_execution accept it and each use is
 * audited under that role, whatever login role DATABASE_URL names.
 */
import pg from 'pg';

export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

export interface ServiceDatabase {
  /** Runs `fn` in a transaction as service_role. */
  asService<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /** A connection of its own (advisory-lock slots live as long as it does). */
  connect(): Promise<pg.PoolClient>;
  close(): Promise<void>;
}

// One round trip (a simple-protocol multi-statement): begin, the role and PostgREST's claims.
const BEGIN_AS_SERVICE = `begin; set local role service_role; select set_config('request.jwt.claims', '{"role":"service_role"}', true)`;

/** Opens a transaction on `client` as service_role. */
export async function beginAsService(client: pg.PoolClient | pg.Client): Promise<void> {
  await client.query(BEGIN_AS_SERVICE);
}

export function createServiceDatabase(connectionString: string, options: { max?: number } = {}): ServiceDatabase {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection that drops (database restart) must not crash the worker.
  pool.on('error', () => undefined);
  return {
    async asService(fn) {
      const client = await pool.connect();
      try {
        await beginAsService(client);
        const sql: SqlRunner = {
          query: async <T>(text: string, params?: readonly unknown[]) => ({ rows: (await client.query(text, params as unknown[] | undefined)).rows as T[] }),
        };
        const result = await fn(sql);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    connect: () => pool.connect(),
    close: () => pool.end(),
  };
}
