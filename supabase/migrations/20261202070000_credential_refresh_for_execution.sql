-- Server-side OAuth refresh write-back (issue 13): when a run refreshes an authorization-code
-- connection, the executor stores the new token set in the workspace credential, so the next
-- run uses it and a provider that rotates refresh tokens keeps working.
--
-- Service role only, audited ('refresh'), and compare-and-set: the new value is written only
-- if the credential still holds the value this run read. Two workers refreshing the same
-- connection at once: one write wins, the other leaves the newer tokens in place (its run
-- already has a working access token in memory).

alter table public.credential_audit_log drop constraint if exists credential_audit_log_action_check;
alter table public.credential_audit_log
  add constraint credential_audit_log_action_check check (action in ('create', 'rotate', 'delete', 'use', 'refresh'));

create or replace function public.refresh_credential_for_execution(
  p_workspace_id uuid, p_name text, p_connector_id uuid, p_expected text, p_value text)
returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_row public.workspace_api_credentials;
begin
  if coalesce(auth.role(), '') <> 'service_role' then
    raise exception 'only the server-side executor may refresh credential values' using errcode = '42501';
  end if;
  if p_value is null or length(p_value) = 0 or length(p_value) > 16384 then
    raise exception 'a credential value must be 1 to 16384 characters' using errcode = '22023';
  end if;
  select * into v_row from public.workspace_api_credentials c
  where c.workspace_id = p_workspace_id and c.name = p_name
  for update;
  if not found then
    raise exception 'credential "%" is not set in this workspace', p_name using errcode = 'PT404';
  end if;
  if extensions.pgp_sym_decrypt(v_row.encrypted_value, private.credential_key()) is distinct from p_expected then
    return false;
  end if;
  update public.workspace_api_credentials
  set encrypted_value = extensions.pgp_sym_encrypt(p_value, private.credential_key(), 'cipher-algo=aes256'), updated_at = now()
  where id = v_row.id;
  insert into public.credential_audit_log (workspace_id, credential_id, credential_name, action, actor_id, actor_role, connector_id)
  values (p_workspace_id, v_row.id, v_row.name, 'refresh', auth.uid(), 'service_role', p_connector_id);
  return true;
end
$$;

revoke all on function public.refresh_credential_for_execution(uuid, text, uuid, text, text) from public, anon, authenticated, service_role;
grant execute on function public.refresh_credential_for_execution(uuid, text, uuid, text, text) to service_role;
