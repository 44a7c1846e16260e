-- The template marketplace (the seed's question 4 and phase 4): official templates by SaaS
-- admins, community templates by any user, versions, ratings, reports and installs.
-- Every privileged decision (official, featured, hidden) is made here, never by the client.
-- Not-found errors use SQLSTATE PT404, which PostgREST answers with HTTP 404.

create table public.connector_templates (
  id uuid primary key default gen_random_uuid(),
  name varchar(255) not null check (length(btrim(name)) > 0),
  description text,
  icon varchar(50),
  category varchar(100),

  -- Configuration only: templates store NO credentials, just typed slots.
  config jsonb not null check (jsonb_typeof(config) = 'object'),
  input_schema jsonb,
  field_mappings jsonb,
  -- [{name, label, help, howToGet}, …]
  requires_credentials jsonb not null default '[]' check (jsonb_typeof(requires_credentials) = 'array'),

  is_official boolean not null default false,
  is_featured boolean not null default false,
  is_public boolean not null default false,
  hidden boolean not null default false,
  hidden_reason text,

  install_count integer not null default 0,
  rating numeric(3, 2),
  rating_count integer not null default 0,

  version integer not null default 1,
  published_by uuid references auth.users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index idx_connector_templates_listing on public.connector_templates(is_public, hidden);
create index idx_connector_templates_category on public.connector_templates(category);
create index idx_connector_templates_featured on public.connector_templates(is_featured) where is_featured;
create index idx_connector_templates_installs on public.connector_templates(install_count desc);
create index idx_connector_templates_publisher on public.connector_templates(published_by);

alter table public.connectors
  add constraint connectors_created_from_template_fkey
  foreign key (created_from_template) references public.connector_templates(id) on delete set null;

alter table public.connector_templates enable row level security;

-- Public and not hidden: everyone, signed in or not. Hidden or private: the publisher and admins.
create policy connector_templates_select_public on public.connector_templates
  for select to anon
  using (is_public and not hidden);
create policy connector_templates_select_visible on public.connector_templates
  for select to authenticated
  using ((is_public and not hidden) or published_by = auth.uid() or public.is_saas_admin());

revoke all on table public.connector_templates from public, anon, authenticated;
grant select on table public.connector_templates to anon, authenticated;
grant all on table public.connector_templates to service_role;

create table public.template_versions (
  template_id uuid not null references public.connector_templates(id) on delete cascade,
  version integer not null,
  name varchar(255) not null,
  description text,
  config jsonb not null,
  input_schema jsonb,
  field_mappings jsonb,
  requires_credentials jsonb not null default '[]',
  changelog text,
  published_by uuid references auth.users(id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (template_id, version)
);

alter table public.template_versions enable row level security;

-- A version is visible exactly when its template is (the subquery runs under the caller's RLS).
create policy template_versions_select_visible on public.template_versions
  for select to anon, authenticated
  using (exists (select 1 from public.connector_templates t where t.id = template_id));

revoke all on table public.template_versions from public, anon, authenticated;
grant select on table public.template_versions to anon, authenticated;
grant all on table public.template_versions to service_role;

create table public.template_ratings (
  template_id uuid not null references public.connector_templates(id) on delete cascade,
  user_id uuid not null references auth.users(id) on delete cascade,
  rating smallint not null check (rating between 1 and 5),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (template_id, user_id)
);

alter table public.template_ratings enable row level security;

-- One rating per user per template (the primary key), changeable, only on a template the
-- user can see and did not publish.
create policy template_ratings_select_own on public.template_ratings
  for select to authenticated
  using (user_id = auth.uid());
create policy template_ratings_insert_own on public.template_ratings
  for insert to authenticated
  with check (
    user_id = auth.uid()
    and exists (select 1 from public.connector_templates t
                where t.id = template_id and t.published_by is distinct from auth.uid())
  );
create policy template_ratings_update_own on public.template_ratings
  for update to authenticated
  using (user_id = auth.uid())
  with check (user_id = auth.uid());
create policy template_ratings_delete_own on public.template_ratings
  for delete to authenticated
  using (user_id = auth.uid());

revoke all on table public.template_ratings from public, anon, authenticated;
grant select, delete on table public.template_ratings to authenticated;
grant insert (template_id, user_id, rating) on table public.template_ratings to authenticated;
grant update (rating) on table public.template_ratings to authenticated;
grant all on table public.template_ratings to service_role;

-- The average and count are kept by the server whatever path the rating took.
create or replace function private.refresh_template_rating()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_template_id uuid := case when tg_op = 'DELETE' then old.template_id else new.template_id end;
begin
  update public.connector_templates t
  set rating = s.avg_rating, rating_count = s.n
  from (
    select round(avg(r.rating)::numeric, 2) as avg_rating, count(*)::integer as n
    from public.template_ratings r where r.template_id = v_template_id
  ) s
  where t.id = v_template_id;
  return null;
end
$$;
revoke all on function private.refresh_template_rating() from public, anon, authenticated, service_role;

create trigger template_ratings_refresh_average
  after insert or update or delete on public.template_ratings
  for each row execute function private.refresh_template_rating();

create table public.template_reports (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references public.connector_templates(id) on delete cascade,
  reporter_id uuid not null default auth.uid() references auth.users(id) on delete cascade,
  reason text not null check (length(btrim(reason)) between 1 and 2000),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid references auth.users(id) on delete set null
);
create index idx_template_reports_template on public.template_reports(template_id);

alter table public.template_reports enable row level security;

create policy template_reports_insert_own on public.template_reports
  for insert to authenticated
  with check (
    reporter_id = auth.uid()
    and exists (select 1 from public.connector_templates t where t.id = template_id)
  );
create policy template_reports_select_own_or_moderator on public.template_reports
  for select to authenticated
  using (reporter_id = auth.uid() or public.is_saas_admin('can_moderate'));
create policy template_reports_update_moderator on public.template_reports
  for update to authenticated
  using (public.is_saas_admin('can_moderate'))
  with check (public.is_saas_admin('can_moderate'));

revoke all on table public.template_reports from public, anon, authenticated;
grant select on table public.template_reports to authenticated;
grant insert (template_id, reporter_id, reason) on table public.template_reports to authenticated;
grant update (resolved_at, resolved_by) on table public.template_reports to authenticated;
grant all on table public.template_reports to service_role;

create table public.template_installs (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references public.connector_templates(id) on delete cascade,
  workspace_id uuid not null references public.workspaces(id) on delete cascade,
  user_id uuid references auth.users(id) on delete set null,
  version integer not null,
  installed_at timestamptz not null default now()
);
create index idx_template_installs_workspace on public.template_installs(workspace_id);

alter table public.template_installs enable row level security;

create policy template_installs_select_member on public.template_installs
  for select to authenticated
  using (workspace_id in (select public.member_workspace_ids()));

revoke all on table public.template_installs from public, anon, authenticated;
grant select on table public.template_installs to authenticated;
grant all on table public.template_installs to service_role;

-- Defence in depth behind the app's publish check: refuse well-known secret formats.
create or replace function private.assert_no_literal_secret(p_value jsonb)
returns void
language plpgsql immutable set search_path = ''
as $$
declare
  v_text text := coalesce(p_value::text, '');
  v_match text;
begin
  v_match := substring(v_text from '(sk_live_[0-9A-Za-z]{10,}|sk-[A-Za-z0-9_-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}|-----BEGIN [A-Z ]*PRIVATE KEY-----)');
  if v_match is not null then
    raise exception 'the template contains what looks like a secret (starting %…)', left(v_match, 6)
      using errcode = '22023', hint = 'replace it with a {{credentials.name}} reference and declare the credential slot';
  end if;
end
$$;
revoke all on function private.assert_no_literal_secret(jsonb) from public, anon, authenticated, service_role;

create or replace function private.template_json(p_template public.connector_templates)
returns jsonb
language sql immutable set search_path = ''
as $$ select to_jsonb(p_template) $$;
revoke all on function private.template_json(public.connector_templates) from public, anon, authenticated, service_role;

-- Publish a new template, or a new version of one (p_template_id). Any signed-in user may
-- publish a community template; only SaaS admins with can_create_templates an official one.
create or replace function public.publish_template(
  p_name text,
  p_config jsonb,
  p_description text default null,
  p_category text default null,
  p_icon text default null,
  p_requires_credentials jsonb default '[]',
  p_input_schema jsonb default null,
  p_field_mappings jsonb default null,
  p_official boolean default false,
  p_public boolean default true,
  p_template_id uuid default null,
  p_changelog text default null
)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_is_admin boolean := public.is_saas_admin('can_create_templates');
  v_row public.connector_templates;
begin
  if v_uid is null then
    raise exception 'sign in to publish a template' using errcode = '42501';
  end if;
  if coalesce(p_official, false) and not v_is_admin then
    raise exception 'only SaaS admins can publish official templates'
      using errcode = '42501', hint = 'publish it as a community template instead';
  end if;
  if p_name is null or length(btrim(p_name)) = 0 or length(p_name) > 255 then
    raise exception 'a template needs a name of 1 to 255 characters' using errcode = '22023';
  end if;
  if p_config is null or jsonb_typeof(p_config) <> 'object' then
    raise exception 'a template''s config must be a JSON object (the connector document)' using errcode = '22023';
  end if;
  if jsonb_typeof(coalesce(p_requires_credentials, '[]'::jsonb)) <> 'array' then
    raise exception 'requires_credentials must be an array of credential slots' using errcode = '22023';
  end if;
  perform private.assert_no_literal_secret(p_config);
  perform private.assert_no_literal_secret(p_input_schema);
  perform private.assert_no_literal_secret(p_field_mappings);

  if p_template_id is null then
    insert into public.connector_templates (
      name, description, icon, category, config, input_schema, field_mappings, requires_credentials,
      is_official, is_public, published_by
    ) values (
      btrim(p_name), p_description, p_icon, p_category, p_config, p_input_schema, p_field_mappings,
      coalesce(p_requires_credentials, '[]'::jsonb), coalesce(p_official, false), coalesce(p_public, true), v_uid
    )
    returning * into v_row;
  else
    select * into v_row from public.connector_templates t where t.id = p_template_id for update;
    if not found or (v_row.published_by is distinct from v_uid and not v_is_admin) then
      raise exception 'template % does not exist or is not yours to update', p_template_id using errcode = '42501';
    end if;
    if v_row.is_official and not v_is_admin then
      raise exception 'only SaaS admins can update official templates' using errcode = '42501';
    end if;
    update public.connector_templates t
    set name = btrim(p_name), description = p_description, icon = p_icon, category = p_category,
        config = p_config, input_schema = p_input_schema, field_mappings = p_field_mappings,
        requires_credentials = coalesce(p_requires_credentials, '[]'::jsonb),
        is_official = coalesce(p_official, false), is_public = coalesce(p_public, true),
        version = t.version + 1, updated_at = now()
    where t.id = p_template_id
    returning * into v_row;
  end if;

  insert into public.template_versions (
    template_id, version, name, description, config, input_schema, field_mappings, requires_credentials, changelog, published_by
  ) values (
    v_row.id, v_row.version, v_row.name, v_row.description, v_row.config, v_row.input_schema, v_row.field_mappings,
    v_row.requires_credentials, p_changelog, v_uid
  );

  return private.template_json(v_row);
end
$$;

create or replace function public.feature_template(p_template_id uuid, p_featured boolean default true)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.connector_templates;
begin
  if not public.is_saas_admin('can_feature_templates') then
    raise exception 'only SaaS admins can feature templates' using errcode = '42501';
  end if;
  update public.connector_templates t
  set is_featured = coalesce(p_featured, true), updated_at = now()
  where t.id = p_template_id
  returning * into v_row;
  if not found then
    raise exception 'template % does not exist', p_template_id using errcode = 'PT404';
  end if;
  return private.template_json(v_row);
end
$$;

create or replace function public.hide_template(p_template_id uuid, p_hidden boolean default true, p_reason text default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.connector_templates;
begin
  if not public.is_saas_admin('can_moderate') then
    raise exception 'only SaaS admins can hide or unhide templates' using errcode = '42501';
  end if;
  update public.connector_templates t
  set hidden = coalesce(p_hidden, true),
      hidden_reason = case when coalesce(p_hidden, true) then p_reason else null end,
      is_featured = case when coalesce(p_hidden, true) then false else t.is_featured end,
      updated_at = now()
  where t.id = p_template_id
  returning * into v_row;
  if not found then
    raise exception 'template % does not exist', p_template_id using errcode = 'PT404';
  end if;
  return private.template_json(v_row);
end
$$;

-- Invoker rights: the ratings table's own policies decide (visible, not your own template).
create or replace function public.rate_template(p_template_id uuid, p_rating integer)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_template public.connector_templates;
begin
  if auth.uid() is null then
    raise exception 'sign in to rate a template' using errcode = '42501';
  end if;
  if p_rating is null or p_rating < 1 or p_rating > 5 then
    raise exception 'a rating is a whole number from 1 to 5' using errcode = '22023';
  end if;
  select * into v_template from public.connector_templates t where t.id = p_template_id;
  if not found then
    raise exception 'template % does not exist', p_template_id using errcode = 'PT404';
  end if;
  if v_template.published_by = auth.uid() then
    raise exception 'you cannot rate your own template' using errcode = '42501';
  end if;
  insert into public.template_ratings (template_id, user_id, rating)
  values (p_template_id, auth.uid(), p_rating)
  on conflict (template_id, user_id) do update set rating = excluded.rating;

  select * into v_template from public.connector_templates t where t.id = p_template_id;
  return jsonb_build_object('template_id', p_template_id, 'my_rating', p_rating,
                            'rating', v_template.rating, 'rating_count', v_template.rating_count);
end
$$;

-- Counts an install into a workspace and returns what the app copies into a new connector.
create or replace function public.install_template(p_template_id uuid, p_workspace_id uuid)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := private.require_member(p_workspace_id);
  v_row public.connector_templates;
begin
  select * into v_row from public.connector_templates t
  where t.id = p_template_id
    and ((t.is_public and not t.hidden) or t.published_by = v_uid or public.is_saas_admin());
  if not found then
    raise exception 'template % does not exist or is not available', p_template_id using errcode = 'PT404';
  end if;
  update public.connector_templates t set install_count = t.install_count + 1
  where t.id = p_template_id
  returning * into v_row;
  insert into public.template_installs (template_id, workspace_id, user_id, version)
  values (p_template_id, p_workspace_id, v_uid, v_row.version);
  return jsonb_build_object(
    'template_id', v_row.id, 'version', v_row.version, 'name', v_row.name, 'description', v_row.description,
    'category', v_row.category, 'icon', v_row.icon, 'config', v_row.config, 'input_schema', v_row.input_schema,
    'field_mappings', v_row.field_mappings, 'requires_credentials', v_row.requires_credentials,
    'is_official', v_row.is_official, 'install_count', v_row.install_count
  );
end
$$;

revoke all on function public.publish_template(text, jsonb, text, text, text, jsonb, jsonb, jsonb, boolean, boolean, uuid, text)
  from public, anon, authenticated, service_role;
revoke all on function public.feature_template(uuid, boolean) from public, anon, authenticated, service_role;
revoke all on function public.hide_template(uuid, boolean, text) from public, anon, authenticated, service_role;
revoke all on function public.rate_template(uuid, integer) from public, anon, authenticated, service_role;
revoke all on function public.install_template(uuid, uuid) from public, anon, authenticated, service_role;
grant execute on function public.publish_template(text, jsonb, text, text, text, jsonb, jsonb, jsonb, boolean, boolean, uuid, text)
  to authenticated;
grant execute on function public.feature_template(uuid, boolean) to authenticated;
grant execute on function public.hide_template(uuid, boolean, text) to authenticated;
grant execute on function public.rate_template(uuid, integer) to authenticated;
grant execute on function public.install_template(uuid, uuid) to authenticated;
