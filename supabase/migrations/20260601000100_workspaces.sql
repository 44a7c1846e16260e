-- Workspaces and their members. On the SaaS these tables may already exist: they are
-- created only where absent, and everything below relies only on
-- workspaces.id, workspace_members.(workspace_id, user_id, role).

create table if not exists public.workspaces (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 200),
  created_by uuid references auth.users(id) on delete set null,
  created_at timestamptz not null default now()
);

create table if not exists public.workspace_members (
  workspace_id uuid not null references public.workspaces(id) on delete cascade,
  user_id uuid not null references auth.users(id) on delete cascade,
  role text not null default 'member' check (role in ('owner', 'admin', 'member')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);
create index if not exists idx_workspace_members_user on public.workspace_members(user_id);

alter table public.workspaces enable row level security;
alter table public.workspace_members enable row level security;

-- Membership is answered by SECURITY DEFINER functions: a policy on workspace_members
-- that queried workspace_members directly would recurse forever.
create or replace function public.member_workspace_ids()
returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select m.workspace_id from public.workspace_members m where m.user_id = auth.uid()
$$;

create or replace function public.workspace_role(p_workspace_id uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select m.role from public.workspace_members m
  where m.workspace_id = p_workspace_id and m.user_id = auth.uid()
$$;

create or replace function public.is_workspace_member(p_workspace_id uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.workspace_members m
    where m.workspace_id = p_workspace_id and m.user_id = auth.uid()
  )
$$;

create or replace function public.is_workspace_admin(p_workspace_id uuid)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.workspace_members m
    where m.workspace_id = p_workspace_id and m.user_id = auth.uid() and m.role in ('owner', 'admin')
  )
$$;

revoke all on function public.member_workspace_ids() from public, anon, authenticated, service_role;
revoke all on function public.workspace_role(uuid) from public, anon, authenticated, service_role;
revoke all on function public.is_workspace_member(uuid) from public, anon, authenticated, service_role;
revoke all on function public.is_workspace_admin(uuid) from public, anon, authenticated, service_role;
grant execute on function public.member_workspace_ids() to authenticated, service_role;
grant execute on function public.workspace_role(uuid) to authenticated, service_role;
grant execute on function public.is_workspace_member(uuid) to authenticated, service_role;
grant execute on function public.is_workspace_admin(uuid) to authenticated, service_role;

-- workspaces: members read; owners/admins rename; owners delete. New workspaces come from
-- create_workspace() so that the creator becomes owner in the same transaction.
drop policy if exists workspaces_select_member on public.workspaces;
create policy workspaces_select_member on public.workspaces
  for select to authenticated
  using (id in (select public.member_workspace_ids()));

drop policy if exists workspaces_update_admin on public.workspaces;
create policy workspaces_update_admin on public.workspaces
  for update to authenticated
  using (public.is_workspace_admin(id))
  with check (public.is_workspace_admin(id));

drop policy if exists workspaces_delete_owner on public.workspaces;
create policy workspaces_delete_owner on public.workspaces
  for delete to authenticated
  using (public.workspace_role(id) = 'owner');

revoke all on table public.workspaces from public, anon, authenticated;
grant select, delete on table public.workspaces to authenticated;
grant update (name) on table public.workspaces to authenticated;
grant all on table public.workspaces to service_role;

-- workspace_members: members see their workspace's roster; owners/admins manage it
-- (only an owner may grant or take away the owner role); anyone may leave.
drop policy if exists workspace_members_select_member on public.workspace_members;
create policy workspace_members_select_member on public.workspace_members
  for select to authenticated
  using (workspace_id in (select public.member_workspace_ids()));

drop policy if exists workspace_members_insert_admin on public.workspace_members;
create policy workspace_members_insert_admin on public.workspace_members
  for insert to authenticated
  with check (
    public.is_workspace_admin(workspace_id)
    and (role <> 'owner' or public.workspace_role(workspace_id) = 'owner')
  );

drop policy if exists workspace_members_update_admin on public.workspace_members;
create policy workspace_members_update_admin on public.workspace_members
  for update to authenticated
  using (
    public.is_workspace_admin(workspace_id)
    and (role <> 'owner' or public.workspace_role(workspace_id) = 'owner')
  )
  with check (
    public.is_workspace_admin(workspace_id)
    and (role <> 'owner' or public.workspace_role(workspace_id) = 'owner')
  );

drop policy if exists workspace_members_delete_admin_or_self on public.workspace_members;
create policy workspace_members_delete_admin_or_self on public.workspace_members
  for delete to authenticated
  using (
    user_id = auth.uid()
    or (
      public.is_workspace_admin(workspace_id)
      and (role <> 'owner' or public.workspace_role(workspace_id) = 'owner')
    )
  );

revoke all on table public.workspace_members from public, anon, authenticated;
grant select, insert, delete on table public.workspace_members to authenticated;
-- Only the role can change: a membership never moves to another workspace or user.
grant update (role) on table public.workspace_members to authenticated;
grant all on table public.workspace_members to service_role;

-- The caller's workspaces with their role, for the app's workspace picker.
create or replace view public.my_workspaces
with (security_invoker = true)
as
  select w.id, w.name, m.role, w.created_at
  from public.workspaces w
  join public.workspace_members m on m.workspace_id = w.id
  where m.user_id = auth.uid();

revoke all on table public.my_workspaces from public, anon, authenticated;
grant select on table public.my_workspaces to authenticated, service_role;

create or replace function public.create_workspace(p_name text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_workspace public.workspaces;
begin
  if v_uid is null then
    raise exception 'sign in to create a workspace' using errcode = '42501';
  end if;
  if p_name is null or length(btrim(p_name)) = 0 or length(p_name) > 200 then
    raise exception 'a workspace needs a name of 1 to 200 characters' using errcode = '22023';
  end if;
  insert into public.workspaces (name, created_by) values (btrim(p_name), v_uid) returning * into v_workspace;
  insert into public.workspace_members (workspace_id, user_id, role) values (v_workspace.id, v_uid, 'owner');
  return jsonb_build_object('id', v_workspace.id, 'name', v_workspace.name, 'role', 'owner', 'created_at', v_workspace.created_at);
end
$$;

revoke all on function public.create_workspace(text) from public, anon, authenticated, service_role;
grant execute on function public.create_workspace(text) to authenticated;
