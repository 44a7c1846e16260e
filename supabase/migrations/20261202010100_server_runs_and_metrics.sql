-- Seeing server runs (issue 14 §3): a connector's server runs as the app's History lists
-- them (queued → running → done, live), retrying a failed one, the seed's success metrics per
-- connector (executions per week, failure rate, p95 execution time) for the dashboard cards,
-- and the same across every workspace plus adoption for SaaS admins.

-- When a worker began executing a request (after its connector slot): "running" in History.
alter table public.connector_run_requests add column if not exists started_at timestamptz;
-- The failed run a request retries, so History can say "retry of …".
alter table public.connector_run_requests add column if not exists retry_of uuid references public.connector_run_requests(id) on delete set null;

-- The last p_limit server run requests of one connector, newest first, each with its
-- execution's outcome once recorded. Invoker rights: both tables' member-only RLS decides
-- what is seen; the explicit check turns "nothing visible" into a clear refusal.
create or replace function public.server_runs(p_workspace_id uuid, p_connector_id uuid, p_limit integer default 50)
returns table (
  run_id uuid,
  contact_id uuid,
  retry_of uuid,
  requested_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  status text,
  duration_ms integer,
  steps_succeeded integer,
  steps_failed integer,
  steps_skipped integer,
  error_message text
)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if auth.uid() is null or p_workspace_id not in (select public.member_workspace_ids()) then
    raise exception 'you are not a member of this workspace' using errcode = '42501';
  end if;
  return query
    select r.id, r.contact_id, r.retry_of, r.created_at, coalesce(e.started_at, r.started_at), e.completed_at,
           case when e.id is not null then e.status::text when r.started_at is not null then 'running' else 'queued' end,
           e.execution_time_ms,
           (select count(*)::integer from jsonb_array_elements(coalesce(e.steps_executed, '[]')) s where s ->> 'status' = 'success'),
           (select count(*)::integer from jsonb_array_elements(coalesce(e.steps_executed, '[]')) s where s ->> 'status' = 'failed'),
           (select count(*)::integer from jsonb_array_elements(coalesce(e.steps_executed, '[]')) s where s ->> 'status' = 'skipped'),
           e.error_message
    from public.connector_run_requests r
    left join public.connector_executions e on e.workspace_id = r.workspace_id and e.client_run_id = r.id
    where r.workspace_id = p_workspace_id and r.connector_id = p_connector_id
    order by r.created_at desc, r.id
    limit least(greatest(coalesce(p_limit, 50), 1), 500);
end
$$;

revoke all on function public.server_runs(uuid, uuid, integer) from public, anon, authenticated, service_role;
grant execute on function public.server_runs(uuid, uuid, integer) to authenticated;

-- Queue a failed (or timed-out) server run again with the same inputs and contact, through
-- enqueue_connector_runs (so its membership and enabled checks hold). Returns the new run id.
create or replace function public.retry_server_run(p_workspace_id uuid, p_run_id uuid)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_request public.connector_run_requests;
  v_status text;
  v_id uuid;
begin
  perform private.require_member(p_workspace_id);
  select * into v_request from public.connector_run_requests r where r.id = p_run_id and r.workspace_id = p_workspace_id;
  if not found then
    raise exception 'server run % is not in this workspace', p_run_id using errcode = 'PT404', hint = 'reload the run history';
  end if;
  select e.status::text into v_status from public.connector_executions e
  where e.workspace_id = p_workspace_id and e.client_run_id = p_run_id;
  if v_status is null or v_status not in ('failed', 'timeout') then
    raise exception 'only a failed server run can be retried (this one is %)', coalesce(v_status, 'not finished')
      using errcode = '22023', hint = 'wait for it to finish, or start a new run';
  end if;
  v_id := (public.enqueue_connector_runs(p_workspace_id, v_request.connector_id, v_request.inputs,
             case when v_request.contact_id is null then null else array[v_request.contact_id] end))[1];
  update public.connector_run_requests set retry_of = p_run_id where id = v_id;
  return v_id;
end
$$;

revoke all on function public.retry_server_run(uuid, uuid) from public, anon, authenticated, service_role;
grant execute on function public.retry_server_run(uuid, uuid) to authenticated;

