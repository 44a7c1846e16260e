-- Moderation that closes the loop (issue 16 §4): admins with can_moderate list reports with
-- the reporter's email (auth.users is not readable by clients, so a definer function reads
-- it), resolve or dismiss each one, and hiding a template needs a reason the author sees
-- (hidden_reason is on connector_templates, whose RLS shows a hidden row only to its
-- publisher and admins) and resolves the template's open reports.

alter table public.template_reports
  add column resolution text check (resolution in ('resolved', 'dismissed'));
-- A resolution is only ever set together with resolved_at (closed reports before this had none).
alter table public.template_reports
  add constraint template_reports_resolution_closed check (resolution is null or resolved_at is not null);
update public.template_reports set resolution = 'resolved' where resolved_at is not null and resolution is null;

-- Every report, newest open first, with who filed it and who closed it.
create or replace function public.moderation_reports()
returns table (
  id uuid,
  template_id uuid,
  template_name text,
  reason text,
  created_at timestamptz,
  resolved_at timestamptz,
  resolution text,
  reporter_email text,
  resolved_by_email text
)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if not public.is_saas_admin('can_moderate') then
    raise exception 'only SaaS admins with the moderation right can see reports' using errcode = '42501';
  end if;
  return query
    select r.id, r.template_id, t.name::text, r.reason, r.created_at, r.resolved_at, r.resolution,
           reporter.email::text, closer.email::text
    from public.template_reports r
    join public.connector_templates t on t.id = r.template_id
    left join auth.users reporter on reporter.id = r.reporter_id
    left join auth.users closer on closer.id = r.resolved_by
    order by (r.resolved_at is null) desc, r.created_at desc
    limit 500;
end
$$;

-- Close one open report as resolved (acted on) or dismissed (nothing to do).
create or replace function public.resolve_template_report(p_report_id uuid, p_resolution text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_report public.template_reports;
begin
  if not public.is_saas_admin('can_moderate') then
    raise exception 'only SaaS admins with the moderation right can resolve reports' using errcode = '42501';
  end if;
  if p_resolution is null or p_resolution not in ('resolved', 'dismissed') then
    raise exception 'a report is closed as "resolved" or "dismissed"' using errcode = '22023';
  end if;
  update public.template_reports r
  set resolved_at = now(), resolved_by = auth.uid(), resolution = p_resolution
  where r.id = p_report_id and r.resolved_at is null
  returning * into v_report;
  if not found then
    perform 1 from public.template_reports r where r.id = p_report_id;
    if found then
      raise exception 'this report was already closed by another moderator' using errcode = '55000', hint = 'reload the reports';
    end if;
    raise exception 'report % does not exist', p_report_id using errcode = 'PT404';
  end if;
  return jsonb_build_object('id', v_report.id, 'template_id', v_report.template_id, 'reason', v_report.reason,
                            'created_at', v_report.created_at, 'resolved_at', v_report.resolved_at,
                            'resolution', v_report.resolution);
end
$$;

-- Replaces the first version: hiding needs a reason (shown to the author) and resolves the
-- template's open reports; showing again clears the reason.
create or replace function public.hide_template(p_template_id uuid, p_hidden boolean default true, p_reason text default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_hide boolean := coalesce(p_hidden, true);
  v_reason text := nullif(btrim(coalesce(p_reason, '')), '');
  v_row public.connector_templates;
begin
  if not public.is_saas_admin('can_moderate') then
    raise exception 'only SaaS admins can hide or unhide templates' using errcode = '42501';
  end if;
  if v_hide and (v_reason is null or length(v_reason) > 500) then
    raise exception 'say why the template is hidden (1 to 500 characters): its author sees the reason'
      using errcode = '22023';
  end if;
  update public.connector_templates t
  set hidden = v_hide,
      hidden_reason = case when v_hide then v_reason else null end,
      is_featured = case when v_hide then false else t.is_featured end,
      updated_at = now()
  where t.id = p_template_id
  returning * into v_row;
  if not found then
    raise exception 'template % does not exist', p_template_id using errcode = 'PT404';
  end if;
  if v_hide then
    update public.template_reports r
    set resolved_at = now(), resolved_by = auth.uid(), resolution = 'resolved'
    where r.template_id = p_template_id and r.resolved_at is null;
  end if;
  return private.template_json(v_row);
end
$$;

revoke all on function public.moderation_reports() from public, anon, authenticated, service_role;
revoke all on function public.resolve_template_report(uuid, text) from public, anon, authenticated, service_role;
revoke all on function public.hide_template(uuid, boolean, text) from public, anon, authenticated, service_role;
grant execute on function public.moderation_reports() to authenticated;
grant execute on function public.resolve_template_report(uuid, text) to authenticated;
grant execute on function public.hide_template(uuid, boolean, text) to authenticated;
