/**
 * connector_revisions: every revision of every connector is kept, whichever path wrote it,
 * under the workspace's RLS; sync_push's "kept_mine" / "restored" notes reach the history
 * and sync_pull, so the member whose version was set aside can be told and can restore it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClaims, userClaims, withClaims, type JwtClaims } from '../../tests/supabase-gateway/claims.js';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { buildWorld, isPermissionDenied, sampleConfig, type World } from './helpers/world.js';

interface Revision {
  revision: number;
  kind: string;
  name: string;
  config: { description?: string };
  deleted: boolean;
  replaced_revision: number | null;
  restored_from: number | null;
  author_id: string | null;
  author_name: string | null;
}
interface PulledRow {
  id: string;
  revision: number;
  updated_by_name: string | null;
  revision_kind: string | null;
  replaced_revision: number | null;
  replaced_author: string | null;
  restored_from: number | null;
}

let db: TestDatabase;
let w: World;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildWorld(db);
});
afterAll(async () => {
  await db?.close();
});

const push = (claims: JwtClaims, changes: unknown[], workspaceId = w.w1) =>
  withClaims(db, claims, async (s) => (await s.query<{ r: Array<{ status: string; revision: number }> }>(`select sync_push($1, $2) as r`, [workspaceId, JSON.stringify(changes)])).rows[0]!.r);
const pullRow = (claims: JwtClaims, id: string) =>
  withClaims(db, claims, async (s) => {
    const { changes } = (await s.query<{ r: { changes: PulledRow[] } }>(`select sync_pull($1, 0, 1000) as r`, [w.w1])).rows[0]!.r;
    return changes.find((change) => change.id === id);
  });
const history = (claims: JwtClaims, id: string) =>
  withClaims(db, claims, async (s) => (await s.query<Revision>(`select * from connector_revisions where connector_id = $1 order by revision`, [id])).rows);
const configWith = (name: string, description: string) => ({ ...sampleConfig(name), description });

describe('connector revisions', () => {
  it('keeps every revision with its author; keep mine names the revision it replaced and its author', async () => {
    const id = randomUUID();
    const name = 'Phone lookup';
    await push(userClaims(w.alice.id), [{ op: 'create', id, name, config: configWith(name, 'v1') }]);
    await push(userClaims(w.carol.id), [{ op: 'update', id, name, config: configWith(name, 'carol edit'), base_revision: 1 }]);
    // Alice edited revision 1 offline, met the conflict, and kept hers over carol's revision 2.
    const kept = await push(userClaims(w.alice.id), [{ op: 'update', id, name, config: configWith(name, 'alice edit'), base_revision: 2, note: 'kept_mine' }]);
    expect(kept[0]).toMatchObject({ status: 'applied', revision: 3 });

    const revisions = await history(userClaims(w.carol.id), id);
    expect(revisions.map((r) => [r.revision, r.kind, r.config.description, r.author_name])).toEqual([
      [1, 'created', 'v1', 'Alice'],
      [2, 'edited', 'carol edit', 'Carol'],
      [3, 'kept_mine', 'alice edit', 'Alice'],
    ]);
    expect(revisions[2]).toMatchObject({ replaced_revision: 2, author_id: w.alice.id });

    // What carol's app pulls says who kept what over whose revision.
    expect(await pullRow(userClaims(w.carol.id), id)).toMatchObject({
      revision: 3, updated_by_name: 'Alice', revision_kind: 'kept_mine', replaced_revision: 2, replaced_author: w.carol.id,
    });
  });

  it('a restore is a new revision naming the one it brought back; a delete is a revision too', async () => {
    const id = randomUUID();
    const name = 'Restore me';
    await push(userClaims(w.alice.id), [{ op: 'create', id, name, config: configWith(name, 'original') }]);
    await push(userClaims(w.alice.id), [{ op: 'update', id, name, config: configWith(name, 'broken'), base_revision: 1 }]);
    const original = (await history(userClaims(w.carol.id), id))[0]!;
    await push(userClaims(w.carol.id), [{ op: 'update', id, name, config: original.config, base_revision: 2, note: 'restored', restored_from: 1 }]);
    await push(userClaims(w.carol.id), [{ op: 'delete', id, base_revision: 3 }]);
    const revisions = await history(userClaims(w.alice.id), id);
    expect(revisions.map((r) => [r.revision, r.kind, r.restored_from, r.deleted, r.author_name])).toEqual([
      [1, 'created', null, false, 'Alice'],
      [2, 'edited', null, false, 'Alice'],
      [3, 'restored', 1, false, 'Carol'],
      [4, 'deleted', null, true, 'Carol'],
    ]);
    expect(await pullRow(userClaims(w.alice.id), id)).toMatchObject({ revision: 4, revision_kind: 'deleted', updated_by_name: 'Carol' });
  });

  it('the note of one change does not leak onto the next change of the same push', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await push(userClaims(w.alice.id), [
      { op: 'create', id: a, name: 'Leak A', config: configWith('Leak A', '1') },
      { op: 'create', id: b, name: 'Leak B', config: configWith('Leak B', '1') },
    ]);
    await push(userClaims(w.alice.id), [
      { op: 'update', id: a, name: 'Leak A', config: configWith('Leak A', '2'), base_revision: 1, note: 'kept_mine' },
      { op: 'update', id: b, name: 'Leak B', config: configWith('Leak B', '2'), base_revision: 1 },
    ]);
    expect((await history(userClaims(w.alice.id), b)).map((r) => r.kind)).toEqual(['created', 'edited']);
    // Table API writes are recorded too, without any note.
    await withClaims(db, userClaims(w.alice.id), (s) => s.query(`update connectors set description = 'via table' , config = $2 where id = $1`, [b, JSON.stringify(configWith('Leak B', '3'))]));
    expect((await history(userClaims(w.alice.id), b)).map((r) => r.kind)).toEqual(['created', 'edited', 'edited']);
  });

  it('refuses a note that is not kept_mine or restored, or a restore without its revision', async () => {
    const id = randomUUID();
    await push(userClaims(w.alice.id), [{ op: 'create', id, name: 'Bad note', config: configWith('Bad note', '1') }]);
    await expect(push(userClaims(w.alice.id), [{ op: 'update', id, name: 'Bad note', config: configWith('Bad note', '2'), base_revision: 1, note: 'admin' }])).rejects.toThrow(/note must be kept_mine or restored/);
    await expect(push(userClaims(w.alice.id), [{ op: 'update', id, name: 'Bad note', config: configWith('Bad note', '2'), base_revision: 1, note: 'restored' }])).rejects.toThrow(/restored_from/);
  });

  it('RLS: members read their workspace history only; nobody writes it directly; anon sees nothing', async () => {
    const count = (claims: JwtClaims, connectorId: string) =>
      withClaims(db, claims, async (s) => (await s.query(`select 1 from connector_revisions where connector_id = $1`, [connectorId])).rows.length);
    expect(await count(userClaims(w.alice.id), w.connector1)).toBe(1);
    expect(await count(userClaims(w.bob.id), w.connector1)).toBe(0); // another workspace
    expect(await count(userClaims(w.dave.id), w.connector1)).toBe(0); // no workspace
    expect(await count(userClaims(w.bob.id), w.connector2)).toBe(1);
    expect(await count(userClaims(w.alice.id), w.connector2)).toBe(0);
    await expect(count(anonClaims(), w.connector1)).rejects.toSatisfy(isPermissionDenied);

    const attempts = [
      `insert into connector_revisions (connector_id, workspace_id, revision, name, config, kind) values ('${w.connector1}', '${w.w1}', 99, 'forged', '{}', 'edited')`,
      `update connector_revisions set config = '{"forged":true}' where connector_id = '${w.connector1}'`,
      `delete from connector_revisions where connector_id = '${w.connector1}'`,
    ];
    for (const sql of attempts) {
      await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(sql), { rollback: true })).rejects.toSatisfy(isPermissionDenied);
    }
    expect(await count(userClaims(w.alice.id), w.connector1)).toBe(1);
  });

  it('the history goes with its connector when the tombstone is purged', async () => {
    const id = randomUUID();
    await push(userClaims(w.alice.id), [{ op: 'create', id, name: 'Purged', config: configWith('Purged', '1') }]);
    await push(userClaims(w.alice.id), [{ op: 'delete', id, base_revision: 1 }]);
    await db.query(`delete from connectors where id = $1`, [id]);
    expect((await db.query(`select 1 from connector_revisions where connector_id = $1`, [id])).rows).toHaveLength(0);
  });
});
