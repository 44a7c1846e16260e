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

const SERVICE_CLAIMS = JSON.stringify({ role: 'service_role' });

export async function enterServiceRole(client: pg.PoolClient | pg.Client): Promise<void> {
  await client.query(`set local role service_role`);
  await client.query(`select set_config('request.jwt.claims', $1, true)`, [SERVICE_CLAIMS]);
}

export function createServiceDatabase(connectionString: string, options: { max?: number } = {}): ServiceDatabase {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection that drops (database restart) must not crash the worker.
  pool.on('error', () => undefined);
  return {
    async asService(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await enterServiceRole(client);
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
