-- Team statistics (issue 16 §4): a connector's dashboard card counts the runs its teammates
-- uploaded. Per connector of a workspace, the recorded executions created by anyone but the
-- caller (the caller's own runs are in their local history already, so nothing counts twice).
-- Invoker rights: connector_executions' own RLS (members only) decides what is counted.
create or replace function public.team_run_stats(p_workspace_id uuid)
returns table (connector_id uuid, runs integer, successes integer, last_run_at timestamptz, last_status text)
language plpgsql stable security invoker set search_path = ''
as $$
begin
  if auth.uid() is null or p_workspace_id not in (select public.member_workspace_ids()) then
    raise exception 'you are not a member of this workspace' using errcode = '42501';
  end if;
  return query
    select e.connector_id,
           count(*)::integer,
           (count(*) filter (where e.status = 'success'))::integer,
           max(coalesce(e.completed_at, e.created_at)),
           (array_agg(e.status::text order by coalesce(e.completed_at, e.created_at) desc))[1]
    from public.connector_executions e
    where e.workspace_id = p_workspace_id
      and e.created_by is distinct from auth.uid()
      and e.status in ('success', 'failed', 'timeout')
    group by e.connector_id;
end
$$;

revoke all on function public.team_run_stats(uuid) from public, anon, authenticated, service_role;
grant execute on function public.team_run_stats(uuid) to authenticated;
