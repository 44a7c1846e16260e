-- The database's share of a server execution (issue 14 §4: the queue's overhead per execution).
-- Measured per statement on one connection: record_execution cost 2.1–2.6 ms of Postgres CPU and
-- get_credential_for_execution 1.0–1.2 ms, most of it in three places this migration makes cheap.
-- What is redacted and what is audited do not change.

-- ── 1. credential decryption ─────────────────────────────────────────────────────────────
-- pgp_sym_encrypt's default S2K is "iterated and salted" (mode 3, 65,536–253,952 bytes hashed),
-- which stretches a low-entropy passphrase. The passphrase here is a random 32-byte key
-- (private.credential_encryption_key), so the stretching only cost ~0.2–0.5 ms per decryption:
-- once per get_credential_for_execution, and once per workspace credential in every
-- record_execution (its redaction looks for all of them). Salted S2K (mode 1) keeps a fresh
-- salt per value, hence a distinct key per value; decryption reads the mode from the value.
create or replace function private.encrypt_credential(p_value text)
returns bytea
language sql volatile security definer set search_path = ''
as $$
  select extensions.pgp_sym_encrypt(p_value, private.credential_key(), 'cipher-algo=aes256, s2k-mode=1')
$$;
revoke all on function private.encrypt_credential(text) from public, anon, authenticated, service_role;

-- Values stored before are re-encrypted the same way (updated_at is left alone: the value did not change).
update public.workspace_api_credentials
set encrypted_value = private.encrypt_credential(extensions.pgp_sym_decrypt(encrypted_value, private.credential_key()));

-- As in 20260601000400_credentials.sql, encrypting through private.encrypt_credential.
create or replace function public.set_credential(p_workspace_id uuid, p_name text, p_value text)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_uid uuid := private.require_member(p_workspace_id);
  v_existing public.workspace_api_credentials;
  v_row public.workspace_api_credentials;
  v_cipher bytea;
begin
  if p_name is null or p_name !~ '^[A-Za-z_][A-Za-z0-9_]*$' or length(p_name) > 100 then
    raise exception 'a credential name must start with a letter or _ and contain only letters, digits and _ (at most 100)'
      using errcode = '22023';
  end if;
  if p_value is null or length(p_value) = 0 or length(p_value) > 16384 then
    raise exception 'a credential value must be 1 to 16384 characters' using errcode = '22023';
  end if;

  v_cipher := private.encrypt_credential(p_value);

  select * into v_existing from public.workspace_api_credentials c
  where c.workspace_id = p_workspace_id and c.name = p_name
  for update;

  if found then
    update public.workspace_api_credentials
    set encrypted_value = v_cipher, updated_at = now(), updated_by = v_uid
    where id = v_existing.id
    returning * into v_row;
  else
    insert into public.workspace_api_credentials (workspace_id, name, encrypted_value, created_by, updated_by)
    values (p_workspace_id, p_name, v_cipher, v_uid, v_uid)
    returning * into v_row;
  end if;

  insert into public.credential_audit_log (workspace_id, credential_id, credential_name, action, actor_id, actor_role)
  values (p_workspace_id, v_row.id, v_row.name, case when v_existing.id is null then 'create' else 'rotate' end,
          v_uid, coalesce(auth.role(), 'authenticated'));

  return jsonb_build_object('id', v_row.id, 'name', v_row.name, 'created_at', v_row.created_at,
                            'updated_at', v_row.updated_at, 'last_used_at', v_row.last_used_at);
end
$$;
revoke all on function public.set_credential(uuid, text, text) from public, anon, authenticated, service_role;
grant execute on function public.set_credential(uuid, text, text) to authenticated;

-- As in 20261202070000_credential_refresh_for_execution.sql, encrypting through private.encrypt_credential.
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
  set encrypted_value = private.encrypt_credential(p_value), updated_at = now()
  where id = v_row.id;
  insert into public.credential_audit_log (workspace_id, credential_id, credential_name, action, actor_id, actor_role, connector_id)
  values (p_workspace_id, v_row.id, v_row.name, 'refresh', auth.uid(), 'service_role', p_connector_id);
  return true;
end
$$;
revoke all on function public.refresh_credential_for_execution(uuid, text, uuid, text, text) from public, anon, authenticated, service_role;
grant execute on function public.refresh_credential_for_execution(uuid, text, uuid, text, text) to service_role;

