#!/usr/bin/env bash
# Measures what a task store outage does to a running application under load, for Redis and for
# PostgreSQL. For each store: starts a server of its own on loopback, the load test application
# (OutageLoadApplication, from the autoconfigure module's test classes) on it with Spring Boot's
# default client settings, and drives load with wrk against a flow page that reads a task; kills
# the server mid-run (SIGKILL; pg_ctl stop -m immediate), restarts it, and prints what the clients
# saw in each phase: requests answered, answers by status, the slowest answer; meanwhile another
# wrk reads a page that needs no store, and one request to each page during the outage shows how
# long a request waited. Not part of the test run; about two minutes per store (more without the
# guard: the outage lasts until those two requests are answered, 90 s at most).
#
#   bash scripts/outage.sh                  # redis, then postgresql
#   bash scripts/outage.sh redis            # one store
#   GUARD=off bash scripts/outage.sh        # the same with flows.store.guard.enabled=false
#   APP_ARGS="--flows.store.guard.timeout=1s" bash scripts/outage.sh   # more application arguments
#   bash scripts/outage.sh cost [STORE...]  # no outage: the guard's cost on a healthy store, as the
#                                           # ratio of two applications, guard on and off, loaded in turns
#
# Needs redis-server, PostgreSQL (Debian packages; scripts/test.sh installs them), wrk and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=outage
if [ "${1:-}" = cost ]; then MODE=cost; shift; fi
if [ "$#" -gt 0 ]; then STORES=("$@"); else STORES=(redis postgresql); fi
GUARD=${GUARD:-on}
WARM_UP=20          # seconds of light load on the fresh application first
HEALTHY=10          # seconds of load before the outage
OUTAGE=20           # seconds of load during which the store is killed...
KILL_AT=3           # ...this many seconds in
RECOVERY=25         # seconds of load after the restart
AFTER=10            # seconds of load once the store answers again
ROUNDS=4            # cost: rounds of ROUND seconds of load on each application
ROUND=8
# More than Tomcat's 200 threads: without the guard, every server thread would end up waiting.
CONNECTIONS=256

log() { echo "[outage.sh] $*" >&2; }

is_root() { [ "$(id -u)" -eq 0 ]; }

as_postgres() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

now_ms() { date +%s%3N; }

for command in redis-server wrk curl java mvn; do
  command -v "$command" >/dev/null || { log "$command is not installed"; exit 1; }
done

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/flows-outage.XXXXXX")
APP_PIDS=()
REDIS_PID_FILE="$WORK_DIR/redis/redis.pid"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
PG_STARTED=""

cleanup() {
  local pid
  for pid in "${APP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$REDIS_PID_FILE" ] && kill -9 "$(cat "$REDIS_PID_FILE")" 2>/dev/null || true
  if [ -n "$PG_STARTED" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$WORK_DIR/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT

# --- the stores ---------------------------------------------------------------------------------

REDIS_PORT=$(free_port 6490)

start_redis() {
  mkdir -p "$WORK_DIR/redis"
  # An append-only file written at every command: the task stored before the kill is there after it.
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly yes \
    --appendfsync always --dir "$WORK_DIR/redis" --pidfile "$REDIS_PID_FILE" --logfile "$WORK_DIR/redis/redis.log"
  for _ in $(seq 100); do listening "$REDIS_PORT" && return; sleep 0.1; done
  log "Redis did not start"; exit 1
}

kill_redis() {
  kill -9 "$(cat "$REDIS_PID_FILE")"
  rm -f "$REDIS_PID_FILE"
}

PG_PORT=$(free_port 5539)

start_postgresql() {
  local dir="$WORK_DIR/pg"
  [ -n "$PG_BIN" ] || { log "PostgreSQL is not installed (apt-get install -y postgresql)"; exit 1; }
  if [ ! -d "$dir/data" ]; then
    mkdir -p "$dir"
    if is_root; then chown postgres:postgres "$dir"; chmod 755 "$WORK_DIR"; fi
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" \
    -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
  PG_STARTED=1
}

kill_postgresql() {
  # Every server process ends at once, as in a crash; the data directory stays for the restart.
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK_DIR/pg/data" -m immediate -w stop >/dev/null
  PG_STARTED=""
}

# --- the application ----------------------------------------------------------------------------

log "building the load test application (test-compile; nothing is installed)"
mvn -q -B -pl flows-core,flows-spring-boot-autoconfigure test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK_DIR/classpath.txt" >/dev/null
CLASSPATH_APP="flows-spring-boot-autoconfigure/target/test-classes:flows-spring-boot-autoconfigure/target/classes"
CLASSPATH_APP="$CLASSPATH_APP:flows-core/target/classes:$(cat "$WORK_DIR/classpath.txt")"
APP_PORT=$(free_port 8390)
OTHER_PORT=$(free_port $((APP_PORT + 1)))
APP="http://127.0.0.1:$APP_PORT"

# store_properties STORE: the application's arguments for STORE, in STORE_PROPERTIES.
store_properties() {
  case "$1" in
    redis) STORE_PROPERTIES=(--flows.store.type=redis --spring.data.redis.url="redis://127.0.0.1:$REDIS_PORT") ;;
    postgresql) STORE_PROPERTIES=(--flows.store.type=jpa --flows.jpa.initialize-schema=always
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
      --spring.datasource.username=postgres --spring.datasource.password=) ;;
  esac
}

