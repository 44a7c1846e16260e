-- Issue 11, point 4: one member could stall everyone's sync by saving a config that is not a
-- connector (`steps: [{ "foo": 1 }]`) — through sync_push or the table API alike — because
-- every other member's app then pulled a file it could not open. The server now refuses any
-- client write whose config lacks the connector schema's essentials (core/schema/connector.ts):
-- the app validates fully before sending, so this only stops documents no app would write.

-- Null when the document has the essentials; otherwise what is wrong, in the words the app
-- uses (step numbers and ids, not JSON paths). Pure: safe for anyone to call.
create or replace function public.connector_config_problem(p_config jsonb)
returns text
language plpgsql immutable security invoker set search_path = ''
as $$
declare
  v_version jsonb := p_config -> 'schemaVersion';
  v_name jsonb := p_config -> 'name';
  v_steps jsonb := p_config -> 'steps';
  v_step jsonb;
  v_edge jsonb;
  v_index integer := 0;
  v_id text;
  v_ids text[] := '{}';
  v_field text;
begin
  if p_config is null or jsonb_typeof(p_config) <> 'object' then
    return 'the connector document must be a JSON object';
  end if;
  -- Far above any real connector (10 steps); keeps one row from weighing on every pull.
  if octet_length(p_config::text) > 1048576 then
    return 'the connector document is larger than 1 MB';
  end if;
  if v_version is not null and (case when jsonb_typeof(v_version) = 'number'
                                    then (v_version::text)::numeric < 0 or (v_version::text)::numeric <> trunc((v_version::text)::numeric)
                                    else true end) then
    return format('schemaVersion must be a whole number, not %s', v_version::text);
  end if;
  if (case when jsonb_typeof(v_name) = 'string' then length(btrim(v_name #>> '{}')) not between 1 and 255 else true end) then
    return 'the connector needs a name of 1 to 255 characters';
  end if;
  -- (CASE, because SQL does not promise to evaluate OR left to right; in parentheses for PL/pgSQL's IF.)
  if (case when jsonb_typeof(v_steps) = 'array' then jsonb_array_length(v_steps) = 0 else true end) then
    return 'a connector needs at least one step';
  end if;
  if jsonb_array_length(v_steps) > 10 then
    return format('a connector has at most 10 steps (this one has %s)', jsonb_array_length(v_steps));
  end if;
  for v_step in select e.value from jsonb_array_elements(v_steps) as e(value) loop
    v_index := v_index + 1;
    if jsonb_typeof(v_step) <> 'object' then
      return format('step %s is not a step (an object with an id and a URL)', v_index);
    end if;
    v_id := case when jsonb_typeof(v_step -> 'id') = 'string' then v_step ->> 'id' end;
    if v_id is null or v_id !~ '^[A-Za-z_][A-Za-z0-9_]*$' then
      return format('step %s needs an id made of letters, digits and _ (starting with a letter or _)', v_index);
    end if;
    if v_id = any (v_ids) then
      return format('two steps have the id "%s"', v_id);
    end if;
    v_ids := v_ids || v_id;
    if (case when jsonb_typeof(v_step -> 'url') = 'string' then length(btrim(v_step ->> 'url')) = 0 else true end) then
      return format('step "%s" needs a URL', v_id);
    end if;
    if v_step ? 'method' and coalesce(v_step ->> 'method', '') not in ('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') then
      return format('step "%s" has an unknown HTTP method', v_id);
    end if;
  end loop;
  if p_config ? 'edges' then
    if jsonb_typeof(p_config -> 'edges') <> 'array' then
      return 'edges must be a list';
    end if;
    v_index := 0;
    for v_edge in select e.value from jsonb_array_elements(p_config -> 'edges') as e(value) loop
      v_index := v_index + 1;
      if jsonb_typeof(v_edge) <> 'object' or jsonb_typeof(v_edge -> 'source') is distinct from 'string'
         or jsonb_typeof(v_edge -> 'target') is distinct from 'string' then
        return format('connection %s needs a source and a target step', v_index);
      end if;
    end loop;
  end if;
  foreach v_field in array array['inputs', 'fieldMappings', 'credentials'] loop
    if p_config ? v_field and jsonb_typeof(p_config -> v_field) <> 'array' then
      return format('%s must be a list', v_field);
    end if;
  end loop;
  if p_config ? 'auth' and (case when jsonb_typeof(p_config -> 'auth') = 'object'
      then coalesce(p_config -> 'auth' ->> 'type', '') not in ('none', 'bearer', 'api_key', 'basic', 'oauth2_client_credentials')
      else true end) then
    return 'the connector''s auth has an unknown type';
  end if;
  return null;
end
$$;
revoke all on function public.connector_config_problem(jsonb) from public, anon, authenticated, service_role;
grant execute on function public.connector_config_problem(jsonb) to authenticated, service_role;

-- Client writes only (the anon and authenticated roles, whichever path: sync_push checks first,
-- with the change number in the message, and the table API is caught here). The service role
-- and the database owner are trusted.
create or replace function public.connectors_check_config()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  v_problem text;
begin
  if coalesce(auth.role(), '') not in ('anon', 'authenticated') then
    return new;
  end if;
  v_problem := public.connector_config_problem(new.config);
  if v_problem is not null then
    raise exception 'connector "%" was not saved: %', new.name, v_problem
      using errcode = '22023',
            hint = 'every member''s app must be able to open it: fix it in Connector Studio, which checks connectors before sending them, then sync again';
  end if;
  return new;
end
$$;
revoke all on function public.connectors_check_config() from public, anon, authenticated, service_role;

create trigger connectors_check_config
  before insert or update of config on public.connectors
  for each row execute function public.connectors_check_config();

-- sync_push as before (20260601000600_sync.sql), plus the check on every create and update.
create or replace function public.sync_push(p_workspace_id uuid, p_changes jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_item jsonb;
  v_index integer := 0;
  v_op text;
  v_id uuid;
  v_name text;
  v_config jsonb;
  v_base bigint;
  v_template uuid;
  v_row public.connectors;
  v_found boolean;
  v_other public.connectors;
  v_results jsonb := '[]'::jsonb;
  v_result jsonb;
  v_problem text;
begin
  if not public.is_workspace_member(p_workspace_id) then
    raise exception 'you are not a member of this workspace'
      using errcode = '42501', hint = 'your membership may have been revoked: pick another workspace or ask its owner';
  end if;
  if p_changes is null or jsonb_typeof(p_changes) <> 'array' then
    raise exception 'p_changes must be a JSON array of changes' using errcode = '22023';
  end if;
  if jsonb_array_length(p_changes) > 500 then
    raise exception 'at most 500 changes per push (got %)', jsonb_array_length(p_changes)
      using errcode = '22023', hint = 'split the push into batches';
  end if;

  -- One writer per workspace at a time (the row trigger takes the same lock).
  perform pg_advisory_xact_lock(hashtextextended('connectors:' || p_workspace_id::text, 0));

  for v_item in select e.value from jsonb_array_elements(p_changes) as e(value) loop
    v_index := v_index + 1;
    v_op := v_item ->> 'op';
    if v_op is null or v_op not in ('create', 'update', 'delete') then
      raise exception 'change #%: op must be create, update or delete', v_index using errcode = '22023';
    end if;
    begin
      v_id := (v_item ->> 'id')::uuid;
    exception when invalid_text_representation then
      raise exception 'change #%: id must be a UUID generated by the client', v_index using errcode = '22023';
    end;
    if v_id is null then
      raise exception 'change #%: id is required', v_index using errcode = '22023';
    end if;
    v_name := btrim(v_item ->> 'name');
    v_config := v_item -> 'config';
    v_base := (v_item ->> 'base_revision')::bigint;
    v_template := (v_item ->> 'created_from_template')::uuid;
    if v_op in ('create', 'update') then
      if v_name is null or length(v_name) = 0 or length(v_name) > 255 then
        raise exception 'change #%: a connector needs a name of 1 to 255 characters', v_index using errcode = '22023';
      end if;
      if v_config is null or jsonb_typeof(v_config) <> 'object' then
        raise exception 'change #%: config must be the connector document (a JSON object)', v_index using errcode = '22023';
      end if;
      -- Before anything reads the document (the type column counts its steps): the same
      -- check the table's trigger makes, with the change's number in the message.
      v_problem := public.connector_config_problem(v_config);
      if v_problem is not null then
        raise exception 'change #% (connector "%") was not saved: %', v_index, v_name, v_problem
          using errcode = '22023',
                hint = 'every member''s app must be able to open it: fix it in Connector Studio, which checks connectors before sending them, then sync again';
      end if;
    end if;
    if v_op in ('update', 'delete') and v_base is null then
      raise exception 'change #%: % needs base_revision (the revision the client last saw)', v_index, v_op using errcode = '22023';
    end if;

    select * into v_row from public.connectors c where c.id = v_id for update;
    v_found := found;
    v_result := null;

    if v_found and v_row.workspace_id <> p_workspace_id then
      v_result := jsonb_build_object('status', 'conflict', 'reason', 'other_workspace', 'revision', null);
    elsif v_op = 'create' then
      if not v_found then
        select * into v_other from public.connectors c
        where c.workspace_id = p_workspace_id and c.name = v_name and c.deleted_at is null;
        if found then
          v_result := jsonb_build_object('status', 'conflict', 'reason', 'name_taken', 'revision', null,
                                         'server', public.connector_sync_row(v_other));
        else
          begin
            insert into public.connectors (id, workspace_id, name, config, description, category, type, created_from_template)
            values (v_id, p_workspace_id, v_name, v_config, v_config ->> 'description', left(v_config ->> 'category', 100),
                    case when jsonb_array_length(coalesce(v_config -> 'steps', '[]'::jsonb)) > 1 then 'multi-step' else 'single-step' end,
                    v_template)
            returning * into v_row;
            v_result := jsonb_build_object('status', 'applied', 'revision', v_row.revision);
          exception when unique_violation then
            -- The id exists in a workspace the caller cannot see: never reveal more.
            v_result := jsonb_build_object('status', 'conflict', 'reason', 'id_taken', 'revision', null);
          end;
        end if;
      elsif v_row.deleted_at is null and v_row.name = v_name and v_row.config = v_config then
        v_result := jsonb_build_object('status', 'duplicate', 'revision', v_row.revision);
      else
        v_result := jsonb_build_object('status', 'conflict', 'reason', 'exists', 'revision', v_row.revision,
                                       'server', public.connector_sync_row(v_row));
      end if;
    elsif v_op = 'update' then
      if not v_found then
        v_result := jsonb_build_object('status', 'conflict', 'reason', 'missing', 'revision', null, 'server', null);
      elsif v_row.revision = v_base then
        select * into v_other from public.connectors c
        where c.workspace_id = p_workspace_id and c.name = v_name and c.deleted_at is null and c.id <> v_id;
        if found then
          v_result := jsonb_build_object('status', 'conflict', 'reason', 'name_taken', 'revision', v_row.revision,
                                         'server', public.connector_sync_row(v_other));
        else
          -- Also revives a tombstone when the client has seen it (base = tombstone's revision).
          update public.connectors c
          set name = v_name, config = v_config, deleted_at = null,
              description = v_config ->> 'description', category = left(v_config ->> 'category', 100),
              type = case when jsonb_array_length(coalesce(v_config -> 'steps', '[]'::jsonb)) > 1 then 'multi-step' else 'single-step' end
          where c.id = v_id
          returning * into v_row;
          v_result := jsonb_build_object('status', 'applied', 'revision', v_row.revision);
        end if;
      elsif v_row.revision > v_base and v_row.deleted_at is null and v_row.name = v_name and v_row.config = v_config then
        v_result := jsonb_build_object('status', 'duplicate', 'revision', v_row.revision);
      else
        v_result := jsonb_build_object('status', 'conflict',
                                       'reason', case when v_row.deleted_at is not null then 'deleted' else 'stale' end,
                                       'revision', v_row.revision, 'server', public.connector_sync_row(v_row));
      end if;
    else -- delete
      if not v_found then
        v_result := jsonb_build_object('status', 'duplicate', 'revision', null);
      elsif v_row.deleted_at is not null then
        v_result := jsonb_build_object('status', 'duplicate', 'revision', v_row.revision);
      elsif v_row.revision = v_base then
        update public.connectors c set deleted_at = now() where c.id = v_id returning * into v_row;
        v_result := jsonb_build_object('status', 'applied', 'revision', v_row.revision);
      else
        v_result := jsonb_build_object('status', 'conflict', 'reason', 'stale', 'revision', v_row.revision,
                                       'server', public.connector_sync_row(v_row));
      end if;
    end if;

    v_results := v_results || jsonb_build_array(jsonb_build_object('id', v_id, 'op', v_op) || v_result);
  end loop;

  return v_results;
end
$$;

revoke all on function public.sync_push(uuid, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.sync_push(uuid, jsonb) to authenticated;
