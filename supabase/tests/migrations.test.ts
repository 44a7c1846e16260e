/**
 * Migrations apply from zero, in order, on the backend under test (PGlite, or the server
 * named by DATABASE_URL), and follow the Supabase CLI layout.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, MIGRATIONS_DIR, readSqlFiles, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';

const opened: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(opened.map((db) => db.close()));
});

describe('migrations', () => {
  it('are named <14-digit timestamp>_<name>.sql with unique, increasing timestamps', async () => {
    const files = await readSqlFiles(MIGRATIONS_DIR);
    expect(files.length).toBeGreaterThan(0);
    const stamps = files.map((f) => {
      const match = /^(\d{14})_[a-z0-9_]+\.sql$/.exec(f.name);
      expect(match, f.name).not.toBeNull();
      return match![1]!;
    });
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('apply from zero on an empty database', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
    expect(rows[0]!.n).toBe(15);
    const files = await readSqlFiles(MIGRATIONS_DIR);
    expect(db.appliedFiles.slice(-files.length)).toEqual(files.map((f) => f.name));
  });

  it('the bootstrap is idempotent across databases on one server (roles already exist)', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    opened.push(first, second);
    const { rows } = await second.query<{ rolname: string; rolbypassrls: boolean }>(
      `select rolname, rolbypassrls from pg_roles where rolname in ('anon', 'authenticated', 'service_role') order by rolname`,
    );
    expect(rows).toEqual([
      { rolname: 'anon', rolbypassrls: false },
      { rolname: 'authenticated', rolbypassrls: false },
      { rolname: 'service_role', rolbypassrls: true },
    ]);
  });

  it('auth.uid() reads the sub claim and is NULL when the setting is empty, as on a pooled connection', async () => {
    const db = opened[0]!;
    const result = await db.transaction(async (s) => {
      await s.query(`select set_config('request.jwt.claims', '{"sub":"7b1f6c1e-1111-4a4a-9c9c-000000000001","role":"authenticated"}', true)`);
      return (await s.query<{ uid: string; role: string }>(`select auth.uid()::text as uid, auth.role() as role`)).rows[0];
    });
    expect(result).toEqual({ uid: '7b1f6c1e-1111-4a4a-9c9c-000000000001', role: 'authenticated' });
    const after = await db.query<{ uid: string | null }>(`select auth.uid() as uid`);
    expect(after.rows[0]!.uid).toBeNull();
  });
});
