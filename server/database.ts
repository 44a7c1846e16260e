/**
 * The worker's Postgres access. Every connection of the pool is Supabase's service role for its
 * whole session (SET ROLE service_role and the JWT claims PostgREST would set, once when the
 * connection opens), so service-only functions such as get_credential_for_execution accept it
 * and each use is audited under that role, whatever login role DATABASE_URL names. Each call is
 * then one statement, one round trip: the executor's statements are single function calls,
 * atomic on their own, so none needs a transaction around it.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

/** One connection held for one job: its statements run in order, its session advisory locks (connector slots) live while it is held. */
export interface ServiceSession extends SqlRunner {
  /** Back to the pool; a session on which a statement failed is closed instead (it may hold a lock it no longer knows of). */
  release(): void;
}

export interface ServiceDatabase extends SqlRunner {
  /** A connection of the pool for one job, until release(). */
  session(): Promise<ServiceSession>;
  close(): Promise<void>;
}

// Once per connection, in one round trip (a simple-protocol multi-statement).
const AS_SERVICE = `set role service_role; select set_config('request.jwt.claims', '{"role":"service_role"}', false)`;

export interface ServiceDatabaseOptions {
  /** Connections at most: one per job running at once (each holds its session), plus one for the rest. */
  max?: number;
  /** Shown in pg_stat_activity (operators, the bench's CPU and round-trip counts). */
  applicationName?: string;
}

/**
 * A parameterised statement runs as a named prepared statement, prepared once per connection:
 * Postgres then skips parsing and planning it on every later call (10–20% of the executor's
 * statements' Postgres CPU, each a single function call). The executor's statements are a
 * fixed set of texts, so each connection holds a handful (at most 64 are named). The name is
 * the text's hash, so the same name can never stand for two texts.
 */
function statementName(text: string, params?: readonly unknown[]): string | undefined {
  if (!params?.length) return undefined;
  let name = names.get(text);
  if (!name) {
    // A caller building texts on the fly would otherwise prepare each of them on every connection.
    if (names.size >= MAX_PREPARED) return undefined;
    name = `cs_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}
const names = new Map<string, string>();
const MAX_PREPARED = 64;

export function createServiceDatabase(connectionString: string, options: ServiceDatabaseOptions = {}): ServiceDatabase {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, application_name: options.applicationName ?? 'connector-studio-executor' });
  // An idle connection that drops (database restart) must not crash the worker.
  pool.on('error', () => undefined);
  const ready = new WeakSet<pg.PoolClient>();

  async function checkout(): Promise<pg.PoolClient> {
    const client = await pool.connect();
    if (!ready.has(client)) {
      try {
        await client.query(AS_SERVICE);
      } catch (error) {
        client.release(true);
        throw error;
      }
      ready.add(client);
    }
    return client;
  }

  const run = async <T>(client: pg.PoolClient, text: string, params?: readonly unknown[]) =>
    ({ rows: (await client.query({ text, values: params as unknown[] | undefined, name: statementName(text, params) })).rows as T[] });

  return {
    async query<T>(text: string, params?: readonly unknown[]) {
      const client = await checkout();
      let failed = false;
      try {
        return await run<T>(client, text, params);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        client.release(failed);
      }
    },
    async session() {
      const client = await checkout();
      let failed = false;
      let released = false;
      return {
        async query<T>(text: string, params?: readonly unknown[]) {
          try {
            return await run<T>(client, text, params);
          } catch (error) {
            failed = true;
            throw error;
          }
        },
        release() {
          if (released) return;
          released = true;
          // Closing the connection ends its session, which frees any advisory lock it still holds.
          client.release(failed);
        },
      };
    },
    close: () => pool.end(),
  };
}
