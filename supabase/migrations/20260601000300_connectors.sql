-- Connectors (the seed's table) plus what offline-first sync needs: a `revision` for
-- optimistic concurrency, a `deleted_at` tombstone, and a `change_seq` drawn from one
-- sequence so that sync_pull can hand out a monotonically increasing cursor.

create sequence public.connector_change_seq;
revoke all on sequence public.connector_change_seq from public, anon, authenticated;
grant usage on sequence public.connector_change_seq to authenticated, service_role;

create table public.connectors (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces(id) on delete cascade,
  name varchar(255) not null check (length(btrim(name)) > 0),
  description text,
  icon varchar(50),
  category varchar(100),

  type varchar(20) not null default 'single-step' check (type in ('single-step', 'multi-step')),

  -- The app's whole connector document (schemaVersion 1). Never contains credential values.
  config jsonb not null check (jsonb_typeof(config) = 'object'),
  input_schema jsonb,
  field_mappings jsonb,

  enabled boolean not null default true,
  timeout_ms integer default 30000,
  max_retries integer default 3,
  continue_on_error boolean default false,

  created_by uuid references auth.users(id) on delete set null,
  updated_by uuid references auth.users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  total_executions integer not null default 0,
  successful_executions integer not null default 0,
  failed_executions integer not null default 0,
  last_executed_at timestamptz,

  created_from_template uuid,

  revision bigint not null default 1,
  change_seq bigint not null,
  deleted_at timestamptz,

  -- Lets child tables reference (connector, workspace) together so they can't disagree.
  constraint connectors_id_workspace_unique unique (id, workspace_id)
);

-- The seed's UNIQUE(workspace_id, name), limited to live rows so a deleted name can be reused.
create unique index connectors_workspace_name_unique on public.connectors(workspace_id, name) where deleted_at is null;
create index idx_connectors_workspace on public.connectors(workspace_id);
create index idx_connectors_category on public.connectors(category);
create index idx_connectors_enabled on public.connectors(enabled);
create index idx_connectors_workspace_change on public.connectors(workspace_id, change_seq);

alter table public.connectors enable row level security;

create policy connectors_select_member on public.connectors
  for select to authenticated
  using (workspace_id in (select public.member_workspace_ids()));
create policy connectors_insert_member on public.connectors
  for insert to authenticated
  with check (workspace_id in (select public.member_workspace_ids()));
create policy connectors_update_member on public.connectors
  for update to authenticated
  using (workspace_id in (select public.member_workspace_ids()))
  with check (workspace_id in (select public.member_workspace_ids()));
create policy connectors_delete_member on public.connectors
  for delete to authenticated
  using (workspace_id in (select public.member_workspace_ids()));

revoke all on table public.connectors from public, anon, authenticated;
grant select, delete on table public.connectors to authenticated;
-- Clients never write the bookkeeping columns (revision, change_seq, stats, authorship).
grant insert (id, workspace_id, name, description, icon, category, type, config, input_schema, field_mappings,
              enabled, timeout_ms, max_retries, continue_on_error, created_from_template)
  on table public.connectors to authenticated;
grant update (workspace_id, name, description, icon, category, type, config, input_schema, field_mappings,
              enabled, timeout_ms, max_retries, continue_on_error, deleted_at)
  on table public.connectors to authenticated;
grant all on table public.connectors to service_role;

-- Bookkeeping for every write, whichever path it takes (sync RPC, table API, service role).
-- Writers of one workspace are serialised by an advisory lock so change_seq values become
-- visible in order within a workspace: a puller can never skip a row that commits late.
create or replace function public.connectors_before_write()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform pg_advisory_xact_lock(hashtextextended('connectors:' || new.workspace_id::text, 0));
    new.revision := 1;
    new.change_seq := nextval('public.connector_change_seq');
    new.created_at := now();
    new.updated_at := now();
    new.created_by := coalesce(auth.uid(), new.created_by);
    new.updated_by := coalesce(auth.uid(), new.updated_by);
    return new;
  end if;

  if new.workspace_id is distinct from old.workspace_id or new.id is distinct from old.id then
    raise exception 'a connector cannot move to another workspace'
      using errcode = '42501', hint = 'export it and import it into the other workspace instead';
  end if;

  if (new.name, new.description, new.icon, new.category, new.type, new.config, new.input_schema, new.field_mappings,
      new.enabled, new.timeout_ms, new.max_retries, new.continue_on_error, new.deleted_at)
     is distinct from
     (old.name, old.description, old.icon, old.category, old.type, old.config, old.input_schema, old.field_mappings,
      old.enabled, old.timeout_ms, old.max_retries, old.continue_on_error, old.deleted_at) then
    perform pg_advisory_xact_lock(hashtextextended('connectors:' || new.workspace_id::text, 0));
    new.revision := old.revision + 1;
    new.change_seq := nextval('public.connector_change_seq');
    new.updated_at := now();
    new.updated_by := coalesce(auth.uid(), new.updated_by);
  else
    -- Statistics only: not a document change, so no new revision and nothing to sync.
    new.revision := old.revision;
    new.change_seq := old.change_seq;
  end if;
  return new;
end
$$;

create trigger connectors_before_insert_or_update
  before insert or update on public.connectors
  for each row execute function public.connectors_before_write();

-- A client DELETE leaves a tombstone that sync_pull hands to every other client. Deletes
-- cascading from a workspace (trigger depth > 1) and the service role's purge of an
-- existing tombstone go through.
create or replace function public.connectors_before_delete()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if pg_trigger_depth() > 1 then
    return old;
  end if;
  if old.deleted_at is null then
    update public.connectors set deleted_at = now() where id = old.id;
    return null;
  end if;
  if coalesce(auth.role(), '') in ('anon', 'authenticated') then
    return null;
  end if;
  return old;
end
$$;

create trigger connectors_before_delete
  before delete on public.connectors
  for each row execute function public.connectors_before_delete();

revoke all on function public.connectors_before_write() from public, anon, authenticated, service_role;
revoke all on function public.connectors_before_delete() from public, anon, authenticated, service_role;

-- connector_executions: the seed's table. contact_id has no foreign key here because the
-- contacts table belongs to the CRM schema, which this project does not ship.
create table public.connector_executions (
  id uuid primary key default gen_random_uuid(),
  connector_id uuid not null,
  workspace_id uuid not null references public.workspaces(id) on delete cascade,
  contact_id uuid,
  flow_run_id uuid,

  status varchar(20) not null check (status in ('pending', 'running', 'success', 'failed', 'timeout')),
  source varchar(20) not null default 'server' check (source in ('server', 'local_test')),

  steps_executed jsonb,
  current_step varchar(50),

  input_data jsonb,
  output_data jsonb,
  error_message text,
  error_stack text,

  execution_time_ms integer check (execution_time_ms is null or execution_time_ms >= 0),
  started_at timestamptz,
  completed_at timestamptz,

  trigger_run_id varchar(255),

  created_by uuid references auth.users(id) on delete set null,
  created_at timestamptz not null default now(),

  foreign key (connector_id, workspace_id) references public.connectors(id, workspace_id) on delete cascade
);

create index idx_connector_executions_connector on public.connector_executions(connector_id);
create index idx_connector_executions_workspace on public.connector_executions(workspace_id);
create index idx_connector_executions_contact on public.connector_executions(contact_id);
create index idx_connector_executions_status on public.connector_executions(status);
create index idx_connector_executions_created on public.connector_executions(created_at desc);

alter table public.connector_executions enable row level security;

-- Executions are written only by record_execution() (which redacts) and the service role;
-- members read them, and workspace owners/admins may prune history.
create policy connector_executions_select_member on public.connector_executions
  for select to authenticated
  using (workspace_id in (select public.member_workspace_ids()));
create policy connector_executions_delete_admin on public.connector_executions
  for delete to authenticated
  using (public.is_workspace_admin(workspace_id));

revoke all on table public.connector_executions from public, anon, authenticated;
grant select, delete on table public.connector_executions to authenticated;
grant all on table public.connector_executions to service_role;

-- The seed's helper. Statistics are not a document change, so the revision stays put.
create or replace function public.increment_connector_stats(p_connector_id uuid, p_success boolean)
returns void
language plpgsql security invoker set search_path = ''
as $$
begin
  update public.connectors
  set
    total_executions = total_executions + 1,
    successful_executions = case when p_success then successful_executions + 1 else successful_executions end,
    failed_executions = case when not p_success then failed_executions + 1 else failed_executions end,
    last_executed_at = now()
  where id = p_connector_id;
end
$$;

revoke all on function public.increment_connector_stats(uuid, boolean) from public, anon, authenticated, service_role;
grant execute on function public.increment_connector_stats(uuid, boolean) to service_role;
