#!/bin/sh
# Starts Debian's PostgreSQL 15 cluster for the Supabase tests and prints the DATABASE_URL to use.
# Idempotent: safe to call when the cluster is already running. Needs root (or the postgres user).
# Usage: export DATABASE_URL="$(scripts/start-postgres.sh)"
set -eu

VERSION="${PG_VERSION:-15}"
CLUSTER="${PG_CLUSTER:-main}"
PORT="${PG_PORT:-5432}"
TEST_USER="${PG_TEST_USER:-connector_studio}"
TEST_PASSWORD="${PG_TEST_PASSWORD:-connector_studio}"

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "pg_ctlcluster not found: install Debian's postgresql-$VERSION package" >&2
  exit 1
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

status="$(pg_lsclusters --no-header 2>/dev/null | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')"
if [ -z "$status" ]; then
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
  status=down
fi
if [ "$status" != online ]; then
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

# Wait until the server accepts connections (it normally does at once).
i=0
until as_postgres "psql -p $PORT -Atqc 'select 1'" >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 30 ]; then echo "PostgreSQL did not start; see /var/log/postgresql/" >&2; exit 1; fi
  sleep 1
done

# A password-authenticated superuser: the tests create and drop one database per test file,
# and SET ROLE to anon/authenticated/service_role exactly like PostgREST.
as_postgres "psql -p $PORT -v ON_ERROR_STOP=1 -Atq" >&2 <<SQL
do \$\$
begin
  if not exists (select 1 from pg_roles where rolname = '$TEST_USER') then
    create role "$TEST_USER" login superuser password '$TEST_PASSWORD';
  else
    alter role "$TEST_USER" login superuser password '$TEST_PASSWORD';
  end if;
end
\$\$;
SQL

echo "postgres://$TEST_USER:$TEST_PASSWORD@127.0.0.1:$PORT/postgres"
