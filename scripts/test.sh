#!/usr/bin/env bash
# Runs the whole Flows test suite on this machine: `mvn -B verify` over every module, with a real
# Redis and a real PostgreSQL started for the duration of the run and stopped afterwards.
#
#   bash scripts/test.sh                 # everything
#   bash scripts/test.sh -pl flows-core  # extra arguments go to Maven
#
# On Debian as root, missing packages (redis-server, postgresql, chromium, chromium-driver) are
# installed first; as another user they must be installed already. The tests find the servers
# through FLOWS_TEST_REDIS_URL, FLOWS_TEST_REDIS_CLUSTER_NODES (a three-node Redis Cluster) and
# FLOWS_TEST_POSTGRES_URL; set them yourself to use servers of your own, and this script starts
# none of those.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(redis-server postgresql chromium chromium-driver)

log() { echo "[test.sh] $*" >&2; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the postgres user when root (initdb refuses root), as ourselves otherwise.
as_postgres() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_missing_packages() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return
  if ! is_root || ! command -v apt-get >/dev/null; then
    log "missing packages: ${missing[*]}; install them (as root: apt-get install -y ${missing[*]})"
    return
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The first port from $1 on that nothing listens to on 127.0.0.1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

WORK_DIR=""
REDIS_STARTED=""
CLUSTER_PIDS=()
PG_BIN=""
PG_STARTED=""

stop_servers() {
  if [ -n "$REDIS_STARTED" ] && [ -f "$WORK_DIR/redis/redis.pid" ]; then
    kill "$(cat "$WORK_DIR/redis/redis.pid")" 2>/dev/null || true
    log "stopped Redis"
  fi
  local pid_file
  for pid_file in "${CLUSTER_PIDS[@]}"; do
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  [ "${#CLUSTER_PIDS[@]}" -gt 0 ] && log "stopped the Redis Cluster"
  if [ -n "$PG_STARTED" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$WORK_DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    log "stopped PostgreSQL"
  fi
  if [ -n "$WORK_DIR" ]; then rm -rf "$WORK_DIR"; fi
}

start_redis() {
  local port
  port=$(free_port "${FLOWS_TEST_REDIS_PORT:-6390}")
  mkdir -p "$WORK_DIR/redis"
  redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$WORK_DIR/redis" --pidfile "$WORK_DIR/redis/redis.pid" --logfile "$WORK_DIR/redis/redis.log"
  REDIS_STARTED=1
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  export FLOWS_TEST_REDIS_URL="redis://127.0.0.1:$port"
  log "Redis at $FLOWS_TEST_REDIS_URL"
}

# Three masters, no replicas: enough for keys to spread over several nodes, as in production.
start_redis_cluster() {
  local port=${FLOWS_TEST_REDIS_CLUSTER_PORT:-7010} nodes=() node dir
  for node in 1 2 3; do
    port=$(free_port "$port")
    dir="$WORK_DIR/cluster-$port"
    mkdir -p "$dir"
    redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
      --cluster-enabled yes --cluster-config-file "$dir/nodes.conf" \
      --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    CLUSTER_PIDS+=("$dir/redis.pid")
    nodes+=("127.0.0.1:$port")
    port=$((port + 1))
  done
  for node in "${nodes[@]}"; do
    for _ in $(seq 50); do
      redis-cli -h 127.0.0.1 -p "${node#*:}" ping >/dev/null 2>&1 && break
      sleep 0.1
    done
  done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >/dev/null
  for _ in $(seq 100); do
    redis-cli -h 127.0.0.1 -p "${nodes[0]#*:}" cluster info 2>/dev/null | grep -q 'cluster_state:ok' && break
    sleep 0.1
  done
  FLOWS_TEST_REDIS_CLUSTER_NODES=$(IFS=,; echo "${nodes[*]}")
  export FLOWS_TEST_REDIS_CLUSTER_NODES
  log "Redis Cluster at $FLOWS_TEST_REDIS_CLUSTER_NODES"
}

start_postgres() {
  local port dir="$WORK_DIR/pg"
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$PG_BIN" ] || { log "PostgreSQL is not installed (apt-get install -y postgresql)"; exit 1; }
  port=$(free_port "${FLOWS_TEST_POSTGRES_PORT:-5439}")
  mkdir -p "$dir"
  if is_root; then chown postgres:postgres "$dir"; chmod 755 "$WORK_DIR"; fi
  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
  PG_STARTED=1
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres flows
  export FLOWS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/flows"
  log "PostgreSQL at $FLOWS_TEST_POSTGRES_URL (user postgres, no password)"
}

install_missing_packages
trap stop_servers EXIT
WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/flows-test.XXXXXX")
[ -n "${FLOWS_TEST_REDIS_URL:-}" ] || start_redis
[ -n "${FLOWS_TEST_REDIS_CLUSTER_NODES:-}" ] || start_redis_cluster
[ -n "${FLOWS_TEST_POSTGRES_URL:-}" ] || start_postgres

mvn -B verify "$@"
