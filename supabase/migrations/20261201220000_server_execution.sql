-- Server-side execution (issue 14): run requests (the enqueue RPC's outbox), the
-- service-level rate budget shared by every worker, and per-connector concurrency slots.

-- ---------------------------------------------------------------------------------------
-- Run requests. enqueue_connector_runs() writes one row per execution; a worker's
-- dispatcher moves undispatched rows into the job queue in the same transaction that marks
-- them (a transactional outbox), so the RPC never depends on the queue engine's tables and
-- a request is never lost between "accepted" and "queued". The row id is the run id: the
-- job id in the queue and connector_executions.client_run_id, so a duplicate stays one run.
create table public.connector_run_requests (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces(id) on delete cascade,
  connector_id uuid not null,
  contact_id uuid,
  -- Input values only: credential values are resolved by the worker, never queued.
  inputs jsonb not null default '{}' check (jsonb_typeof(inputs) = 'object'),
  requested_by uuid references auth.users(id) on delete set null,
  created_at timestamptz not null default now(),
  dispatched_at timestamptz,
  foreign key (connector_id, workspace_id) references public.connectors(id, workspace_id) on delete cascade
);

create index idx_connector_run_requests_undispatched on public.connector_run_requests(created_at) where dispatched_at is null;
create index idx_connector_run_requests_connector on public.connector_run_requests(connector_id, created_at desc);

alter table public.connector_run_requests enable row level security;
create policy connector_run_requests_select_member on public.connector_run_requests
  for select to authenticated
  using (workspace_id in (select public.member_workspace_ids()));
revoke all on table public.connector_run_requests from public, anon, authenticated;
grant select on table public.connector_run_requests to authenticated;
grant all on table public.connector_run_requests to service_role;

-- Queue one execution, or one per contact. A member may enqueue only its own workspace's
-- live, enabled connectors; the service role (an operator) may enqueue any.
create or replace function public.enqueue_connector_runs(
  p_workspace_id uuid,
  p_connector_id uuid,
  p_inputs jsonb default '{}',
  p_contact_ids uuid[] default null
)
returns uuid[]
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_connector record;
  v_ids uuid[];
begin
  if coalesce(auth.role(), '') <> 'service_role' then
    v_uid := private.require_member(p_workspace_id);
  end if;
  if p_inputs is null or jsonb_typeof(p_inputs) <> 'object' then
    raise exception 'inputs must be an object of input name to value' using errcode = '22023';
  end if;
  if p_contact_ids is not null and (cardinality(p_contact_ids) = 0 or cardinality(p_contact_ids) > 1000) then
    raise exception 'a batch holds 1 to 1000 contacts (got %)', cardinality(p_contact_ids)
      using errcode = '22023', hint = 'split a larger batch into several calls';
  end if;

  select c.enabled, c.deleted_at, c.name into v_connector
  from public.connectors c
  where c.id = p_connector_id and c.workspace_id = p_workspace_id;
  if not found or v_connector.deleted_at is not null then
    raise exception 'connector % is not in this workspace', p_connector_id
      using errcode = 'PT404', hint = 'sync the connector to this workspace first';
  end if;
  if not v_connector.enabled then
    raise exception 'connector "%" is disabled', v_connector.name
      using errcode = '22023', hint = 'enable it on the dashboard before running it on the server';
  end if;

  with inserted as (
    insert into public.connector_run_requests (workspace_id, connector_id, contact_id, inputs, requested_by)
    select p_workspace_id, p_connector_id, contact_id, p_inputs, v_uid
    from unnest(coalesce(p_contact_ids, array[null::uuid])) with ordinality as t(contact_id, n)
    order by n
    returning id
  )
  select array_agg(id) into v_ids from inserted;

  -- Wakes the dispatchers at once (delivered on commit); they also poll as a backstop.
  perform pg_notify('connector_run_requests', p_connector_id::text);
  return v_ids;
end
$$;
revoke all on function public.enqueue_connector_runs(uuid, uuid, jsonb, uuid[]) from public, anon, authenticated, service_role;
grant execute on function public.enqueue_connector_runs(uuid, uuid, jsonb, uuid[]) to authenticated, service_role;

-- ---------------------------------------------------------------------------------------
-- Service-level rate budgets (the seed's api_rate_limits): one row per service key, shared
-- by every connector with that key and by every worker. Each request takes a slot in one
-- statement under the row lock, so concurrent workers can never overspend a window.
alter table public.api_rate_limits add column paused_until timestamptz;

-- Takes one request slot for p_service, or says how long to wait. Limits are the lower of
-- the row's (set by the SaaS for a service) and the connector's own. Windows are fixed: a
-- minute (hour) window starts with its first request and the count resets after it.
-- Returns 0 when the slot was taken, else the milliseconds until one may be free.
create or replace function public.take_service_rate_slot(p_service text, p_per_minute integer, p_per_hour integer)
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.api_rate_limits;
  v_now timestamptz := clock_timestamp();
  v_minute integer;
  v_hour integer;
begin
  if coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'only the server-side executor takes rate slots' using errcode = '42501';
  end if;
  insert into public.api_rate_limits (service_name) values (p_service) on conflict (service_name) do nothing;
  select * into v_row from public.api_rate_limits where service_name = p_service for update;

  if v_row.paused_until is not null and v_row.paused_until > v_now then
    return ceil(extract(epoch from v_row.paused_until - v_now) * 1000)::integer;
  end if;
  if v_row.minute_window_start is null or v_row.minute_window_start + interval '1 minute' <= v_now then
    v_row.minute_window_start := v_now;
    v_row.current_minute_count := 0;
  end if;
  if v_row.hour_window_start is null or v_row.hour_window_start + interval '1 hour' <= v_now then
    v_row.hour_window_start := v_now;
    v_row.current_hour_count := 0;
  end if;

  v_minute := least(coalesce(v_row.requests_per_minute, p_per_minute), coalesce(p_per_minute, v_row.requests_per_minute));
  v_hour := least(coalesce(v_row.requests_per_hour, p_per_hour), coalesce(p_per_hour, v_row.requests_per_hour));

  if v_minute is not null and v_row.current_minute_count >= v_minute then
    update public.api_rate_limits set minute_window_start = v_row.minute_window_start, current_minute_count = v_row.current_minute_count,
      hour_window_start = v_row.hour_window_start, current_hour_count = v_row.current_hour_count
    where service_name = p_service;
    return greatest(1, ceil(extract(epoch from v_row.minute_window_start + interval '1 minute' - v_now) * 1000))::integer;
  end if;
  if v_hour is not null and v_row.current_hour_count >= v_hour then
    update public.api_rate_limits set minute_window_start = v_row.minute_window_start, current_minute_count = v_row.current_minute_count,
      hour_window_start = v_row.hour_window_start, current_hour_count = v_row.current_hour_count
    where service_name = p_service;
    return greatest(1, ceil(extract(epoch from v_row.hour_window_start + interval '1 hour' - v_now) * 1000))::integer;
  end if;

  update public.api_rate_limits
  set minute_window_start = v_row.minute_window_start, current_minute_count = v_row.current_minute_count + 1,
      hour_window_start = v_row.hour_window_start, current_hour_count = v_row.current_hour_count + 1
  where service_name = p_service;
  return 0;
end
$$;

-- After a 429 with Retry-After: every worker's requests to the service wait until then.
create or replace function public.pause_service_rate_limit(p_service text, p_until timestamptz)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'only the server-side executor pauses rate limits' using errcode = '42501';
  end if;
  insert into public.api_rate_limits (service_name, paused_until) values (p_service, p_until)
  on conflict (service_name) do update
    set paused_until = greatest(coalesce(public.api_rate_limits.paused_until, excluded.paused_until), excluded.paused_until);
end
$$;

revoke all on function public.take_service_rate_slot(text, integer, integer) from public, anon, authenticated, service_role;
revoke all on function public.pause_service_rate_limit(text, timestamptz) from public, anon, authenticated, service_role;
grant execute on function public.take_service_rate_slot(text, integer, integer) to service_role;
grant execute on function public.pause_service_rate_limit(text, timestamptz) to service_role;

-- ---------------------------------------------------------------------------------------
-- Per-connector concurrency: K slots per connector as session-level advisory locks. A
-- worker holds a slot on its own connection for the whole execution; if the worker dies,
-- PostgreSQL ends its session and the slot is free again, with no lease to expire. The worker
-- releases a slot with pg_advisory_unlock(hashtext('connector-slot:' || id), slot).
create or replace function public.try_connector_slot(p_connector_id uuid, p_limit integer)
returns integer
language plpgsql volatile set search_path = ''
as $$
declare
  v_key integer := hashtext('connector-slot:' || p_connector_id::text);
begin
  for v_slot in 0 .. greatest(p_limit, 1) - 1 loop
    if pg_try_advisory_lock(v_key, v_slot) then
      return v_slot;
    end if;
  end loop;
  return null;
end
$$;

revoke all on function public.try_connector_slot(uuid, integer) from public, anon, authenticated, service_role;
grant execute on function public.try_connector_slot(uuid, integer) to service_role;
