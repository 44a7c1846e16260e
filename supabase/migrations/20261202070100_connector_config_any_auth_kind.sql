-- connector_config_problem listed the auth types it accepted, and that list fell behind the app's
-- auth-kind registry: a connector using OAuth 2.0 authorization code (the HubSpot and Salesforce
-- templates) could not be synced or run on the server ("the connector's auth has an unknown type").
-- The app validates the auth block fully before it writes; the database now only checks its shape.
-- supabase/tests/connector-config-check.test.ts runs every registered auth kind through it.

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
  -- Any auth kind the app's registry knows (core/auth/kinds): the database does not keep its
  -- own list, which fell behind when OAuth 2.0 authorization code was added.
  if p_config ? 'auth' and (case when jsonb_typeof(p_config -> 'auth') = 'object'
      then coalesce(p_config -> 'auth' ->> 'type', '') !~ '^[a-z][a-z0-9_]{0,63}$'
      else true end) then
    return 'the connector''s auth needs a type';
  end if;
  return null;
end
$$;
revoke all on function public.connector_config_problem(jsonb) from public, anon, authenticated, service_role;
grant execute on function public.connector_config_problem(jsonb) to authenticated, service_role;
