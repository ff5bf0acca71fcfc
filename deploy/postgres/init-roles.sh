#!/bin/sh
# First start of the primary (docker-entrypoint-initdb.d): the schema's owner, the product's
# row-only role and a replication role, as the README's Security section describes.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE ROLE de_an_06_owner LOGIN PASSWORD '${OWNER_PASSWORD}';
CREATE ROLE de_an_06_app LOGIN PASSWORD '${APP_PASSWORD}';
CREATE ROLE replicator LOGIN REPLICATION PASSWORD '${REPLICATION_PASSWORD}';
ALTER DATABASE "${POSTGRES_DB}" OWNER TO de_an_06_owner;
ALTER SCHEMA public OWNER TO de_an_06_owner;
SQL
echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
