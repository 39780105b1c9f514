#!/usr/bin/env bash
# The whole test suite: type check, lint, format and layer rules, then unit, integration and e2e tests
# against a throwaway PostgreSQL and Redis that this script starts (on ports the OS says are free)
# and stops. Servers it did not start are never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

read -r PG_PORT REDIS_PORT < <(node scripts/free-port.js 2)
PG_PORT=${TEST_PG_PORT:-$PG_PORT}
REDIS_PORT=${TEST_REDIS_PORT:-$REDIS_PORT}
DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/verwijsindex-test.XXXXXX")
chmod 755 "$DATA_DIR"

cleanup() {
  scripts/services.sh stop "$DATA_DIR" || true
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT

# The docs' examples are run as an integrator pastes them: with curl and jq; the portal's pages are
# tested in Debian's Chromium (driven by playwright-core, which downloads no browser of its own).
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=()
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
[ -x "$CHROMIUM" ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing ${missing[*]} from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The suite needs ${missing[*]} (sudo apt-get install ${missing[*]})." >&2
    exit 1
  fi
fi

echo "== type check, lint, format and layer rules"
npx tsc -p tsconfig.json --noEmit
npm run -s lint

echo "== starting PostgreSQL (port $PG_PORT) and Redis (port $REDIS_PORT) for the tests"
SERVICES_DURABLE=0 SERVICES_PG_PORT_VAR=TEST_PG_PORT SERVICES_REDIS_PORT_VAR=TEST_REDIS_PORT \
  scripts/services.sh start "$DATA_DIR" "$PG_PORT" "$REDIS_PORT" vir_test >/dev/null

export NODE_ENV=test
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/vir_test"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
export TEST_PG_PORT="$PG_PORT" TEST_REDIS_PORT="$REDIS_PORT" TEST_SERVICES_DIR="$DATA_DIR"

echo "== building (the e2e suites start the compiled api, worker and CLI as real processes)"
npm run -s build

echo "== jest"
npx jest --runInBand "$@"
