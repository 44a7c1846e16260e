-- SaaS administrators (the seed's question 4) and service-level rate limits (question 3, option B).

create table public.saas_admin_users (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references auth.users(id) on delete cascade,
  role varchar(50) not null default 'admin' check (role in ('developer', 'admin', 'owner')),
  permissions jsonb not null default '{
    "can_create_templates": true,
    "can_feature_templates": true,
    "can_moderate": true
  }',
  created_at timestamptz not null default now()
);

alter table public.saas_admin_users enable row level security;

-- A user may see their own admin row (the app shows admin controls from it); the list of
-- admins is managed with the service role only. The server never trusts the client's view.
create policy saas_admin_users_select_self on public.saas_admin_users
  for select to authenticated
  using (user_id = auth.uid());

revoke all on table public.saas_admin_users from public, anon, authenticated;
grant select on table public.saas_admin_users to authenticated;
grant all on table public.saas_admin_users to service_role;

-- Whether the caller is a SaaS admin, optionally holding one permission.
create or replace function public.is_saas_admin(p_permission text default null)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.saas_admin_users a
    where a.user_id = auth.uid()
      and (p_permission is null or coalesce((a.permissions ->> p_permission)::boolean, false))
  )
$$;

revoke all on function public.is_saas_admin(text) from public, anon, authenticated, service_role;
grant execute on function public.is_saas_admin(text) to authenticated, service_role;

create table public.api_rate_limits (
  service_name varchar(100) primary key,
  requests_per_minute integer check (requests_per_minute is null or requests_per_minute > 0),
  requests_per_hour integer check (requests_per_hour is null or requests_per_hour > 0),
  current_minute_count integer not null default 0,
  current_hour_count integer not null default 0,
  minute_window_start timestamptz,
  hour_window_start timestamptz
);

-- Shared counters for the server-side executor only: no client policy at all.
alter table public.api_rate_limits enable row level security;
revoke all on table public.api_rate_limits from public, anon, authenticated;
grant all on table public.api_rate_limits to service_role;
