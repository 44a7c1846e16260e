/**
 * sync_push / sync_pull: idempotent replays, conflicts carrying the server's version,
 * tombstones in pull, a monotonic cursor, and isolation between workspaces.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_TYPES } from '#core';
import { userClaims, withClaims, type JwtClaims } from '../../tests/supabase-gateway/claims.js';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { buildWorld, sampleConfig, type World } from './helpers/world.js';

interface PushResult {
  id: string;
  op: string;
  status: 'applied' | 'duplicate' | 'conflict';
  revision: number | null;
  reason?: string;
  server?: { id: string; name: string; revision: number; deleted_at: string | null; config: unknown } | null;
}
interface PullResult {
  changes: Array<{ id: string; name: string; revision: number; change_seq: number; deleted_at: string | null; workspace_id: string }>;
  cursor: number;
  has_more: boolean;
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

const push = (claims: JwtClaims, workspaceId: string, changes: unknown[]) =>
  withClaims(db, claims, async (s) => (await s.query<{ r: PushResult[] }>(`select sync_push($1, $2) as r`, [workspaceId, JSON.stringify(changes)])).rows[0]!.r);
const pull = (claims: JwtClaims, workspaceId: string, cursor: number, limit = 500) =>
  withClaims(db, claims, async (s) => (await s.query<{ r: PullResult }>(`select sync_pull($1, $2, $3) as r`, [workspaceId, cursor, limit])).rows[0]!.r);

const create = (name: string, id = randomUUID()) => ({ op: 'create', id, name, config: sampleConfig(name) });

describe('sync_push', () => {
  it('creates, then answers a replay of the same batch with duplicates (no second row)', async () => {
    const batch = [create('Sync A'), create('Sync B')];
    const first = await push(userClaims(w.alice.id), w.w1, batch);
    expect(first.map((r) => [r.status, r.revision])).toEqual([['applied', 1], ['applied', 1]]);
    const replay = await push(userClaims(w.alice.id), w.w1, batch);
    expect(replay.map((r) => [r.status, r.revision])).toEqual([['duplicate', 1], ['duplicate', 1]]);
    const { rows } = await db.query(`select 1 from connectors where name in ('Sync A', 'Sync B')`);
    expect(rows).toHaveLength(2);
  });

  it('an update with the right base revision applies; replayed it is a duplicate; a stale one conflicts with the server row', async () => {
    const item = create('Sync C');
    await push(userClaims(w.alice.id), w.w1, [item]);
    const edit = { op: 'update', id: item.id, name: 'Sync C', config: { ...item.config, description: 'edited by alice' }, base_revision: 1 };
    expect((await push(userClaims(w.alice.id), w.w1, [edit]))[0]).toMatchObject({ status: 'applied', revision: 2 });
    expect((await push(userClaims(w.alice.id), w.w1, [edit]))[0]).toMatchObject({ status: 'duplicate', revision: 2 });

    const carolEdit = { ...edit, config: { ...item.config, description: 'edited by carol' } };
    const conflict = (await push(userClaims(w.carol.id), w.w1, [carolEdit]))[0]!;
    expect(conflict).toMatchObject({ status: 'conflict', reason: 'stale', revision: 2 });
    expect(conflict.server).toMatchObject({ id: item.id, revision: 2, config: { description: 'edited by alice' } });
    const { rows } = await db.query<{ d: string }>(`select config->>'description' as d from connectors where id = $1`, [item.id]);
    expect(rows[0]!.d).toBe('edited by alice');
  });

  it('delete versus edit: the delete leaves a tombstone, the late edit conflicts instead of reviving it', async () => {
    const item = create('Sync D');
    await push(userClaims(w.alice.id), w.w1, [item]);
    expect((await push(userClaims(w.alice.id), w.w1, [{ op: 'delete', id: item.id, base_revision: 1 }]))[0]).toMatchObject({ status: 'applied', revision: 2 });
    expect((await push(userClaims(w.alice.id), w.w1, [{ op: 'delete', id: item.id, base_revision: 1 }]))[0]).toMatchObject({ status: 'duplicate' });
    const late = (await push(userClaims(w.carol.id), w.w1, [{ op: 'update', id: item.id, name: 'Sync D', config: item.config, base_revision: 1 }]))[0]!;
    expect(late).toMatchObject({ status: 'conflict', reason: 'deleted' });
    expect(late.server?.deleted_at).not.toBeNull();
    // Keep mine: the client has now seen the tombstone (base = its revision) and may revive it.
    const revived = (await push(userClaims(w.carol.id), w.w1, [{ op: 'update', id: item.id, name: 'Sync D', config: item.config, base_revision: 2 }]))[0]!;
    expect(revived).toMatchObject({ status: 'applied', revision: 3 });
  });

  it('a stale delete conflicts and deletes nothing', async () => {
    const item = create('Sync E');
    await push(userClaims(w.alice.id), w.w1, [item]);
    await push(userClaims(w.alice.id), w.w1, [{ op: 'update', id: item.id, name: 'Sync E', config: { ...item.config, x: 1 }, base_revision: 1 }]);
    const result = (await push(userClaims(w.carol.id), w.w1, [{ op: 'delete', id: item.id, base_revision: 1 }]))[0]!;
    expect(result).toMatchObject({ status: 'conflict', reason: 'stale', revision: 2 });
    const { rows } = await db.query<{ deleted_at: string | null }>(`select deleted_at from connectors where id = $1`, [item.id]);
    expect(rows[0]!.deleted_at).toBeNull();
  });

  it('two clients creating the same name: the second gets a name_taken conflict with the existing row', async () => {
    await push(userClaims(w.alice.id), w.w1, [create('Same Name')]);
    const second = (await push(userClaims(w.carol.id), w.w1, [create('Same Name')]))[0]!;
    expect(second).toMatchObject({ status: 'conflict', reason: 'name_taken' });
    expect(second.server?.name).toBe('Same Name');
  });

  it('an id that exists in another workspace is refused without revealing it', async () => {
    const result = (await push(userClaims(w.alice.id), w.w1, [{ ...create('Sneaky'), id: w.connector2 }]))[0]!;
    expect(result).toMatchObject({ status: 'conflict', reason: 'id_taken' });
    expect(result.server).toBeUndefined();
    const carol = (await push(userClaims(w.carol.id), w.w1, [{ op: 'update', id: w.connector2, name: 'Moved', config: sampleConfig('Moved'), base_revision: 1 }]))[0]!;
    expect(carol).toMatchObject({ status: 'conflict', reason: 'other_workspace' });
    const { rows } = await db.query<{ workspace_id: string; name: string }>(`select workspace_id, name from connectors where id = $1`, [w.connector2]);
    expect(rows[0]).toEqual({ workspace_id: w.w2, name: 'HubSpot Sync' });
  });

  it('is atomic: a malformed item rejects the whole batch with a message naming it', async () => {
    const good = create('Atomic Good');
    await expect(push(userClaims(w.alice.id), w.w1, [good, { op: 'create', id: 'not-a-uuid', name: 'x', config: {} }]))
      .rejects.toMatchObject({ code: '22023', message: 'change #2: id must be a UUID generated by the client' });
    const { rows } = await db.query(`select 1 from connectors where id = $1`, [good.id]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a non-member (e.g. a revoked membership) with 42501 and a hint', async () => {
    await expect(push(userClaims(w.alice.id), w.w2, [create('Intruder')])).rejects.toMatchObject({ code: '42501', hint: expect.stringContaining('revoked') });
    await expect(pull(userClaims(w.alice.id), w.w2, 0)).rejects.toMatchObject({ code: '42501' });
  });
});

describe('the connector config check (issue 11: one member could stall everyone\'s sync)', () => {
  const bad = (config: Record<string, unknown>, name = 'Broken') => ({ op: 'create', id: randomUUID(), name, config: { schemaVersion: 2, name, ...config } });

  it('sync_push refuses a config that is not a connector, names the problem, and stores nothing of the batch', async () => {
    const good = create('Checked Good');
    const broken = bad({ steps: [{ foo: 1 }] });
    await expect(push(userClaims(w.alice.id), w.w1, [good, broken])).rejects.toMatchObject({
      code: '22023',
      message: 'change #2 (connector "Broken") was not saved: step 1 needs an id made of letters, digits and _ (starting with a letter or _)',
      hint: expect.stringContaining('Connector Studio'),
    });
    const { rows } = await db.query(`select 1 from connectors where id = any($1)`, [[good.id, broken.id]]);
    expect(rows).toHaveLength(0);
  });

  it('checks the schema\'s essentials, each with its own message', async () => {
    const step = { id: 'lookup', url: 'https://api.example.com' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ steps: [] }, 'a connector needs at least one step'],
      [{ steps: 'all of them' }, 'a connector needs at least one step'],
      [{ steps: Array.from({ length: 11 }, (_, i) => ({ id: `s${i}`, url: 'https://x.test' })) }, 'a connector has at most 10 steps (this one has 11)'],
      [{ steps: [{ id: 'lookup' }] }, 'step "lookup" needs a URL'],
      [{ steps: [step, step] }, 'two steps have the id "lookup"'],
      [{ steps: [{ ...step, method: 'FETCH' }] }, 'step "lookup" has an unknown HTTP method'],
      [{ steps: [step], edges: [{ from: 'a' }] }, 'connection 1 needs a source and a target step'],
      [{ steps: [step], inputs: { email: true } }, 'inputs must be a list'],
      [{ steps: [step], auth: { type: '' } }, 'the connector\'s auth needs a type'],
      [{ steps: [step], auth: 'bearer' }, 'the connector\'s auth needs a type'],
      [{ steps: [step], schemaVersion: 'one' }, 'schemaVersion must be a whole number, not "one"'],
      [{ steps: [step], name: '' }, 'the connector needs a name of 1 to 255 characters'],
      [{ steps: [step], description: 'x'.repeat(1_100_000) }, 'the connector document is larger than 1 MB'],
    ];
    for (const [config, problem] of cases) {
      await expect(push(userClaims(w.alice.id), w.w1, [bad(config)]), problem).rejects.toMatchObject({ code: '22023', message: `change #1 (connector "Broken") was not saved: ${problem}` });
    }
    // The same essentials the app writes pass, with or without the optional parts.
    expect((await push(userClaims(w.alice.id), w.w1, [bad({ steps: [step] }, 'Minimal')]))[0]).toMatchObject({ status: 'applied' });
    // Every auth kind the app's registry knows is accepted (the database keeps no list of its own).
    for (const type of AUTH_TYPES) {
      expect((await push(userClaims(w.alice.id), w.w1, [bad({ steps: [step], auth: { type } }, `Auth ${type}`)]))[0], type).toMatchObject({ status: 'applied' });
    }
  });

  it('an update to an invalid config is refused too, and the stored revision stays', async () => {
    const item = create('Checked Update');
    await push(userClaims(w.alice.id), w.w1, [item]);
    await expect(push(userClaims(w.carol.id), w.w1, [{ op: 'update', id: item.id, name: 'Checked Update', config: { name: 'Checked Update', steps: [{ foo: 1 }] }, base_revision: 1 }]))
      .rejects.toMatchObject({ code: '22023' });
    const { rows } = await db.query<{ revision: number }>(`select revision from connectors where id = $1`, [item.id]);
    expect(rows[0]!.revision).toBe(1);
  });

  it('the table API is checked the same way (it is the other path a client can write by)', async () => {
    await expect(withClaims(db, userClaims(w.alice.id), (s) =>
      s.query(`insert into connectors (workspace_id, name, config) values ($1, 'Direct', '{"name": "Direct", "steps": [{"foo": 1}]}')`, [w.w1])))
      .rejects.toMatchObject({ code: '22023', message: expect.stringContaining('connector "Direct" was not saved') });
    await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(`update connectors set config = '{"steps": 1}' where id = $1`, [w.connector1])))
      .rejects.toMatchObject({ code: '22023' });
  });
});

describe('sync_pull', () => {
  it('returns changes after the cursor in order, tombstones included, with a monotonic cursor', async () => {
    const start = await pull(userClaims(w.bob.id), w.w2, 0);
    expect(start.changes.map((c) => c.name)).toContain('HubSpot Sync');
    expect(start.changes.every((c) => c.workspace_id === w.w2)).toBe(true);

    const a = create('Pull A');
    const b = create('Pull B');
    await push(userClaims(w.bob.id), w.w2, [a, b]);
    await push(userClaims(w.bob.id), w.w2, [{ op: 'delete', id: a.id, base_revision: 1 }]);

    const next = await pull(userClaims(w.bob.id), w.w2, start.cursor);
    expect(next.cursor).toBeGreaterThan(start.cursor);
    // Pull A appears once, as its latest state: a tombstone.
    expect(next.changes.map((c) => [c.name, c.deleted_at !== null])).toEqual([['Pull B', false], ['Pull A', true]]);
    const seqs = next.changes.map((c) => c.change_seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));

    const nothing = await pull(userClaims(w.bob.id), w.w2, next.cursor);
    expect(nothing).toEqual({ changes: [], cursor: next.cursor, has_more: false });
  });

  it('pages with has_more and never skips or repeats a change', async () => {
    const batch = Array.from({ length: 7 }, (_, i) => create(`Page ${i}`));
    const base = (await pull(userClaims(w.bob.id), w.w2, 0)).cursor;
    await push(userClaims(w.bob.id), w.w2, batch);
    const seen: string[] = [];
    let cursor = base;
    for (let page = 0; page < 10; page += 1) {
      const result = await pull(userClaims(w.bob.id), w.w2, cursor, 3);
      seen.push(...result.changes.map((c) => c.name));
      expect(result.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = result.cursor;
      if (!result.has_more) break;
    }
    expect(seen).toEqual(batch.map((b) => b.name));
  });

  it('statistics updates are not changes (no new revision, nothing to pull)', async () => {
    const before = await pull(userClaims(w.bob.id), w.w2, 0);
    await withClaims(db, userClaims(w.bob.id), (s) => s.query(`select record_execution($1, $2, 'success')`, [w.w2, w.connector2]));
    const after = await pull(userClaims(w.bob.id), w.w2, before.cursor);
    expect(after.changes).toEqual([]);
  });

  it('direct table writes are part of the feed too', async () => {
    const before = await pull(userClaims(w.bob.id), w.w2, 0);
    await withClaims(db, userClaims(w.bob.id), (s) => s.query(`update connectors set config = config || '{"touched": true}' where id = $1`, [w.connector2]));
    const after = await pull(userClaims(w.bob.id), w.w2, before.cursor);
    expect(after.changes.map((c) => c.id)).toEqual([w.connector2]);
  });
});
