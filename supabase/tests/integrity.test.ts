/**
 * Issue 11, point 8: who may record a run as the server's, and answers that must not tell a
 * private template id from one that does not exist. (Distinct install counting is in
 * templates.test.ts, next to the other install rules.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceClaims, userClaims, withClaims, type JwtClaims } from '../../tests/supabase-gateway/claims.js';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { buildWorld, sampleConfig, type World } from './helpers/world.js';

let db: TestDatabase;
let w: World;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildWorld(db);
});
afterAll(async () => {
  await db?.close();
});

/** The outcome as a client sees it: the value, or the error's code and message. */
const outcome = async (claims: JwtClaims, sql: string, params: unknown[]) => {
  try {
    return { ok: true as const, value: (await withClaims(db, claims, (s) => s.query<{ r: unknown }>(sql, params), { rollback: true })).rows[0]?.r };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return { ok: false as const, code, message };
  }
};

describe('record_execution p_source', () => {
  const record = (claims: JwtClaims, source: string | null, runId = randomUUID()) =>
    outcome(claims, `select record_execution(p_workspace_id => $1, p_connector_id => $2, p_status => 'success', p_client_run_id => $3, p_source => $4) as r`,
      [w.w1, w.connector1, runId, source]);
  const original = (claims: JwtClaims, source: string) =>
    outcome(claims, `select record_execution($1, $2, 'success', $3) as r`, [w.w1, w.connector1, source]);

  it("a member cannot record a run as 'server', through either signature, and nothing is stored", async () => {
    const before = await db.query(`select 1 from connector_executions where source = 'server'`);
    for (const result of [await record(userClaims(w.alice.id), 'server'), await original(userClaims(w.alice.id), 'server')]) {
      expect(result).toMatchObject({ ok: false, code: '42501', message: expect.stringContaining("only the server records runs with source 'server'") });
    }
    expect((await db.query(`select 1 from connector_executions where source = 'server'`)).rows).toHaveLength(before.rows.length);
  });

  it("members record 'local_test' (the default); the service role may record 'server'", async () => {
    expect(await record(userClaims(w.alice.id), null)).toMatchObject({ ok: true, value: { source: 'local_test' } });
    expect(await record(userClaims(w.alice.id), 'local_test')).toMatchObject({ ok: true, value: { source: 'local_test' } });
    expect(await record(serviceClaims(), 'server')).toMatchObject({ ok: true, value: { source: 'server' } });
  });

  it("the refusal comes first: the answer is the same for another workspace's connector and a made-up one", async () => {
    const forOther = await outcome(userClaims(w.alice.id), `select record_execution($1, $2, 'success') as r`, [w.w1, w.connector2]);
    const forNone = await outcome(userClaims(w.alice.id), `select record_execution($1, $2, 'success') as r`, [w.w1, randomUUID()]);
    expect(forOther).toMatchObject({ ok: false, code: 'PT404' });
    expect(forNone).toMatchObject({ ok: false, code: 'PT404' });
    expect(forOther.ok === false && forOther.message?.replace(w.connector2, 'X')).toBe(forNone.ok === false && forNone.message?.replace(/[0-9a-f-]{36}/, 'X'));
  });
});

describe('created_from_template', () => {
  const insert = (templateId: string) =>
    outcome(userClaims(w.alice.id), `insert into connectors (workspace_id, name, config, created_from_template) values ($1, $2, $3, $4) returning created_from_template as r`,
      [w.w1, `From ${templateId.slice(0, 8)}`, JSON.stringify(sampleConfig('From template')), templateId]);
  const push = (templateId: string) =>
    outcome(userClaims(w.alice.id), `select sync_push($1, $2) as r`, [w.w1, JSON.stringify([{ op: 'create', id: randomUUID(), name: `Pushed ${templateId.slice(0, 8)}`, config: sampleConfig('Pushed'), created_from_template: templateId }])]);

  it("another user's private template id and an id that exists nowhere get the same answer (table API and sync_push)", async () => {
    const privateOne = await insert(w.bobPrivateTemplate);
    const missing = await insert(randomUUID());
    expect(privateOne).toEqual({ ok: true, value: null });
    expect(missing).toEqual({ ok: true, value: null });
    const pushedPrivate = await push(w.bobPrivateTemplate);
    const pushedMissing = await push(randomUUID());
    expect(pushedPrivate).toMatchObject({ ok: true, value: [{ status: 'applied' }] });
    expect(pushedMissing).toMatchObject({ ok: true, value: [{ status: 'applied' }] });
  });

  it('a template the writer can see is kept (public, or their own private one)', async () => {
    expect(await insert(w.officialTemplate)).toEqual({ ok: true, value: w.officialTemplate });
    expect(await insert(w.alicePrivateTemplate)).toEqual({ ok: true, value: w.alicePrivateTemplate });
  });
});
