#!/usr/bin/env bash
# Starts the verwijsindex locally: PostgreSQL and Redis (unless DATABASE_URL and REDIS_URL are set),
# migrations, the Venlo demo data, the worker and the API. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DIR=${VIR_DATA_DIR:-.data/dev}
PG_PORT=${DEV_PG_PORT:-54329}
REDIS_PORT=${DEV_REDIS_PORT:-63799}
mkdir -p "$DATA_DIR"

started_services=0
if [ -z "${DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; then
  echo "Starting local PostgreSQL (port $PG_PORT) and Redis (port $REDIS_PORT), data in $DATA_DIR ..."
  read -r db redis < <(scripts/services.sh start "$DATA_DIR" "$PG_PORT" "$REDIS_PORT" verwijsindex)
  export DATABASE_URL=${DATABASE_URL:-$db} REDIS_URL=${REDIS_URL:-$redis}
  started_services=1
fi

# Local secrets, made once and kept beside the local data (never used in production).
SECRETS="$DATA_DIR/secrets.env"
if [ ! -f "$SECRETS" ]; then
  umask 077
  {
    echo "VIR_PSEUDONYM_KEY=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")"
    echo "VIR_BOOTSTRAP_ADMIN_KEY=local-admin-$(node -e "console.log(require('crypto').randomBytes(18).toString('base64url'))")"
  } >"$SECRETS"
fi
set -a
# shellcheck disable=SC1090
. "$SECRETS"
set +a
export NODE_ENV=${NODE_ENV:-development}
export PORT=${PORT:-3000}
export VIR_PUBLIC_URL=${VIR_PUBLIC_URL:-http://localhost:$PORT}
export WORKER_HEALTH_PORT=${WORKER_HEALTH_PORT:-3001}

echo "Building ..."
npm run -s build
node dist/apps/cli/src/main.js migrate
DEMO_FILE="$DATA_DIR/demo-credentials.txt"
if [ "$NODE_ENV" != production ]; then node dist/apps/cli/src/main.js seed-demo >"$DEMO_FILE"; fi

pids=()
MAIL_DIR="$DATA_DIR/mail"
if [ -z "${SMTP_URL:-}" ] && [ "$NODE_ENV" != production ]; then
  MAIL_PORT=${DEV_SMTP_PORT:-1025}
  node scripts/mail-catcher.js "$MAIL_DIR" "$MAIL_PORT" >>"$DATA_DIR/mail-catcher.log" 2>&1 &
  pids+=($!)
  export SMTP_URL="smtp://127.0.0.1:$MAIL_PORT"
fi

stop_all() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$started_services" = 1 ] && [ "${KEEP_SERVICES:-0}" != 1 ]; then scripts/services.sh stop "$DATA_DIR" "$REDIS_PORT"; fi
}
trap stop_all INT TERM EXIT

node dist/apps/worker/src/main.js >>"$DATA_DIR/worker.log" 2>&1 &
pids+=($!)
node dist/apps/api/src/main.js >>"$DATA_DIR/api.log" 2>&1 &
pids+=($!)

for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1 && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "The API did not start; see $DATA_DIR/api.log" >&2; tail -20 "$DATA_DIR/api.log" >&2; exit 1; }
  sleep 0.2
done

cat <<INFO

Verwijsindex is running.
  API:          http://localhost:$PORT/v1
  API docs:     http://localhost:$PORT/v1/docs   (OpenAPI: /v1/openapi.json)
  Health:       http://localhost:$PORT/health/ready
  Logs:         $DATA_DIR/api.log, $DATA_DIR/worker.log
  Signal mail:  $MAIL_DIR/index.txt (one .eml file per message; local mail catcher)

Administrator (gemeente) credential:
  Authorization: Bearer $VIR_BOOTSTRAP_ADMIN_KEY

Demo credentials of the Venlo covenant partners (full list in $DEMO_FILE):
INFO
[ -f "$DEMO_FILE" ] && head -n 12 "$DEMO_FILE"
cat <<INFO

Try:  curl -H "Authorization: Bearer $VIR_BOOTSTRAP_ADMIN_KEY" http://localhost:$PORT/v1/organisations
Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}"
