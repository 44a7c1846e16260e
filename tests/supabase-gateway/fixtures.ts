/**
 * Test fixtures written as the database superuser (like the Supabase dashboard would):
 * users in auth.users (bcrypt via pgcrypto's crypt()), workspaces, memberships, admins.
 */
import type { SqlSession } from './database.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export async function createUser(db: SqlSession, email: string, password = 'correct horse battery staple'): Promise<TestUser> {
  const { rows } = await db.query<{ id: string }>(
    `insert into auth.users (email, encrypted_password) values ($1, extensions.crypt($2, extensions.gen_salt('bf', 6))) returning id`,
    [email.toLowerCase(), password],
  );
  return { id: rows[0]!.id, email: email.toLowerCase(), password };
}

export async function createWorkspace(db: SqlSession, name: string, ownerId?: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`insert into public.workspaces (name, created_by) values ($1, $2) returning id`, [
    name,
    ownerId ?? null,
  ]);
  const workspaceId = rows[0]!.id;
  if (ownerId) await addMember(db, workspaceId, ownerId, 'owner');
  return workspaceId;
}

export type WorkspaceRole = 'owner' | 'admin' | 'member';

export async function addMember(db: SqlSession, workspaceId: string, userId: string, role: WorkspaceRole = 'member'): Promise<void> {
  await db.query(
    `insert into public.workspace_members (workspace_id, user_id, role) values ($1, $2, $3)
     on conflict (workspace_id, user_id) do update set role = excluded.role`,
    [workspaceId, userId, role],
  );
}

export async function removeMember(db: SqlSession, workspaceId: string, userId: string): Promise<void> {
  await db.query(`delete from public.workspace_members where workspace_id = $1 and user_id = $2`, [workspaceId, userId]);
}

export async function makeSaasAdmin(
  db: SqlSession,
  userId: string,
  permissions: Partial<Record<'can_create_templates' | 'can_feature_templates' | 'can_moderate', boolean>> = {},
): Promise<void> {
  const full = { can_create_templates: true, can_feature_templates: true, can_moderate: true, ...permissions };
  await db.query(`insert into public.saas_admin_users (user_id, role, permissions) values ($1, 'admin', $2)`, [userId, JSON.stringify(full)]);
}
