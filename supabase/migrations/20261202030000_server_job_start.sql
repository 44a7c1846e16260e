-- The start of a server job in one statement (issue 14 §4: the queue's overhead per execution).
-- Before, a worker ran four statements, each in a transaction of its own (twelve round trips),
-- before a run began: is the run already recorded, load the connector, take a connector slot,
-- mark the request started. start_server_execution does all of it at once on the job's own connection, so the
-- session advisory lock it takes (the connector slot) lives exactly as long as that connection
-- holds the job, as try_connector_slot's always did.

-- Returns one of:
--   {"execution": {"id", "status"}}        the run id already has its row (a retry, a duplicate): nothing to do;
--   {"problem": "connector_not_found"}     no such connector in this workspace (another's reads the same);
--   {"connector": {name, config, enabled, deleted, revision}, "slot", "started"}
--       slot: the connector slot taken (p_take_slot), or null when all K were busy;
--       started: the request was marked started (its slot is held, or none was asked for).
-- A disabled or deleted connector is returned as it is, with no slot and not started, so the
-- worker can say why in its own words.
create or replace function public.start_server_execution(p_workspace_id uuid, p_connector_id uuid, p_run_id uuid, p_take_slot boolean)
returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  v_execution record;
  v_connector record;
  v_limit integer;
  v_slot integer;
  v_started boolean := false;
begin
  select e.id, e.status into v_execution
  from public.connector_executions e
  where e.workspace_id = p_workspace_id and e.client_run_id = p_run_id;
  if found then
    return jsonb_build_object('execution', jsonb_build_object('id', v_execution.id, 'status', v_execution.status));
  end if;

  select c.workspace_id, c.name, c.config, c.enabled, c.deleted_at, c.revision into v_connector
  from public.connectors c
  where c.id = p_connector_id;
  if not found or v_connector.workspace_id <> p_workspace_id then
    return jsonb_build_object('problem', 'connector_not_found');
  end if;

  if v_connector.enabled and v_connector.deleted_at is null then
    if p_take_slot then
      -- K (rateLimit.maxConcurrent, default 5, 1 … 100) from the document as stored: the app's
      -- format (rateLimit), an older one (rateLimiting) or the interchange format
      -- (config.rateLimiting). The worker checks the slot against the K its own parser reads, so
      -- a document this misreads costs a retry, never the cap.
      select least(100, greatest(1, coalesce(
        (select floor(v::text::numeric)::integer
         from unnest(array[v_connector.config #> '{rateLimit,maxConcurrent}', v_connector.config #> '{rateLimiting,maxConcurrent}',
                           v_connector.config #> '{config,rateLimiting,maxConcurrent}']) with ordinality as t(v, n)
         where jsonb_typeof(v) = 'number'
         order by n
         limit 1),
        5))) into v_limit;
      v_slot := public.try_connector_slot(p_connector_id, v_limit);
    end if;
    if v_slot is not null or not p_take_slot then
      update public.connector_run_requests set started_at = now() where id = p_run_id and workspace_id = p_workspace_id;
      v_started := true;
    end if;
  end if;

  return jsonb_build_object(
    'connector', jsonb_build_object('name', v_connector.name, 'config', v_connector.config, 'enabled', v_connector.enabled,
                                    'deleted', v_connector.deleted_at is not null, 'revision', v_connector.revision),
    'slot', v_slot,
    'started', v_started);
end
$$;

revoke all on function public.start_server_execution(uuid, uuid, uuid, boolean) from public, anon, authenticated, service_role;
grant execute on function public.start_server_execution(uuid, uuid, uuid, boolean) to service_role;
