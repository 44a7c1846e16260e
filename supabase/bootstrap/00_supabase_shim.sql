-- TEST-ONLY. Gives a vanilla PostgreSQL (Debian 15 or PGlite) what a Supabase project
-- already has, so supabase/migrations/ apply unchanged: the API roles, the `extensions`
-- schema with pgcrypto, the `auth` schema with `auth.users` and the helper functions
-- `auth.uid()`, `auth.role()`, `auth.jwt()` that read PostgREST's `request.jwt.claims`.
-- Never apply this to a real Supabase project (it already has all of it).

-- Roles are cluster-wide on a real server: create them only once. Test files create their
-- databases in parallel, so a concurrent creation of the same role is tolerated.
do $$
declare
  v_role text;
begin
  foreach v_role in array array['anon', 'authenticated', 'service_role'] loop
    if not exists (select 1 from pg_roles where rolname = v_role) then
      begin
        -- As on Supabase, the server-side key bypasses row-level security.
        execute format('create role %I nologin noinherit%s', v_role, case when v_role = 'service_role' then ' bypassrls' else '' end);
      exception when duplicate_object or unique_violation then
        null;
      end;
    end if;
  end loop;
end
$$;

create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  aud text not null default 'authenticated',
  role text not null default 'authenticated',
  email text unique,
  encrypted_password text,
  email_confirmed_at timestamptz default now(),
  raw_app_meta_data jsonb not null default '{"provider":"email","providers":["email"]}',
  raw_user_meta_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_sign_in_at timestamptz
);

-- GoTrue's refresh tokens (the gateway rotates them on every refresh).
create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token text not null unique,
  user_id uuid not null references auth.users(id) on delete cascade,
  session_id uuid not null,
  revoked boolean not null default false,
  parent text,
  created_at timestamptz not null default now()
);

-- Same definitions as Supabase's: the setting reads back as '' (not NULL) on a pooled
-- connection after a transaction, hence nullif.
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;

-- Supabase's defaults for the exposed schema: the API roles may use it, and new tables,
-- sequences and functions are granted to them (row-level security does the filtering).
-- Migrations must therefore revoke explicitly what a role must not have.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
