-- Idempotent run uploads. The desktop app sends each finished test run with a UUID it
-- generated (client_run_id); if the answer is lost after the server committed, the retry
-- finds the stored row and returns it instead of recording the run (and its stats) twice.

alter table public.connector_executions add column client_run_id uuid;
-- Per workspace: one client's ids can never collide with, or reveal, another workspace's rows.
alter table public.connector_executions
  add constraint connector_executions_workspace_client_run_key unique (workspace_id, client_run_id);

-- The one implementation behind both public signatures. A null p_client_run_id records the run
-- without idempotency (the original signature); a given one makes a replay return the stored row.
create or replace function private.record_execution(
  p_workspace_id uuid,
  p_connector_id uuid,
  p_status text,
  p_client_run_id uuid,
  p_source text,
  p_steps_executed jsonb,
  p_input_data jsonb,
  p_output_data jsonb,
  p_error_message text,
  p_execution_time_ms integer,
  p_started_at timestamptz,
  p_completed_at timestamptz,
  p_contact_id uuid
)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_secrets text[];
  v_row public.connector_executions;
begin
  if coalesce(auth.role(), '') <> 'service_role' then
    v_uid := private.require_member(p_workspace_id);
  end if;
  -- A replay: answer with what was stored the first time.
  if p_client_run_id is not null then
    select * into v_row from public.connector_executions e
    where e.workspace_id = p_workspace_id and e.client_run_id = p_client_run_id;
    if found then
      return to_jsonb(v_row);
    end if;
  end if;

  if p_status is null or p_status not in ('pending', 'running', 'success', 'failed', 'timeout') then
    raise exception 'status must be one of pending, running, success, failed, timeout' using errcode = '22023';
  end if;
  if not exists (
    select 1 from public.connectors c
    where c.id = p_connector_id and c.workspace_id = p_workspace_id and c.deleted_at is null
  ) then
    raise exception 'connector % is not in this workspace (sync it first)', p_connector_id using errcode = 'PT404';
  end if;

  select coalesce(array_agg(extensions.pgp_sym_decrypt(c.encrypted_value, private.credential_key())), '{}')
  into v_secrets
  from public.workspace_api_credentials c
  where c.workspace_id = p_workspace_id;

  insert into public.connector_executions (
    connector_id, workspace_id, contact_id, status, source, steps_executed, input_data, output_data,
    error_message, execution_time_ms, started_at, completed_at, created_by, client_run_id
  ) values (
    p_connector_id, p_workspace_id, p_contact_id, p_status, coalesce(p_source, 'local_test'),
    private.redact_jsonb(p_steps_executed, v_secrets),
    private.redact_jsonb(p_input_data, v_secrets),
    private.redact_jsonb(p_output_data, v_secrets),
    private.redact_text(p_error_message, v_secrets),
    p_execution_time_ms, p_started_at, p_completed_at, v_uid, p_client_run_id
  )
  on conflict (workspace_id, client_run_id) do nothing
  returning * into v_row;

  if v_row.id is null then
    -- A concurrent replay inserted it between our check and our insert: it counted the stats.
    select * into v_row from public.connector_executions e
    where e.workspace_id = p_workspace_id and e.client_run_id = p_client_run_id;
    return to_jsonb(v_row);
  end if;

  if p_status in ('success', 'failed', 'timeout') then
    perform public.increment_connector_stats(p_connector_id, p_status = 'success');
  end if;

  return to_jsonb(v_row);
end
$$;
revoke all on function private.record_execution(uuid, uuid, text, uuid, text, jsonb, jsonb, jsonb, text, integer, timestamptz, timestamptz, uuid) from public, anon, authenticated, service_role;

-- record_execution with a client-generated id. p_client_run_id has no default, so a call
-- naming it resolves to this overload and a call without it to the original signature.
create or replace function public.record_execution(
  p_workspace_id uuid,
  p_connector_id uuid,
  p_status text,
  p_client_run_id uuid,
  p_source text default 'local_test',
  p_steps_executed jsonb default null,
  p_input_data jsonb default null,
  p_output_data jsonb default null,
  p_error_message text default null,
  p_execution_time_ms integer default null,
  p_started_at timestamptz default null,
  p_completed_at timestamptz default null,
  p_contact_id uuid default null
)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if p_client_run_id is null then
    raise exception 'p_client_run_id is required (a UUID the client generated for this run)' using errcode = '22023';
  end if;
  return private.record_execution(
    p_workspace_id, p_connector_id, p_status, p_client_run_id, p_source, p_steps_executed, p_input_data,
    p_output_data, p_error_message, p_execution_time_ms, p_started_at, p_completed_at, p_contact_id
  );
end
$$;
revoke all on function public.record_execution(uuid, uuid, text, uuid, text, jsonb, jsonb, jsonb, text, integer, timestamptz, timestamptz, uuid)
  from public, anon, authenticated, service_role;
grant execute on function public.record_execution(uuid, uuid, text, uuid, text, jsonb, jsonb, jsonb, text, integer, timestamptz, timestamptz, uuid)
  to authenticated, service_role;

-- The original signature now delegates to the same implementation.
create or replace function public.record_execution(
  p_workspace_id uuid,
  p_connector_id uuid,
  p_status text,
  p_source text default 'local_test',
  p_steps_executed jsonb default null,
  p_input_data jsonb default null,
  p_output_data jsonb default null,
  p_error_message text default null,
  p_execution_time_ms integer default null,
  p_started_at timestamptz default null,
  p_completed_at timestamptz default null,
  p_contact_id uuid default null
)
returns jsonb
language sql volatile security definer set search_path = ''
as $$
  select private.record_execution(
    p_workspace_id, p_connector_id, p_status, null, p_source, p_steps_executed, p_input_data,
    p_output_data, p_error_message, p_execution_time_ms, p_started_at, p_completed_at, p_contact_id
  )
$$;
