/**
 * Template rules decided by the server: who may publish official templates and feature
 * or hide them (even when the RPC is called by hand), visibility, ratings, installs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClaims, userClaims, withClaims, type JwtClaims } from '../../tests/supabase-gateway/claims.js';
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

const call = async <T>(claims: JwtClaims, sql: string, params: unknown[] = []): Promise<T> =>
  withClaims(db, claims, async (s) => (await s.query<{ r: T }>(sql, params)).rows[0]!.r);

const template = async (id: string) =>
  (await db.query<{ is_official: boolean; is_featured: boolean; hidden: boolean; install_count: number; rating: number | null; rating_count: number; version: number }>(
    `select is_official, is_featured, hidden, install_count, rating, rating_count, version from connector_templates where id = $1`,
    [id],
  )).rows[0]!;

describe('publishing', () => {
  it('a non-admin cannot publish an official template, even by calling the RPC by hand', async () => {
    await expect(call(userClaims(w.alice.id), `select publish_template(p_name => 'Fake official', p_config => '{}', p_official => true) as r`))
      .rejects.toMatchObject({ code: '42501', message: 'only SaaS admins can publish official templates' });
    const { rows } = await db.query(`select 1 from connector_templates where name = 'Fake official'`);
    expect(rows).toHaveLength(0);
  });

  it('a non-admin cannot feature or hide a template; an admin can', async () => {
    for (const sql of [`select feature_template($1) as r`, `select hide_template($1) as r`]) {
      await expect(call(userClaims(w.alice.id), sql, [w.aliceTemplate])).rejects.toMatchObject({ code: '42501' });
      await expect(call(anonClaims(), sql, [w.aliceTemplate])).rejects.toMatchObject({ code: '42501' });
    }
    expect(await template(w.aliceTemplate)).toMatchObject({ is_featured: false, hidden: false });
    await call(userClaims(w.admin.id), `select feature_template($1) as r`, [w.aliceTemplate]);
    expect(await template(w.aliceTemplate)).toMatchObject({ is_featured: true });
    await call(userClaims(w.admin.id), `select feature_template($1, false) as r`, [w.aliceTemplate]);
    expect(await template(w.aliceTemplate)).toMatchObject({ is_featured: false });
  });

  it('an admin without can_feature_templates is refused too (permissions are per flag)', async () => {
    await db.query(`update saas_admin_users set permissions = permissions || '{"can_feature_templates": false}' where user_id = $1`, [w.admin.id]);
    try {
      await expect(call(userClaims(w.admin.id), `select feature_template($1) as r`, [w.bobTemplate])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await db.query(`update saas_admin_users set permissions = permissions || '{"can_feature_templates": true}' where user_id = $1`, [w.admin.id]);
    }
  });

  it('updating a template creates a new version; only the publisher (or an admin) may', async () => {
    const updated = await call<{ version: number }>(userClaims(w.alice.id),
      `select publish_template(p_name => 'Alice public', p_config => $1, p_template_id => $2, p_changelog => 'v2') as r`,
      [JSON.stringify(sampleConfig('Alice public v2')), w.aliceTemplate]);
    expect(updated.version).toBe(2);
    const versions = await db.query<{ version: number; changelog: string | null }>(
      `select version, changelog from template_versions where template_id = $1 order by version`, [w.aliceTemplate]);
    expect(versions.rows).toEqual([{ version: 1, changelog: null }, { version: 2, changelog: 'v2' }]);
    await expect(call(userClaims(w.bob.id), `select publish_template(p_name => 'hijack', p_config => '{}', p_template_id => $1) as r`, [w.aliceTemplate]))
      .rejects.toMatchObject({ code: '42501' });
  });

  it('a non-admin cannot update an official template or turn theirs official', async () => {
    await expect(call(userClaims(w.alice.id), `select publish_template(p_name => 'x', p_config => '{}', p_template_id => $1, p_official => true) as r`, [w.aliceTemplate]))
      .rejects.toMatchObject({ code: '42501' });
    expect((await template(w.aliceTemplate)).is_official).toBe(false);
  });

  it('refuses a config containing a literal secret, with a hint', async () => {
    const config = { steps: [{ id: 's', url: 'https://api.stripe.com', headers: [{ key: 'Authorization', value: 'Bearer sk_live_abcdefghijklmnop1234' }] }] };
    await expect(call(userClaims(w.alice.id), `select publish_template(p_name => 'Leaky', p_config => $1) as r`, [JSON.stringify(config)]))
      .rejects.toMatchObject({ code: '22023', hint: expect.stringContaining('{{credentials.name}}') });
  });
});

describe('visibility', () => {
  const visibleTo = async (claims: JwtClaims) =>
    withClaims(db, claims, async (s) => (await s.query<{ id: string }>(`select id from connector_templates`)).rows.map((r) => r.id));

  it('public templates are visible to all; private ones to their publisher and admins only', async () => {
    const alice = await visibleTo(userClaims(w.alice.id));
    expect(alice).toEqual(expect.arrayContaining([w.aliceTemplate, w.bobTemplate, w.officialTemplate, w.alicePrivateTemplate]));
    expect(alice).not.toContain(w.bobPrivateTemplate);
    expect(await visibleTo(userClaims(w.admin.id))).toEqual(expect.arrayContaining([w.alicePrivateTemplate, w.bobPrivateTemplate]));
    expect(await visibleTo(anonClaims())).not.toContain(w.alicePrivateTemplate);
  });

  it('a hidden template disappears for everyone but its publisher and admins, and cannot be installed', async () => {
    await call(userClaims(w.admin.id), `select hide_template($1, true, 'spam') as r`, [w.bobTemplate]);
    try {
      expect(await visibleTo(userClaims(w.alice.id))).not.toContain(w.bobTemplate);
      expect(await visibleTo(anonClaims())).not.toContain(w.bobTemplate);
      expect(await visibleTo(userClaims(w.bob.id))).toContain(w.bobTemplate);
      await expect(call(userClaims(w.alice.id), `select install_template($1, $2) as r`, [w.bobTemplate, w.w1])).rejects.toMatchObject({ code: 'PT404' });
    } finally {
      await call(userClaims(w.admin.id), `select hide_template($1, false) as r`, [w.bobTemplate]);
    }
  });

  it('a private template of another user cannot be installed or rated', async () => {
    await expect(call(userClaims(w.alice.id), `select install_template($1, $2) as r`, [w.bobPrivateTemplate, w.w1])).rejects.toMatchObject({ code: 'PT404' });
    await expect(call(userClaims(w.alice.id), `select rate_template($1, 5) as r`, [w.bobPrivateTemplate])).rejects.toMatchObject({ code: 'PT404' });
  });
});

describe('ratings', () => {
  it('one per user, changeable, average and count maintained by the server', async () => {
    // World: alice rated bob's template 4.
    expect(await template(w.bobTemplate)).toMatchObject({ rating: 4, rating_count: 1 });
    await call(userClaims(w.carol.id), `select rate_template($1, 1) as r`, [w.bobTemplate]);
    expect(await template(w.bobTemplate)).toMatchObject({ rating: 2.5, rating_count: 2 });
    const changed = await call<{ rating: number; rating_count: number }>(userClaims(w.carol.id), `select rate_template($1, 3) as r`, [w.bobTemplate]);
    expect(changed).toMatchObject({ rating: 3.5, rating_count: 2, my_rating: 3 });
    const rows = await db.query(`select 1 from template_ratings where template_id = $1 and user_id = $2`, [w.bobTemplate, w.carol.id]);
    expect(rows.rows).toHaveLength(1);
    // Removing a rating recomputes too.
    await withClaims(db, userClaims(w.carol.id), (s) => s.query(`delete from template_ratings where template_id = $1`, [w.bobTemplate]));
    expect(await template(w.bobTemplate)).toMatchObject({ rating: 4, rating_count: 1 });
  });

  it('a user cannot rate their own template, nor outside 1..5, nor write the average directly', async () => {
    await expect(call(userClaims(w.bob.id), `select rate_template($1, 5) as r`, [w.bobTemplate])).rejects.toMatchObject({ code: '42501' });
    await expect(call(userClaims(w.alice.id), `select rate_template($1, 6) as r`, [w.bobTemplate])).rejects.toMatchObject({ code: '22023' });
    await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(`update connector_templates set rating = 5 where id = $1`, [w.bobTemplate])))
      .rejects.toMatchObject({ code: '42501' });
    // Own template via the table directly: the insert policy refuses too.
    await expect(withClaims(db, userClaims(w.bob.id), (s) => s.query(`insert into template_ratings (template_id, user_id, rating) values ($1, $2, 5)`, [w.bobTemplate, w.bob.id])))
      .rejects.toMatchObject({ code: '42501' });
  });
});

describe('installs', () => {
  it('returns the template document and records every install, but counts each installing workspace once', async () => {
    const before = (await template(w.officialTemplate)).install_count;
    const first = await call<{ config: { name: string }; install_count: number; requires_credentials: unknown[] }>(
      userClaims(w.carol.id), `select install_template($1, $2) as r`, [w.officialTemplate, w.w1]);
    const second = await call<{ install_count: number }>(userClaims(w.carol.id), `select install_template($1, $2) as r`, [w.officialTemplate, w.w1]);
    expect(first.config.name).toBe('Email Validation (ZeroBounce)');
    // The world already installed it into w1 (alice) and w2 (bob): carol's installs into w1 add no workspace.
    expect(before).toBe(2);
    expect([first.install_count, second.install_count]).toEqual([2, 2]);
    const installs = await db.query(`select 1 from template_installs where template_id = $1 and workspace_id = $2`, [w.officialTemplate, w.w1]);
    expect(installs.rows).toHaveLength(3);
  });

  it('one user installing again and again raises the count once, for their workspace', async () => {
    const before = (await template(w.aliceTemplate)).install_count;
    for (let i = 0; i < 5; i += 1) await call(userClaims(w.alice.id), `select install_template($1, $2) as r`, [w.aliceTemplate, w.w1]);
    expect((await template(w.aliceTemplate)).install_count).toBe(before + 1);
    // Carol's other workspace is a new installing workspace.
    await call(userClaims(w.carol.id), `select install_template($1, $2) as r`, [w.aliceTemplate, w.w2]);
    expect((await template(w.aliceTemplate)).install_count).toBe(before + 2);
  });

  it('cannot install into a workspace the caller is not a member of', async () => {
    await expect(call(userClaims(w.alice.id), `select install_template($1, $2) as r`, [w.officialTemplate, w.w2])).rejects.toMatchObject({ code: '42501' });
  });

  it('the install count cannot be written directly', async () => {
    await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(`update connector_templates set install_count = 1000000`)))
      .rejects.toMatchObject({ code: '42501' });
  });
});

describe('reports', () => {
  it('moderators see every report; reporters only their own', async () => {
    const seen = async (claims: JwtClaims) =>
      withClaims(db, claims, async (s) => (await s.query<{ id: string }>(`select id from template_reports`)).rows.map((r) => r.id).sort());
    expect(await seen(userClaims(w.admin.id))).toEqual([w.aliceReport, w.bobReport].sort());
    expect(await seen(userClaims(w.alice.id))).toEqual([w.aliceReport]);
  });
});

describe('report_template', () => {
  const reportsOf = async (claims: JwtClaims, templateId: string) =>
    withClaims(db, claims, async (s) =>
      (await s.query<{ reason: string }>(`select reason from template_reports where template_id = $1 order by created_at`, [templateId])).rows.map((r) => r.reason));

  it('a signed-in user reports a visible template once; the admin sees it in the reports list', async () => {
    const report = await call<{ id: string; template_id: string; reason: string; resolved_at: string | null }>(
      userClaims(w.carol.id), `select report_template($1, $2) as r`, [w.officialTemplate, '  asks for my password in the description  ']);
    expect(report).toMatchObject({ template_id: w.officialTemplate, reason: 'asks for my password in the description', resolved_at: null });
    // The same query the app's reports list makes, under the admin's identity.
    expect(await reportsOf(userClaims(w.admin.id), w.officialTemplate)).toContain('asks for my password in the description');
    expect(await reportsOf(userClaims(w.carol.id), w.officialTemplate)).toEqual(['asks for my password in the description']);
    expect(await reportsOf(userClaims(w.alice.id), w.officialTemplate)).toEqual([]);
  });

  it('a second open report by the same user is refused and leaves one row; after resolution a new one is allowed', async () => {
    await call(userClaims(w.carol.id), `select report_template($1, 'copy of another template') as r`, [w.aliceTemplate]);
    await expect(call(userClaims(w.carol.id), `select report_template($1, 'again') as r`, [w.aliceTemplate]))
      .rejects.toMatchObject({ code: '23505', message: expect.stringContaining('already reported') });
    // Even the table's direct insert cannot add a second open report.
    await expect(withClaims(db, userClaims(w.carol.id), (s) =>
      s.query(`insert into template_reports (template_id, reporter_id, reason) values ($1, $2, 'direct')`, [w.aliceTemplate, w.carol.id])))
      .rejects.toMatchObject({ code: '23505' });
    expect(await reportsOf(userClaims(w.carol.id), w.aliceTemplate)).toEqual(['copy of another template']);
    await db.query(`update template_reports set resolved_at = now() where template_id = $1 and reporter_id = $2`, [w.aliceTemplate, w.carol.id]);
    await call(userClaims(w.carol.id), `select report_template($1, 'still a copy') as r`, [w.aliceTemplate]);
    expect(await reportsOf(userClaims(w.carol.id), w.aliceTemplate)).toEqual(['copy of another template', 'still a copy']);
  });

  it('a hidden or private template the user cannot see is refused as not found', async () => {
    await expect(call(userClaims(w.alice.id), `select report_template($1, 'x') as r`, [w.bobPrivateTemplate])).rejects.toMatchObject({ code: 'PT404' });
    await call(userClaims(w.admin.id), `select hide_template($1, true, 'spam') as r`, [w.bobTemplate]);
    try {
      await expect(call(userClaims(w.carol.id), `select report_template($1, 'x') as r`, [w.bobTemplate])).rejects.toMatchObject({ code: 'PT404' });
    } finally {
      await call(userClaims(w.admin.id), `select hide_template($1, false) as r`, [w.bobTemplate]);
    }
    const { rows } = await db.query(`select 1 from template_reports where reason = 'x'`);
    expect(rows).toHaveLength(0);
  });

  it('anon cannot call it; an empty reason is refused with a plain message', async () => {
    await expect(call(anonClaims(), `select report_template($1, 'spam') as r`, [w.officialTemplate])).rejects.toMatchObject({ code: '42501' });
    await expect(call(userClaims(w.bob.id), `select report_template($1, '   ') as r`, [w.officialTemplate]))
      .rejects.toMatchObject({ code: '22023', message: expect.stringContaining('say why') });
  });
});
