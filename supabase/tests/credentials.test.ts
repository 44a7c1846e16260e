/**
 * Credentials are write-only for clients: encrypted at rest, listed by name, readable in
 * plaintext only by the service role, every create/rotate/delete/use audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClaims, serviceClaims, userClaims, withClaims } from '../../tests/supabase-gateway/claims.js';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { buildWorld, SECRET_W1, SECRET_W2, type World } from './helpers/world.js';

let db: TestDatabase;
let w: World;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildWorld(db);
});
afterAll(async () => {
  await db?.close();
});

describe('credentials', () => {
  it('are stored encrypted: the plaintext appears nowhere in the row', async () => {
    const { rows } = await db.query<{ row: string }>(`select to_jsonb(c)::text as row from workspace_api_credentials c where id = $1`, [w.credential1]);
    expect(rows[0]!.row).not.toContain(SECRET_W1);
    expect(rows[0]!.row).not.toContain(Buffer.from(SECRET_W1).toString('hex'));
  });

  it('list_credentials returns names and timestamps, never values', async () => {
    const list = await withClaims(db, userClaims(w.alice.id), async (s) =>
      (await s.query<{ l: Array<Record<string, unknown>> }>(`select list_credentials($1) as l`, [w.w1])).rows[0]!.l,
    );
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0]!).sort()).toEqual(['created_at', 'id', 'last_used_at', 'name', 'updated_at']);
    expect(JSON.stringify(list)).not.toContain(SECRET_W1);
  });

  it('an authenticated member cannot read the ciphertext, the key, or call the executor\'s function', async () => {
    const attempts = [
      `select encrypted_value from workspace_api_credentials`,
      `select * from workspace_api_credentials`,
      `select key from private.credential_encryption_key`,
      `select private.credential_key()`,
      `select get_credential_for_execution('${w.w1}', 'api_key')`,
    ];
    for (const sql of attempts) {
      await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(sql)), sql).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('the service role reads the plaintext, which writes a use audit row and last_used_at', async () => {
    const value = await withClaims(db, serviceClaims(), async (s) =>
      (await s.query<{ v: string }>(`select get_credential_for_execution($1, 'api_key', $2) as v`, [w.w1, w.connector1])).rows[0]!.v,
    );
    expect(value).toBe(SECRET_W1);
    const { rows } = await db.query<{ action: string; actor_role: string; connector_id: string; last_used: boolean }>(
      `select a.action, a.actor_role, a.connector_id, c.last_used_at is not null as last_used
       from credential_audit_log a join workspace_api_credentials c on c.id = a.credential_id
       where a.workspace_id = $1 and a.action = 'use'`,
      [w.w1],
    );
    expect(rows).toEqual([{ action: 'use', actor_role: 'service_role', connector_id: w.connector1, last_used: true }]);
  });

  it('rotate and delete are audited with who and which credential, never the value', async () => {
    await withClaims(db, userClaims(w.carol.id), (s) => s.query(`select set_credential($1, 'api_key', 'rotated-value-123')`, [w.w1]));
    await withClaims(db, userClaims(w.alice.id), (s) => s.query(`select delete_credential($1, 'api_key')`, [w.w1]));
    const { rows } = await db.query<{ action: string; actor_id: string; credential_name: string }>(
      `select action, actor_id, credential_name from credential_audit_log where workspace_id = $1 and action <> 'use' order by id`,
      [w.w1],
    );
    expect(rows).toEqual([
      { action: 'create', actor_id: w.alice.id, credential_name: 'api_key' },
      { action: 'rotate', actor_id: w.carol.id, credential_name: 'api_key' },
      { action: 'delete', actor_id: w.alice.id, credential_name: 'api_key' },
    ]);
    const all = await db.query<{ t: string }>(`select coalesce(string_agg(to_jsonb(a)::text, ''), '') as t from credential_audit_log a`);
    expect(all.rows[0]!.t).not.toContain('rotated-value-123');
    expect(all.rows[0]!.t).not.toContain(SECRET_W2);
  });

  it('non-members and anon cannot set, delete or list another workspace\'s credentials', async () => {
    for (const sql of [
      `select set_credential('${w.w2}', 'api_key', 'overwrite')`,
      `select delete_credential('${w.w2}', 'api_key')`,
      `select list_credentials('${w.w2}')`,
    ]) {
      await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(sql)), sql).rejects.toMatchObject({ code: '42501' });
      await expect(withClaims(db, anonClaims(), (s) => s.query(sql)), sql).rejects.toMatchObject({ code: '42501' });
    }
    const value = await withClaims(db, serviceClaims(), async (s) =>
      (await s.query<{ v: string }>(`select get_credential_for_execution($1, 'api_key') as v`, [w.w2])).rows[0]!.v,
    );
    expect(value).toBe(SECRET_W2);
  });

  it('rejects a bad name with a clear message', async () => {
    await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(`select set_credential($1, 'bad name!', 'x')`, [w.w1])))
      .rejects.toMatchObject({ code: '22023', message: expect.stringContaining('credential name') });
  });
});

describe('record_execution', () => {
  it('stores a redacted execution and updates the connector statistics without a new revision', async () => {
    await withClaims(db, userClaims(w.bob.id), (s) => s.query(`select set_credential($1, 'crm_token', 'tok-very-secret-999')`, [w.w2]));
    const before = await db.query<{ revision: number; total: number }>(`select revision, total_executions as total from connectors where id = $1`, [w.connector2]);
    const row = await withClaims(db, userClaims(w.bob.id), async (s) =>
      (await s.query<{ e: Record<string, unknown> }>(
        `select record_execution(p_workspace_id => $1, p_connector_id => $2, p_status => 'failed',
           p_steps_executed => $3, p_error_message => $4) as e`,
        [
          w.w2,
          w.connector2,
          JSON.stringify([{ stepId: 'lookup', request: { headers: [{ key: 'Authorization', value: 'Bearer abc' }], url: 'https://x.test/?k=tok-very-secret-999' }, apiKey: 'k-1' }]),
          'upstream said: invalid token tok-very-secret-999',
        ],
      )).rows[0]!.e,
    );
    const text = JSON.stringify(row);
    expect(text).not.toContain('tok-very-secret-999');
    expect(text).not.toContain('Bearer abc');
    expect(text).not.toContain('k-1');
    expect(row.error_message).toBe('upstream said: invalid token [REDACTED]');
    const after = await db.query<{ revision: number; total: number; failed: number }>(
      `select revision, total_executions as total, failed_executions as failed from connectors where id = $1`,
      [w.connector2],
    );
    expect(after.rows[0]).toEqual({ revision: before.rows[0]!.revision, total: before.rows[0]!.total + 1, failed: 1 });
  });

  it('refuses a connector from another workspace', async () => {
    await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(`select record_execution($1, $2, 'success')`, [w.w1, w.connector2])))
      .rejects.toMatchObject({ code: 'PT404' });
  });

  it('increment_connector_stats is not callable by clients', async () => {
    await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(`select increment_connector_stats($1, true)`, [w.connector1])))
      .rejects.toMatchObject({ code: '42501' });
  });
});
