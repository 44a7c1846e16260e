/** One call for tests: a migrated database plus a gateway in front of it, torn down together. */
import { randomBytes } from 'node:crypto';
import { startGateway, type Gateway } from './server.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

export interface LocalSupabase extends Gateway {
  db: TestDatabase;
  jwtSecret: string;
}

export async function startLocalSupabase(options: { accessTokenTtlSeconds?: number; databaseUrl?: string | null; port?: number } = {}): Promise<LocalSupabase> {
  const db = await createTestDatabase({ databaseUrl: options.databaseUrl });
  const jwtSecret = randomBytes(32).toString('hex');
  try {
    const gateway = await startGateway({ db, jwtSecret, accessTokenTtlSeconds: options.accessTokenTtlSeconds, port: options.port });
    return {
      ...gateway,
      db,
      jwtSecret,
      async close() {
        await gateway.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
