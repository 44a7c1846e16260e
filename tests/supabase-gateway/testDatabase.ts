/**
 * A fresh database per test file, with Supabase's bootstrap and every migration applied.
 *
 * - DATABASE_URL set (CI: Debian's PostgreSQL 15, superuser): creates a uniquely named
 *   database on that server and drops it on close.
 * - Otherwise: an in-memory PGlite with pgcrypto.
 *
 * The same test files run on both.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { createPgliteDatabase, createPostgresDatabase, type SqlDatabase } from './database.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BOOTSTRAP_DIR = path.join(repoRoot, 'supabase/bootstrap');
export const MIGRATIONS_DIR = path.join(repoRoot, 'supabase/migrations');

/** `<dir>/*.sql` in name order: the Supabase CLI's timestamp prefixes make that apply order. */
export async function readSqlFiles(dir: string): Promise<Array<{ name: string; sql: string }>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(path.join(dir, name), 'utf8') })));
}

export async function applyMigrations(db: SqlDatabase, options: { bootstrap?: boolean } = {}): Promise<string[]> {
  const files = [
    ...(options.bootstrap === false ? [] : await readSqlFiles(BOOTSTRAP_DIR)),
    ...(await readSqlFiles(MIGRATIONS_DIR)),
  ];
  for (const file of files) {
    try {
      await db.exec(file.sql);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`applying ${file.name} failed: ${message}`, { cause: error });
    }
  }
  return files.map((file) => file.name);
}

export interface TestDatabase extends SqlDatabase {
  /** Database name on the server (postgres backend) or 'memory' (PGlite). */
  readonly name: string;
  readonly appliedFiles: readonly string[];
}

export interface CreateTestDatabaseOptions {
  /** Skip bootstrap and migrations (for tests that apply them themselves). */
  empty?: boolean;
  /** Overrides process.env.DATABASE_URL; pass null to force PGlite. */
  databaseUrl?: string | null;
}

export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const url = options.databaseUrl === undefined ? process.env.DATABASE_URL : options.databaseUrl;
  const { db, name, drop } = url ? await createServerDatabase(url) : await createMemoryDatabase();
  let appliedFiles: string[] = [];
  if (!options.empty) {
    try {
      appliedFiles = await applyMigrations(db);
    } catch (error) {
      await db.close().catch(() => undefined);
      await drop();
      throw error;
    }
  }
  return {
    ...db,
    backend: db.backend,
    name,
    appliedFiles,
    async close() {
      await db.close();
      await drop();
    },
  };
}

async function createMemoryDatabase() {
  const pglite = await PGlite.create({ extensions: { pgcrypto } });
  return { db: createPgliteDatabase(pglite), name: 'memory', drop: async () => undefined };
}

async function createServerDatabase(url: string) {
  const name = `cs_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const drop = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
    } finally {
      await client.end();
    }
  };
  return { db: createPostgresDatabase(target.toString()), name, drop };
}
