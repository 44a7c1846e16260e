-- Users file template reports (issue 6: admins "see reports"; this is how reports get there).
-- One open report per user per template, enforced by an index so the direct insert the
-- table's own policy allows cannot get around it either.

create unique index template_reports_one_open_per_user
  on public.template_reports(template_id, reporter_id)
  where resolved_at is null;

-- Definer rights so the answer is the same whichever path the table grants offer, but the
-- visibility rule is the listing's own: a template you cannot see does not exist for you.
create or replace function public.report_template(p_template_id uuid, p_reason text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
  v_reason text := btrim(coalesce(p_reason, ''));
  v_report public.template_reports;
begin
  if v_uid is null then
    raise exception 'sign in to report a template' using errcode = '42501';
  end if;
  if length(v_reason) = 0 or length(v_reason) > 2000 then
    raise exception 'say why you are reporting the template (1 to 2000 characters)' using errcode = '22023';
  end if;
  perform 1 from public.connector_templates t
  where t.id = p_template_id
    and ((t.is_public and not t.hidden) or t.published_by = v_uid or public.is_saas_admin());
  if not found then
    raise exception 'template % does not exist or is not available', p_template_id using errcode = 'PT404';
  end if;
  begin
    insert into public.template_reports (template_id, reporter_id, reason)
    values (p_template_id, v_uid, v_reason)
    returning * into v_report;
  exception when unique_violation then
    -- The index decides, so two reports sent at once still leave one.
    raise exception 'you have already reported this template; an admin will look at it'
      using errcode = '23505', hint = 'your open report stays as it is until an admin resolves it';
  end;
  return jsonb_build_object('id', v_report.id, 'template_id', v_report.template_id, 'reason', v_report.reason,
                            'created_at', v_report.created_at, 'resolved_at', v_report.resolved_at);
end
$$;

revoke all on function public.report_template(uuid, text) from public, anon, authenticated, service_role;
grant execute on function public.report_template(uuid, text) to authenticated;