# start_app PORT GUARD(true|false) LOG ARGS...: starts the application and waits until it answers; its
# process id in APP_PID.
start_app() {
  local port=$1 guard=$2 log=$3
  shift 3
  java -Xmx512m -cp "$CLASSPATH_APP" dev.flows.autoconfigure.outage.OutageLoadApplication \
    --server.port="$port" --server.address=127.0.0.1 --flows.binder.type=none \
    --flows.cleanup.enabled=false --flows.store.guard.enabled="$guard" "$@" ${APP_ARGS:-} >"$log" 2>&1 &
  APP_PID=$!
  APP_PIDS+=("$APP_PID")
  for _ in $(seq 1800); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/wizard")" = 200 ] && return
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$log" >&2; log "the application did not start"; exit 1; }
    sleep 0.1
  done
  log "the application did not answer within 3 minutes"; exit 1
}

# stop_app PID
stop_app() {
  local pid running=()
  kill "$1" 2>/dev/null || true
  # Without the guard, requests may still hang in the store client: do not wait for them.
  timeout 30 tail --pid="$1" -f /dev/null || kill -9 "$1" 2>/dev/null || true
  # Forget it, so that the cleanup never signals a process that reuses its id.
  for pid in "${APP_PIDS[@]}"; do [ "$pid" = "$1" ] || running+=("$pid"); done
  APP_PIDS=("${running[@]}")
}

# start_task: stores a task through the application at $APP and prints its id. The first store call
# opens the client's connection and loads its classes, which on a busy machine may take longer than
# the guard's timeout: retry until a task is stored.
start_task() {
  local id
  for _ in $(seq 30); do
    id=$(curl -s -X POST "$APP/outage/tasks")
    [[ "$id" =~ ^[A-Za-z0-9_-]{22}$ ]] && { echo "$id"; return; }
    sleep 1
  done
  log "no task could be stored"; exit 1
}

# --- load ---------------------------------------------------------------------------------------

cat >"$WORK_DIR/count.lua" <<'EOF'
-- Counts answers by status. wrk runs one Lua state per thread: done() adds them up.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts, keys, parts = {}, {}, {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  for status in pairs(counts) do table.insert(keys, status) end
  table.sort(keys)
  for _, status in ipairs(keys) do table.insert(parts, status .. "=" .. counts[status]) end
  local errors = summary.errors
  io.write(string.format("%d answered (%.0f/s); by status: %s; slowest %.0f ms, p99 %.0f ms; unanswered: %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), table.concat(parts, " "),
    latency.max / 1000, latency:percentile(99) / 1000,
    errors.connect + errors.read + errors.write + errors.timeout))
end
EOF

# load SECONDS CONNECTIONS PATH: one wrk run; its summary line on stdout. A long wrk timeout, so that
# slow answers are measured rather than dropped.
load() {
  wrk -t2 -c"$2" -d"$1s" --timeout 120s -s "$WORK_DIR/count.lua" "$APP$3" 2>&1 | tail -n 1
}

# probe PATH DELAY: after DELAY seconds, one request; says what it answered and when.
probe() {
  sleep "$2"
  local answer
  answer=$(curl -s -o /dev/null --max-time 90 -w '%{http_code} %{time_total}' "$APP$1" || true)
  case "$answer" in
    000*) echo "no answer within 90 s" ;;
    *) echo "${answer% *} after ${answer#* } s" ;;
  esac
}