-- The seed's success metrics per connector over the last 7 days, every recorded execution
-- (server runs and uploaded test runs): executions per week, failure rate (failed or timed
-- out), p95 execution time; and how many of them ran on the server. Invoker rights, so
-- connector_executions' RLS applies.
create or replace function public.connector_metrics(p_workspace_id uuid)
returns table (
  connector_id uuid,
  executions_per_week integer,
  server_runs_per_week integer,
  failure_rate double precision,
  p95_execution_ms integer
)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if auth.uid() is null or p_workspace_id not in (select public.member_workspace_ids()) then
    raise exception 'you are not a member of this workspace' using errcode = '42501';
  end if;
  return query
    select e.connector_id,
           count(*)::integer,
           (count(*) filter (where e.source = 'server'))::integer,
           (count(*) filter (where e.status in ('failed', 'timeout')))::double precision / count(*),
           (percentile_cont(0.95) within group (order by e.execution_time_ms))::integer
    from public.connector_executions e
    where e.workspace_id = p_workspace_id
      and e.status in ('success', 'failed', 'timeout')
      and coalesce(e.completed_at, e.created_at) > now() - interval '7 days'
    group by e.connector_id;
end
$$;

revoke all on function public.connector_metrics(uuid) from public, anon, authenticated, service_role;
grant execute on function public.connector_metrics(uuid) to authenticated;

-- SaaS admins: the same metrics across every workspace, per workspace and in total, plus
-- adoption (the seed's "share of workspaces with at least one connector"). Definer rights
-- behind the admin check: no member policy would let anyone see other workspaces.
create or replace function public.saas_metrics()
returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_result jsonb;
begin
  if not public.is_saas_admin() then
    raise exception 'only SaaS admins can see metrics across workspaces' using errcode = '42501';
  end if;
  with week as (
    select e.workspace_id, e.connector_id, e.status, e.source, e.execution_time_ms
    from public.connector_executions e
    where e.status in ('success', 'failed', 'timeout')
      and coalesce(e.completed_at, e.created_at) > now() - interval '7 days'
  ),
  live as (
    select c.workspace_id, count(*) as connectors from public.connectors c where c.deleted_at is null group by c.workspace_id
  ),
  per_workspace as (
    select w.id, w.name, coalesce(l.connectors, 0)::integer as connectors,
           count(k.*)::integer as executions,
           (count(k.*) filter (where k.source = 'server'))::integer as server_runs,
           case when count(k.*) = 0 then null else (count(k.*) filter (where k.status in ('failed', 'timeout')))::double precision / count(k.*) end as failure_rate,
           (percentile_cont(0.95) within group (order by k.execution_time_ms))::integer as p95
    from public.workspaces w
    left join live l on l.workspace_id = w.id
    left join week k on k.workspace_id = w.id
    group by w.id, w.name, l.connectors
  )
  select jsonb_build_object(
    'workspaces', (select count(*) from public.workspaces),
    'workspacesWithConnector', (select count(*) from live),
    'adoption', (select case when count(*) = 0 then null else (select count(*) from live)::double precision / count(*) end from public.workspaces),
    'connectors', (select coalesce(sum(connectors), 0) from live),
    'executionsPerWeek', (select count(*) from week),
    'serverRunsPerWeek', (select count(*) from week where source = 'server'),
    'executionsPerConnectorPerWeek', (select case when coalesce(sum(connectors), 0) = 0 then null else (select count(*) from week)::double precision / sum(connectors) end from live),
    'failureRate', (select case when count(*) = 0 then null else (count(*) filter (where status in ('failed', 'timeout')))::double precision / count(*) end from week),
    'p95ExecutionMs', (select (percentile_cont(0.95) within group (order by execution_time_ms))::integer from week),
    'byWorkspace', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name, 'connectors', p.connectors, 'executionsPerWeek', p.executions,
                                          'serverRunsPerWeek', p.server_runs, 'failureRate', p.failure_rate, 'p95ExecutionMs', p.p95)
                       order by p.executions desc, p.name)
      from (select * from per_workspace order by executions desc, name limit 200) p), '[]')
  ) into v_result;
  return v_result;
end
$$;

revoke all on function public.saas_metrics() from public, anon, authenticated, service_role;
grant execute on function public.saas_metrics() to authenticated;
