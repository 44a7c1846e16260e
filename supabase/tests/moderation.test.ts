/**
 * Moderation decided by the server (issue 16 §4): moderators list reports with the
 * reporter's email, resolve or dismiss them; hiding needs a reason, resolves the template's
 * open reports, and the reason is seen by the publisher and admins only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClaims, userClaims, withClaims, type JwtClaims } from '../../tests/supabase-gateway/claims.js';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { buildWorld, type World } from './helpers/world.js';

let db: TestDatabase;
let w: World;

beforeAll(async () => {
  db = await createTestDatabase();
  w = await buildWorld(db);
});
afterAll(async () => {
  await db?.close();
});

interface ListedReport { id: string; template_id: string; template_name: string; reason: string; resolution: string | null; resolved_at: string | null; reporter_email: string | null; resolved_by_email: string | null }

const listReports = (claims: JwtClaims) =>
  withClaims(db, claims, async (s) => (await s.query<ListedReport>(`select * from moderation_reports()`)).rows);
const call = async <T>(claims: JwtClaims, sql: string, params: unknown[] = []): Promise<T> =>
  withClaims(db, claims, async (s) => (await s.query<{ r: T }>(sql, params)).rows[0]!.r);
const reportRow = async (id: string) =>
  (await db.query<{ resolution: string | null; resolved_at: Date | null; resolved_by: string | null }>(`select resolution, resolved_at, resolved_by from template_reports where id = $1`, [id])).rows[0]!;

describe('moderation_reports', () => {
  it('a moderator sees every report with the reporter\'s email and the template\'s name', async () => {
    const reports = await listReports(userClaims(w.admin.id));
    expect(reports.find((r) => r.id === w.aliceReport)).toMatchObject({ template_id: w.bobTemplate, template_name: 'Bob public', reason: 'spam', reporter_email: 'alice@example.com', resolution: null });
    expect(reports.find((r) => r.id === w.bobReport)).toMatchObject({ reporter_email: 'bob@example.com' });
  });

  it('is refused for users, anon, and admins without can_moderate (emails never leak)', async () => {
    await expect(listReports(userClaims(w.alice.id))).rejects.toMatchObject({ code: '42501' });
    await expect(listReports(anonClaims())).rejects.toMatchObject({ code: '42501' });
    await db.query(`update saas_admin_users set permissions = permissions || '{"can_moderate": false}' where user_id = $1`, [w.admin.id]);
    try {
      await expect(listReports(userClaims(w.admin.id))).rejects.toMatchObject({ code: '42501' });
      await expect(call(userClaims(w.admin.id), `select resolve_template_report($1, 'dismissed') as r`, [w.aliceReport])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await db.query(`update saas_admin_users set permissions = permissions || '{"can_moderate": true}' where user_id = $1`, [w.admin.id]);
    }
    // auth.users stays unreadable to clients.
    await expect(withClaims(db, userClaims(w.alice.id), (s) => s.query(`select email from auth.users`))).rejects.toMatchObject({ code: '42501' });
  });
});

describe('resolve_template_report', () => {
  it('a moderator dismisses an open report once; a second close is refused; users cannot close reports', async () => {
    await expect(call(userClaims(w.bob.id), `select resolve_template_report($1, 'dismissed') as r`, [w.aliceReport])).rejects.toMatchObject({ code: '42501' });
    await expect(call(userClaims(w.admin.id), `select resolve_template_report($1, 'ignored') as r`, [w.aliceReport])).rejects.toMatchObject({ code: '22023' });
    expect(await reportRow(w.aliceReport)).toMatchObject({ resolution: null, resolved_at: null });

    const closed = await call<{ resolution: string; resolved_at: string }>(userClaims(w.admin.id), `select resolve_template_report($1, 'dismissed') as r`, [w.aliceReport]);
    expect(closed).toMatchObject({ resolution: 'dismissed', resolved_at: expect.any(String) });
    expect(await reportRow(w.aliceReport)).toMatchObject({ resolution: 'dismissed', resolved_by: w.admin.id });
    expect((await listReports(userClaims(w.admin.id))).find((r) => r.id === w.aliceReport)).toMatchObject({ resolution: 'dismissed', resolved_by_email: 'admin@example.com' });

    await expect(call(userClaims(w.admin.id), `select resolve_template_report($1, 'resolved') as r`, [w.aliceReport])).rejects.toMatchObject({ code: '55000' });
    await expect(call(userClaims(w.admin.id), `select resolve_template_report($1, 'resolved') as r`, ['00000000-0000-4000-8000-000000000000'])).rejects.toMatchObject({ code: 'PT404' });
  });
});

describe('hide_template', () => {
  it('refuses to hide without a reason', async () => {
    for (const reason of [null, '', '   ']) {
      await expect(call(userClaims(w.admin.id), `select hide_template($1, true, $2) as r`, [w.aliceTemplate, reason]))
        .rejects.toMatchObject({ code: '22023', message: expect.stringContaining('say why') });
    }
    expect((await db.query(`select hidden from connector_templates where id = $1`, [w.aliceTemplate])).rows[0]).toMatchObject({ hidden: false });
  });

  it('hiding resolves the template\'s open reports and stores the reason; only the publisher and admins see it', async () => {
    // bob's report on alice's template is open; carol files another.
    const carolReport = await call<{ id: string }>(userClaims(w.carol.id), `select report_template($1, 'steals phone numbers') as r`, [w.aliceTemplate]);
    const hidden = await call<{ hidden: boolean; hidden_reason: string }>(userClaims(w.admin.id), `select hide_template($1, true, $2) as r`, [w.aliceTemplate, '  sends numbers to an unknown host  ']);
    expect(hidden).toMatchObject({ hidden: true, hidden_reason: 'sends numbers to an unknown host' });
    for (const id of [w.bobReport, carolReport.id]) expect(await reportRow(id)).toMatchObject({ resolution: 'resolved', resolved_by: w.admin.id });

    const reasonSeenBy = (claims: JwtClaims) =>
      withClaims(db, claims, async (s) => (await s.query<{ hidden_reason: string }>(`select hidden_reason from connector_templates where id = $1`, [w.aliceTemplate])).rows.map((r) => r.hidden_reason));
    expect(await reasonSeenBy(userClaims(w.alice.id))).toEqual(['sends numbers to an unknown host']);
    expect(await reasonSeenBy(userClaims(w.admin.id))).toEqual(['sends numbers to an unknown host']);
    expect(await reasonSeenBy(userClaims(w.bob.id))).toEqual([]);
    expect(await reasonSeenBy(userClaims(w.carol.id))).toEqual([]);
    expect(await reasonSeenBy(anonClaims())).toEqual([]);

    // Showing it again clears the reason (no reason needed).
    await call(userClaims(w.admin.id), `select hide_template($1, false) as r`, [w.aliceTemplate]);
    expect((await db.query(`select hidden, hidden_reason from connector_templates where id = $1`, [w.aliceTemplate])).rows[0]).toMatchObject({ hidden: false, hidden_reason: null });
  });
});
