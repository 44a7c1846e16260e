/**
 * A small multi-tenant world for the database tests: two workspaces with an owner each,
 * one user in both, a SaaS admin, and rows in every table on both sides.
 */
import { withClaims, userClaims } from '../../../tests/supabase-gateway/claims.js';
import type { SqlDatabase, SqlSession } from '../../../tests/supabase-gateway/database.js';
import { addMember, createUser, createWorkspace, makeSaasAdmin, type TestUser } from '../../../tests/supabase-gateway/fixtures.js';

export interface World {
  alice: TestUser; // owner of W1
  bob: TestUser; // owner of W2
  carol: TestUser; // member of both
  dave: TestUser; // no workspace yet
  admin: TestUser; // SaaS admin, no workspace
  w1: string;
  w2: string;
  connector1: string;
  connector2: string;
  execution1: string;
  execution2: string;
  credential1: string;
  credential2: string;
  audit1: number;
  audit2: number;
  install1: string;
  install2: string;
  /** Public community templates by alice and bob; private ones; an official public one. */
  aliceTemplate: string;
  bobTemplate: string;
  alicePrivateTemplate: string;
  bobPrivateTemplate: string;
  officialTemplate: string;
  aliceReport: string;
  bobReport: string;
}

export const SECRET_W1 = 'sk-test-alice-0123456789abcdef';
export const SECRET_W2 = 'sk-test-bob-fedcba9876543210';

export const sampleConfig = (name: string) => ({
  schemaVersion: 2,
  name,
  description: `${name} connector`,
  inputs: [{ name: 'email' }],
  steps: [{ id: 'lookup', url: 'https://api.example.com/lookup?email={{email}}', headers: [{ key: 'Authorization', value: 'Bearer {{credentials.api_key}}' }] }],
  edges: [],
});

async function one<T>(session: SqlSession, sql: string, params: unknown[]): Promise<T> {
  const { rows } = await session.query<T>(sql, params);
  if (!rows[0]) throw new Error(`no row from: ${sql}`);
  return rows[0];
}

export async function buildWorld(db: SqlDatabase): Promise<World> {
  const alice = await createUser(db, 'alice@example.com');
  const bob = await createUser(db, 'bob@example.com');
  const carol = await createUser(db, 'carol@example.com');
  const dave = await createUser(db, 'dave@example.com');
  const admin = await createUser(db, 'admin@example.com');
  await makeSaasAdmin(db, admin.id);

  const w1 = await createWorkspace(db, 'Home Improvement Co.', alice.id);
  const w2 = await createWorkspace(db, 'Marketing Agency', bob.id);
  await addMember(db, w1, carol.id, 'member');
  await addMember(db, w2, carol.id, 'member');

  const connector = async (owner: TestUser, ws: string, name: string) =>
    withClaims(db, userClaims(owner.id), async (s) =>
      (await one<{ id: string }>(s, `insert into connectors (workspace_id, name, config) values ($1, $2, $3) returning id`, [
        ws,
        name,
        JSON.stringify(sampleConfig(name)),
      ])).id,
    );
  const connector1 = await connector(alice, w1, 'Phone Enrichment');
  const connector2 = await connector(bob, w2, 'HubSpot Sync');

  const credential = async (owner: TestUser, ws: string, value: string) =>
    withClaims(db, userClaims(owner.id), async (s) =>
      (await one<{ c: { id: string } }>(s, `select set_credential($1, 'api_key', $2) as c`, [ws, value])).c.id,
    );
  const credential1 = await credential(alice, w1, SECRET_W1);
  const credential2 = await credential(bob, w2, SECRET_W2);

  const execution = async (owner: TestUser, ws: string, connectorId: string) =>
    withClaims(db, userClaims(owner.id), async (s) =>
      (await one<{ e: { id: string } }>(s, `select record_execution($1, $2, 'success') as e`, [ws, connectorId])).e.id,
    );
  const execution1 = await execution(alice, w1, connector1);
  const execution2 = await execution(bob, w2, connector2);

  const auditId = async (ws: string) =>
    (await one<{ id: number }>(db, `select id from credential_audit_log where workspace_id = $1 order by id limit 1`, [ws])).id;
  const audit1 = await auditId(w1);
  const audit2 = await auditId(w2);

  const publish = async (user: TestUser, name: string, isPublic: boolean, official = false) =>
    withClaims(db, userClaims(user.id), async (s) =>
      (await one<{ t: { id: string } }>(s, `select publish_template(p_name => $1, p_config => $2, p_public => $3, p_official => $4) as t`, [
        name,
        JSON.stringify(sampleConfig(name)),
        isPublic,
        official,
      ])).t.id,
    );
  const aliceTemplate = await publish(alice, 'Alice public', true);
  const bobTemplate = await publish(bob, 'Bob public', true);
  const alicePrivateTemplate = await publish(alice, 'Alice private', false);
  const bobPrivateTemplate = await publish(bob, 'Bob private', false);
  const officialTemplate = await publish(admin, 'Email Validation (ZeroBounce)', true, true);

  const install = async (user: TestUser, ws: string) => {
    await withClaims(db, userClaims(user.id), (s) => s.query(`select install_template($1, $2)`, [officialTemplate, ws]));
    return (await one<{ id: string }>(db, `select id from template_installs where workspace_id = $1`, [ws])).id;
  };
  const install1 = await install(alice, w1);
  const install2 = await install(bob, w2);

  // Each rates the other's public template.
  await withClaims(db, userClaims(alice.id), (s) => s.query(`select rate_template($1, 4)`, [bobTemplate]));
  await withClaims(db, userClaims(bob.id), (s) => s.query(`select rate_template($1, 2)`, [aliceTemplate]));

  const report = async (user: TestUser, templateId: string) =>
    withClaims(db, userClaims(user.id), async (s) =>
      (await one<{ id: string }>(s, `insert into template_reports (template_id, reporter_id, reason) values ($1, $2, 'spam') returning id`, [
        templateId,
        user.id,
      ])).id,
    );
  const aliceReport = await report(alice, bobTemplate);
  const bobReport = await report(bob, aliceTemplate);

  return {
    alice, bob, carol, dave, admin, w1, w2, connector1, connector2, execution1, execution2, credential1, credential2,
    audit1, audit2, install1, install2, aliceTemplate, bobTemplate, alicePrivateTemplate, bobPrivateTemplate,
    officialTemplate, aliceReport, bobReport,
  };
}

/** Postgres' insufficient_privilege: missing grants and row-level security violations alike. */
export function isPermissionDenied(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '42501';
}
