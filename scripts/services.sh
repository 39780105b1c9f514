#!/usr/bin/env bash
# Starts or stops a private PostgreSQL and Redis on loopback for development or tests.
#   scripts/services.sh start <data-dir> <pg-port> <redis-port> <database>
#   scripts/services.sh stop  <data-dir>
# Both servers belong to <data-dir>: PostgreSQL's cluster lives in it and Redis writes its pid file
# there. `stop` stops only servers whose data or pid file is in <data-dir>; a server on the same
# port that this script did not start is never touched. A port taken by another program is an
# error naming the variable that moves it (SERVICES_PG_PORT_VAR, SERVICES_REDIS_PORT_VAR).
# SERVICES_PG_OPTIONS adds PostgreSQL settings (e.g. "-c shared_preload_libraries=pg_stat_statements").
# Installs Debian's postgresql and redis-server packages when they are missing (needs root).
# PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
set -euo pipefail

action=${1:?start or stop}
dir=${2:?data directory}

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

port_in_use() {
  node -e "const s=require('net').connect($1,'127.0.0.1');s.on('connect',()=>{s.destroy();process.exit(0)});s.on('error',()=>process.exit(1))"
}

install_packages() {
  local missing=()
  [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql postgresql-client)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "Missing ${missing[*]}; install them (sudo apt-get install ${missing[*]}) or set DATABASE_URL and REDIS_URL." >&2
      exit 1
    fi
    echo "Installing ${missing[*]} from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

redis_is_ours() {
  [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null
}

start() {
  local pg_port=${3:?postgres port} redis_port=${4:?redis port} database=${5:?database name}
  install_packages
  local bin; bin=$(pg_bin)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local pgdata="$dir/pg"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      echo "The postgres user cannot write $dir (a parent directory is not traversable); choose another data directory." >&2
      exit 1
    fi
  fi
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    as_pg mkdir -p "$pgdata"
    as_pg "$bin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_pg "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    if port_in_use "$pg_port"; then
      echo "Port $pg_port (PostgreSQL) is taken by another program; set ${SERVICES_PG_PORT_VAR:-the PostgreSQL port} to a free port." >&2
      exit 1
    fi
    local tuning=""
    [ "${SERVICES_DURABLE:-1}" = 0 ] && tuning="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_pg "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pgdata -c max_connections=300 $tuning ${SERVICES_PG_OPTIONS:-}" start >/dev/null
  fi
  if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE \"$database\""
  fi

  if ! redis_is_ours; then
    if port_in_use "$redis_port"; then
      echo "Port $redis_port (Redis) is taken by another program; set ${SERVICES_REDIS_PORT_VAR:-the Redis port} to a free port." >&2
      exit 1
    fi
    redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --maxmemory-policy noeviction --daemonize yes \
      --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    for _ in $(seq 100); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
  fi
  echo "postgres://postgres@127.0.0.1:$pg_port/$database redis://127.0.0.1:$redis_port"
}

stop() {
  local bin; bin=$(pg_bin)
  if [ -f "$dir/pg/postmaster.pid" ] && [ -n "$bin" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/pg" -m fast stop >/dev/null 2>&1 || true
  fi
  if redis_is_ours; then
    local pid; pid=$(cat "$dir/redis.pid")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}

case "$action" in
  start) start "$@" ;;
  stop) stop "$@" ;;
  *) echo "usage: $0 start|stop ..." >&2; exit 2 ;;
esac