scenario() {
  local store=$1 guard=true app page started recovered
  [ "$GUARD" = off ] && guard=false
  echo
  echo "== $store, guard $GUARD =="
  "start_$store"
  store_properties "$store"
  start_app "$APP_PORT" "$guard" "$WORK_DIR/app.log" "${STORE_PROPERTIES[@]}"
  app=$APP_PID
  page="/wizard/plan?_id=$(start_task)"
  echo "flow page under load: $page ($CONNECTIONS connections); page without store: /wizard (4 connections)"

  # A cold JVM under this load is slow at everything: warm it up first, and report the warm-up too.
  echo "warm-up   ${WARM_UP}s: $(load "$WARM_UP" 16 "$page")"
  echo "healthy   ${HEALTHY}s: $(load "$HEALTHY" "$CONNECTIONS" "$page")"

  load "$OUTAGE" "$CONNECTIONS" "$page" >"$WORK_DIR/outage.txt" &
  local flow_load=$!
  load "$OUTAGE" 4 /wizard >"$WORK_DIR/entry.txt" &
  local entry_load=$!
  sleep "$KILL_AT"
  "kill_$store"
  probe "$page" 1 >"$WORK_DIR/probe-flow.txt" &
  local flow_probe=$!
  probe /wizard 5 >"$WORK_DIR/probe-entry.txt" &
  local entry_probe=$!
  wait "$flow_load" "$entry_load"
  echo "outage    ${OUTAGE}s, $store killed ${KILL_AT}s in: $(cat "$WORK_DIR/outage.txt")"
  echo "  page without store, same ${OUTAGE}s: $(cat "$WORK_DIR/entry.txt")"
  # wrk counts the answers that came within its run: a request still waiting at its end is not seen.
  # One request each, sent during the outage, says how long a request waited (the store stays down
  # until they are answered, 90 s at most).
  wait "$flow_probe" "$entry_probe"
  echo "  one request to the flow page, sent 1s after the kill: $(cat "$WORK_DIR/probe-flow.txt")"
  echo "  one request to the page without store, sent 5s after the kill: $(cat "$WORK_DIR/probe-entry.txt")"

  "start_$store"
  started=$(now_ms)
  load "$RECOVERY" "$CONNECTIONS" "$page" >"$WORK_DIR/recovery.txt" &
  local recovery_load=$!
  recovered=""
  while [ -z "$recovered" ] && [ $(( $(now_ms) - started )) -lt $(( RECOVERY * 1000 )) ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 70 "$APP$page")" = 200 ]; then
      recovered=$(( $(now_ms) - started ))
    fi
    sleep 0.2
  done
  wait "$recovery_load"
  echo "recovery  ${RECOVERY}s after the restart: $(cat "$WORK_DIR/recovery.txt")"
  if [ -n "$recovered" ]; then
    echo "  the task stored before the outage answered 200 again" \
      "$((recovered / 1000)).$(( (recovered % 1000) / 100 ))s after the restart"
  else
    echo "  the task stored before the outage did not answer 200 within ${RECOVERY}s of the restart"
  fi

  echo "after     ${AFTER}s: $(load "$AFTER" "$CONNECTIONS" "$page")"
  echo "  a new task after recovery: $(curl -s -o /dev/null -w 'HTTP %{http_code}' -X POST "$APP/outage/tasks")"
  echo "  circuit breaker, from the application's log:"
  grep -o 'TaskStoreGuard .*' "$WORK_DIR/app.log" | sed 's/^TaskStoreGuard *: /    /' | uniq -c | sed 's/^/  /' \
    || echo "    (no guard)"
  echo "  answers 500 in the log: $(grep -c 'Servlet.service() .* threw exception' "$WORK_DIR/app.log" || true)"
  stop_app "$app"
  "kill_$store"
}

# successes LINE: the 200 answers in a summary line of load.
successes() { grep -oE ' 200=[0-9]+' <<<"$1" | cut -d= -f2 || echo 0; }

cost() {
  local store=$1 on off on_page off_page round on_line off_line on_total=0 off_total=0
  echo
  echo "== $store, healthy: guard on and guard off, ${ROUNDS} rounds of ${ROUND}s each, in turns =="
  "start_$store"
  store_properties "$store"
  start_app "$APP_PORT" true "$WORK_DIR/app-on.log" "${STORE_PROPERTIES[@]}"
  on=$APP_PID
  start_app "$OTHER_PORT" false "$WORK_DIR/app-off.log" "${STORE_PROPERTIES[@]}"
  off=$APP_PID
  # Both warmed up under the same load as the rounds, so that the JIT is done with both.
  APP="http://127.0.0.1:$APP_PORT"
  on_page="/wizard/plan?_id=$(start_task)"
  load "$WARM_UP" "$CONNECTIONS" "$on_page" >/dev/null
  APP="http://127.0.0.1:$OTHER_PORT"
  off_page="/wizard/plan?_id=$(start_task)"
  load "$WARM_UP" "$CONNECTIONS" "$off_page" >/dev/null
  for round in $(seq "$ROUNDS"); do
    APP="http://127.0.0.1:$APP_PORT"
    on_line=$(load "$ROUND" "$CONNECTIONS" "$on_page")
    APP="http://127.0.0.1:$OTHER_PORT"
    off_line=$(load "$ROUND" "$CONNECTIONS" "$off_page")
    echo "round $round, guard on:  $on_line"
    echo "round $round, guard off: $off_line"
    on_total=$((on_total + $(successes "$on_line")))
    off_total=$((off_total + $(successes "$off_line")))
  done
  # A 503 on a healthy store is a store call that outlasted the timeout: count only the 200s.
  echo "200 answers, guard on / guard off: $on_total / $off_total =" \
    "$(awk -v a="$on_total" -v b="$off_total" 'BEGIN { printf "%.2f", a / b }')"
  APP="http://127.0.0.1:$APP_PORT"
  stop_app "$on"
  stop_app "$off"
  "kill_$store"
}

for store in "${STORES[@]}"; do
  case "$store" in
    redis | postgresql) if [ "$MODE" = cost ]; then cost "$store"; else scenario "$store"; fi ;;
    *) log "unknown store '$store' (redis or postgresql)"; exit 1 ;;
  esac
done