-- ── 2. redaction of a record ─────────────────────────────────────────────────────────────
-- The same result as before, without the work that cannot change anything:
-- - the sensitive-key walk (PL/pgSQL recursion over every value, ~0.4 ms for a 3-step record)
--   runs only when one of its words occurs somewhere in the document's text. jsonb prints every
--   key and every string as stored, escaping only quotes, backslashes and control characters —
--   none of which is in those words — so a key or a header row's name that the walk would mask
--   always shows in the text, and a text without any of the words has nothing to mask;
-- - a credential value is replaced only where it occurs, and a document nothing was replaced in
--   is returned as it came instead of printed and parsed again.
-- The executor has already redacted its records (core's redactor knows every encoding of the
-- credentials the run used); this stays the guard for every credential of the workspace.
create or replace function private.redact_jsonb(p_value jsonb, p_secrets text[])
returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  v_sensitive constant text := '(authorization|api[-_]?key|secret|password|passwd|token|cookie|credential)';
  v_text text;
  v_secret text;
  v_escaped text;
  v_changed boolean := false;
begin
  if p_value is null then
    return null;
  end if;
  v_text := p_value::text;
  if v_text ~* v_sensitive then
    v_text := private.redact_sensitive_keys(p_value)::text;
    v_changed := true;
  end if;
  foreach v_secret in array coalesce(p_secrets, '{}'::text[]) loop
    if length(v_secret) >= 4 then
      v_escaped := to_jsonb(v_secret)::text;
      v_escaped := substr(v_escaped, 2, length(v_escaped) - 2);
      if strpos(v_text, v_escaped) > 0 then
        v_text := replace(v_text, v_escaped, '[REDACTED]');
        v_changed := true;
      end if;
    end if;
  end loop;
  if not v_changed then
    return p_value;
  end if;
  return v_text::jsonb;
end
$$;
revoke all on function private.redact_jsonb(jsonb, text[]) from public, anon, authenticated, service_role;

-- ── 3. the connector's statistics ────────────────────────────────────────────────────────
-- Every recorded run updates its connector's row (increment_connector_stats). That update is
-- not a new revision, yet the revision-history trigger was queued and called for it and
-- returned at once; now it is only fired when the revision changed.
drop trigger connectors_record_revision on public.connectors;
create trigger connectors_record_revision
  after insert on public.connectors
  for each row execute function public.connectors_record_revision();
create trigger connectors_record_revision_on_update
  after update on public.connectors
  for each row when (new.revision is distinct from old.revision) execute function public.connectors_record_revision();

-- ── 4. the credentials a run will read, in its first statement ───────────────────────────
-- A run reads each credential it refers to before its first request (get_credential_for_execution:
-- one statement each). The worker remembers which ones the previous run of a connector read and
-- names them here, so they come back with the start, read the same way (service role, 'use'
-- audit row, last_used_at), and only when the run is starting now (its slot is held). A name
-- that is not set is left out: the run asks for it again and reports it missing in its own words.
-- The four-argument form stays for workers that do not send names.
create or replace function public.start_server_execution(p_workspace_id uuid, p_connector_id uuid, p_run_id uuid, p_take_slot boolean, p_credentials text[])
returns jsonb
language plpgsql volatile set search_path = ''
as $$
declare
  v_start jsonb := public.start_server_execution(p_workspace_id, p_connector_id, p_run_id, p_take_slot);
  v_values jsonb := '{}'::jsonb;
  v_name text;
begin
  if coalesce(cardinality(p_credentials), 0) = 0 or (v_start ->> 'started') is distinct from 'true' then
    return v_start;
  end if;
  foreach v_name in array p_credentials loop
    begin
      v_values := v_values || jsonb_build_object(v_name, public.get_credential_for_execution(p_workspace_id, v_name, p_connector_id));
    exception when sqlstate 'PT404' then
      null;
    end;
  end loop;
  return v_start || jsonb_build_object('credentials', v_values);
end
$$;
revoke all on function public.start_server_execution(uuid, uuid, uuid, boolean, text[]) from public, anon, authenticated, service_role;
grant execute on function public.start_server_execution(uuid, uuid, uuid, boolean, text[]) to service_role;
