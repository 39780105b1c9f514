#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data volume: the least-privilege role
# api and worker connect as. `migrate` (as the owner, POSTGRES_USER) grants it what it needs.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role="${VIR_APP_DB_ROLE:-verwijsindex_app}" -v password="${VIR_APP_DB_PASSWORD:?set VIR_APP_DB_PASSWORD}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
SQL
