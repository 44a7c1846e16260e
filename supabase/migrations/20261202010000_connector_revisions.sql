-- Issue 16: nobody's work disappears silently. Every revision of every connector is kept in
-- connector_revisions (same workspace RLS as connectors), written by the row trigger for
-- whichever path wrote it; sync_push tells the trigger why ("kept mine" after a conflict,
-- "restored" revision N) so the member whose version was set aside can be told, and any
-- member can bring an earlier revision back (the app pushes it as a new revision).

create table public.connector_revisions (
  id bigint generated always as identity primary key,
  connector_id uuid not null,
  workspace_id uuid not null references public.workspaces(id) on delete cascade,
  revision bigint not null,
  name varchar(255) not null,
  -- The connector document as it was at that revision (never credential values).
  config jsonb not null,
  deleted boolean not null default false,
  kind text not null check (kind in ('created', 'edited', 'deleted', 'kept_mine', 'restored')),
  -- kept_mine: the server revision this one was saved over (its author is told); restored: the revision brought back.
  replaced_revision bigint,
  restored_from bigint,
  author_id uuid references auth.users(id) on delete set null,
  -- How the app names the author ("Bob" for bob@example.com), fixed at write time.
  author_name text,
  created_at timestamptz not null default now(),
  unique (connector_id, revision),
  foreign key (connector_id, workspace_id) references public.connectors(id, workspace_id) on delete cascade
);
create index idx_connector_revisions_workspace on public.connector_revisions(workspace_id);

alter table public.connector_revisions enable row level security;
create policy connector_revisions_select_member on public.connector_revisions
  for select to authenticated
  using (workspace_id in (select public.member_workspace_ids()));

-- History is append-only for clients: only the trigger below writes it.
revoke all on table public.connector_revisions from public, anon, authenticated;
grant select on table public.connector_revisions to authenticated;
grant all on table public.connector_revisions to service_role;

-- "bob.smith@example.com" → "Bob.smith" (the app's host/account displayName does the same).
create or replace function public.member_display_name(p_user uuid)
returns text
language sql stable security definer set search_path = ''
as $$
  select initcap(left(split_part(u.email, '@', 1), 1)) || substr(split_part(u.email, '@', 1), 2)
  from auth.users u where u.id = p_user
$$;
revoke all on function public.member_display_name(uuid) from public, anon, authenticated, service_role;

-- SECURITY DEFINER: clients cannot insert history themselves, so the trigger writes it.
create or replace function public.connectors_record_revision()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_note jsonb := nullif(current_setting('connector_studio.revision_note', true), '')::jsonb;
  v_kind text;
begin
  if tg_op = 'UPDATE' and new.revision = old.revision then
    return null;
  end if;
  v_kind := case
    when new.deleted_at is not null then 'deleted'
    when v_note ->> 'kind' in ('kept_mine', 'restored') then v_note ->> 'kind'
    when tg_op = 'INSERT' then 'created'
    else 'edited' end;
  insert into public.connector_revisions (connector_id, workspace_id, revision, name, config, deleted, kind,
                                          replaced_revision, restored_from, author_id, author_name)
  values (new.id, new.workspace_id, new.revision, new.name, new.config, new.deleted_at is not null, v_kind,
          case when v_kind = 'kept_mine' then (v_note ->> 'replaced_revision')::bigint end,
          case when v_kind = 'restored' then (v_note ->> 'restored_from')::bigint end,
          new.updated_by, public.member_display_name(new.updated_by));
  return null;
end
$$;
revoke all on function public.connectors_record_revision() from public, anon, authenticated, service_role;

create trigger connectors_record_revision
  after insert or update on public.connectors
  for each row execute function public.connectors_record_revision();

-- Connectors that existed before this migration start their history at their current revision.
insert into public.connector_revisions (connector_id, workspace_id, revision, name, config, deleted, kind, author_id, author_name)
select c.id, c.workspace_id, c.revision, c.name, c.config, c.deleted_at is not null,
       case when c.deleted_at is not null then 'deleted' else 'edited' end, c.updated_by, public.member_display_name(c.updated_by)
from public.connectors c;

-- What sync_pull and sync_push's conflicts say about a row, plus who wrote its current
-- revision and why: the app tells "Bob kept his version" and "deleted by Bob" from it.
create or replace function public.connector_sync_row(p_row public.connectors)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
    'id', p_row.id,
    'workspace_id', p_row.workspace_id,
    'name', p_row.name,
    'config', p_row.config,
    'revision', p_row.revision,
    'change_seq', p_row.change_seq,
    'deleted_at', p_row.deleted_at,
    'updated_at', p_row.updated_at,
    'updated_by', p_row.updated_by,
    'created_from_template', p_row.created_from_template,
    'updated_by_name', r.author_name,
    'revision_kind', r.kind,
    'replaced_revision', r.replaced_revision,
    'replaced_author', replaced.author_id,
    'restored_from', r.restored_from
  )
  from (select 1) as one
  left join public.connector_revisions r on r.connector_id = p_row.id and r.revision = p_row.revision
  left join public.connector_revisions replaced on replaced.connector_id = p_row.id and replaced.revision = r.replaced_revision
$$;
revoke all on function public.connector_sync_row(public.connectors) from public, anon, authenticated, service_role;
grant execute on function public.connector_sync_row(public.connectors) to authenticated, service_role;

-- sync_push as in 20261201221000_connector_config_check.sql, plus an optional `note` per create/update:
-- "kept_mine" (the client saw revision base_revision in a conflict and saves over it) or
-- "restored" with `restored_from` (an earlier revision brought back). The note reaches the
-- history trigger through a transaction-local setting, cleared after each change.
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
  v_note text;
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
    v_note := v_item ->> 'note';
    if v_note is not null and (v_op <> 'update' or v_note not in ('kept_mine', 'restored')) then
      raise exception 'change #%: note must be kept_mine or restored, on an update', v_index using errcode = '22023';
    end if;
    if v_note = 'restored' and jsonb_typeof(v_item -> 'restored_from') is distinct from 'number' then
      raise exception 'change #%: a restore names the revision it brings back (restored_from)', v_index using errcode = '22023';
    end if;
    perform set_config('connector_studio.revision_note',
                       case when v_note is null then ''
                            else jsonb_build_object('kind', v_note, 'replaced_revision', v_base,
                                                    'restored_from', case when v_note = 'restored' then (v_item ->> 'restored_from')::numeric::bigint end)::text end,
                       true);
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

  perform set_config('connector_studio.revision_note', '', true);
  return v_results;
end
$$;

revoke all on function public.sync_push(uuid, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.sync_push(uuid, jsonb) to authenticated;
