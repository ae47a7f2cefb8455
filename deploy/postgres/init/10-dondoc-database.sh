#!/bin/bash
# Creates Đôn Đốc's own role and database next to Temporal's on the shared PostgreSQL
# server. The postgres image runs files in /docker-entrypoint-initdb.d once, when the
# data volume is first initialised: changing DONDOC_DB_PASSWORD later does not update
# the role (see deploy/README.md, "Rotating the app database password").
#
# The server's superuser (POSTGRES_USER, "temporal") belongs to Temporal, whose
# auto-setup creates the `temporal` and `temporal_visibility` databases with it.
# The app gets an ordinary role that owns only its own database.
#
# The entrypoint may source this file instead of running it, so it neither calls
# `exit` nor turns on `set -u` (which would leak into the entrypoint).
set -eo pipefail

if [ -z "${DONDOC_DB_PASSWORD:-}" ]; then
  echo "10-dondoc-database.sh: DONDOC_DB_PASSWORD is empty; refusing to create the app role without a password" >&2
  false
fi

dondoc_db_name="${DONDOC_DB_NAME:-dondoc}"
dondoc_db_user="${DONDOC_DB_USER:-dondoc}"

# psql variables (:'x' literal, :"x" identifier) quote the values, so a password
# with quotes or backslashes cannot break the SQL.
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
  --set=app_db="$dondoc_db_name" \
  --set=app_user="$dondoc_db_user" \
  --set=app_password="$DONDOC_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE DATABASE :"app_db" OWNER :"app_user" ENCODING 'UTF8' TEMPLATE template0;
-- Only the app role (and superusers) may connect to the app database.
REVOKE ALL ON DATABASE :"app_db" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"app_db" TO :"app_user";
SQL

echo "10-dondoc-database.sh: created database ${dondoc_db_name} owned by role ${dondoc_db_user}"
