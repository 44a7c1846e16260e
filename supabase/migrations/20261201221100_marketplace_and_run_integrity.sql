-- Issue 11, point 8: integrity in the marketplace and in recorded runs.
-- 1. install_count counts distinct installing workspaces: one user calling install_template
--    again and again (a re-install, an update, or a script) no longer inflates it.
-- 2. Only the service role records executions with source 'server'; members record their
--    own test runs ('local_test'), so a client cannot pass its runs off as production ones.
-- 3. A connector's created_from_template that the writer cannot see (another user's private
--    or hidden template, or no template at all) is stored as null: the foreign key used to
--    answer 23503 for a missing id and accept a private one, which told anyone whether a
--    private template id exists. Both now get the same answer, and a device whose template
--    was deleted since it installed it still syncs.

-- ── 1. installs ──────────────────────────────────────────────────────────────────────────

create index if not exists idx_template_installs_template_workspace on public.template_installs(template_id, workspace_id);

create or replace function public.install_template(p_template_id uuid, p_workspace_id uuid)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := private.require_member(p_workspace_id);
  v_row public.connector_templates;
begin
  -- The row lock serialises installs of one template, so two first installs into one
  -- workspace at the same moment still count once.
  select * into v_row from public.connector_templates t
  where t.id = p_template_id
    and ((t.is_public and not t.hidden) or t.published_by = v_uid or public.is_saas_admin())
  for update;
  if not found then
    raise exception 'template % does not exist or is not available', p_template_id using errcode = 'PT404';
  end if;
  -- Every install is kept (which version, who, when); only a new workspace raises the count.
  insert into public.template_installs (template_id, workspace_id, user_id, version)
  values (p_template_id, p_workspace_id, v_uid, v_row.version);
  update public.connector_templates t
  set install_count = (select count(distinct i.workspace_id)::integer from public.template_installs i where i.template_id = p_template_id)
  where t.id = p_template_id
  returning * into v_row;
  return jsonb_build_object(
    'template_id', v_row.id, 'version', v_row.version, 'name', v_row.name, 'description', v_row.description,
    'category', v_row.category, 'icon', v_row.icon, 'config', v_row.config, 'input_schema', v_row.input_schema,
    'field_mappings', v_row.field_mappings, 'requires_credentials', v_row.requires_credentials,
    'is_official', v_row.is_official, 'install_count', v_row.install_count
  );
end
$$;
revoke all on function public.install_template(uuid, uuid) from public, anon, authenticated, service_role;
grant execute on function public.install_template(uuid, uuid) to authenticated;

-- Counts inflated before this migration are brought to the same rule.
update public.connector_templates t
set install_count = coalesce((select count(distinct i.workspace_id)::integer from public.template_installs i where i.template_id = t.id), 0);

-- ── 2. execution source ──────────────────────────────────────────────────────────────────

-- Both public signatures delegate to private.record_execution, so one guard covers them.
-- It runs before anything else so the answer is the same whether or not the connector exists.
create or replace function private.assert_execution_source(p_source text)
returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  if coalesce(p_source, 'local_test') <> 'local_test' and coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'only the server records runs with source ''%''; the app records test runs as ''local_test''', p_source
      using errcode = '42501', hint = 'leave p_source out (it defaults to local_test)';
  end if;
end
$$;
revoke all on function private.assert_execution_source(text) from public, anon, authenticated, service_role;

-- A wrapper around the existing implementation keeps that (long) function as it is.
alter function private.record_execution(uuid, uuid, text, uuid, text, jsonb, jsonb, jsonb, text, integer, timestamptz, timestamptz, uuid)
  rename to record_execution_unchecked;

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
begin
  perform private.assert_execution_source(p_source);
  return private.record_execution_unchecked(
    p_workspace_id, p_connector_id, p_status, p_client_run_id, p_source, p_steps_executed, p_input_data,
    p_output_data, p_error_message, p_execution_time_ms, p_started_at, p_completed_at, p_contact_id
  );
end
$$;
revoke all on function private.record_execution(uuid, uuid, text, uuid, text, jsonb, jsonb, jsonb, text, integer, timestamptz, timestamptz, uuid) from public, anon, authenticated, service_role;

-- ── 3. created_from_template ─────────────────────────────────────────────────────────────

-- Invoker rights on purpose: the lookup sees exactly the templates the writer may see.
create or replace function public.connectors_visible_template()
returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if new.created_from_template is not null
     and (tg_op = 'INSERT' or new.created_from_template is distinct from old.created_from_template)
     and not exists (select 1 from public.connector_templates t where t.id = new.created_from_template) then
    new.created_from_template := null;
  end if;
  return new;
end
$$;
revoke all on function public.connectors_visible_template() from public, anon, authenticated, service_role;

create trigger connectors_visible_template
  before insert or update of created_from_template on public.connectors
  for each row execute function public.connectors_visible_template();
