#!/usr/bin/env bash
# The side-by-side benchmark (flows-bench): the same three-step flow served by a plain controller
# (HttpSession; and Spring Session on Redis), Spring Web Flow 4.0.0 and Flows on each store (memory,
# JPA on H2, JPA on PostgreSQL, Redis), driven by whole-flow virtual users in alternating rounds;
# then JFR profiles, the scale measurements (1,000 and 1,000,000 live tasks in PostgreSQL and Redis,
# cleanup of 1,000,000 expired tasks while flows run, heap per task in memory). Writes BENCHMARKS.md.
#
#   bash scripts/bench.sh            # everything, about 45 minutes
#   bash scripts/bench.sh --quick    # short rounds, 100,000 instead of 1,000,000 tasks: for iterating
#
# Options: --users N (32), --warmup S (20, and at least --warmup-flows 2000 flows), --duration S (10),
# --rounds N (4: each variant gets rounds x duration, in slots alternating with the others'),
# --scale-tasks N (1000000), --no-profile, --no-scale, --out FILE (BENCHMARKS.md).
# On Debian as root, redis-server and postgresql are installed when missing. Redis and PostgreSQL
# run on free loopback ports without durability (as in scripts/test.sh), and everything this script
# starts is stopped when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

USERS=32; WARMUP=20; WARMUP_FLOWS=2000; DURATION=10; ROUNDS=4; SETTLE=2; SCALE_TASKS=1000000; PROFILE=1; SCALE=1
PROFILE_SECONDS=20; OUT="$ROOT/BENCHMARKS.md"; COMMAND="bash scripts/bench.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) WARMUP=5; WARMUP_FLOWS=1000; DURATION=5; ROUNDS=2; SETTLE=1; SCALE_TASKS=100000; PROFILE_SECONDS=8 ;;
    --users) USERS=$2; shift ;;
    --warmup) WARMUP=$2; shift ;;
    --warmup-flows) WARMUP_FLOWS=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --rounds) ROUNDS=$2; shift ;;
    --scale-tasks) SCALE_TASKS=$2; shift ;;
    --no-profile) PROFILE=0 ;;
    --no-scale) SCALE=0 ;;
    --out) OUT=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "[bench.sh] $*" >&2; }
is_root() { [ "$(id -u)" -eq 0 ]; }
as_postgres() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

install_missing_packages() {
  local missing=() package
  for package in redis-server postgresql; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return
  if ! is_root || ! command -v apt-get >/dev/null; then
    log "missing packages: ${missing[*]}; install them (as root: apt-get install -y ${missing[*]})"; exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
}

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

WORK=""; PG_BIN=""; PG_STARTED=""; APP_PIDS=()
stop_all() {
  local status=$? pid
  [ "$status" -ne 0 ] && log "failed (exit status $status) at line ${FAILED_LINE:-?}"
  for pid in "${APP_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${APP_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$WORK" ] && [ -f "$WORK/redis/redis.pid" ] && kill "$(cat "$WORK/redis/redis.pid")" 2>/dev/null || true
  [ -n "$PG_STARTED" ] && as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  [ -n "$WORK" ] && rm -rf "$WORK"
  log "stopped everything"
}

start_redis() {
  REDIS_PORT=$(free_port 6490)
  mkdir -p "$WORK/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$WORK/redis" --pidfile "$WORK/redis/redis.pid" --logfile "$WORK/redis/redis.log"
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  log "Redis on 127.0.0.1:$REDIS_PORT"
}

start_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  PG_PORT=$(free_port 5490)
  mkdir -p "$WORK/pg"
  if is_root; then chown postgres:postgres "$WORK/pg"; chmod 755 "$WORK"; fi
  as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/pg.log" \
    -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=256MB" -w start >/dev/null
  PG_STARTED=1
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres flows
  log "PostgreSQL on 127.0.0.1:$PG_PORT"
}

psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d flows -v ON_ERROR_STOP=1 -qAt "$@"; }
redis_() { redis-cli -p "$REDIS_PORT" "$@"; }

# Starts the bench app with a Spring profile on a free port; sets APP_PORT and APP_PID.
start_app() {
  local profile=$1
  APP_PORT=$(free_port "$2")
  BENCH_PORT=$APP_PORT BENCH_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
    BENCH_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/flows" \
    java -Xms1g -Xmx1g -XX:+UseG1GC -jar "$WORK/flows-bench.jar" --spring.profiles.active="$profile" \
    >"$WORK/app-$profile.log" 2>&1 &
  APP_PID=$!
  APP_PIDS+=("$APP_PID")
}

wait_app() {
  local port=$1 profile=$2 pid=$3 status=""
  for _ in $(seq 600); do
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/plain/name" 2>/dev/null || true)
    [ "$status" = 200 ] && return
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  log "the $profile app (pid $pid, port $port) did not answer (last status: ${status:-none}); its log:"
  tail -50 "$WORK/app-$profile.log" >&2; exit 1
}

driver() { java -Xmx768m -cp "$WORK/classes" dev.flows.bench.driver.LoadDriver --clk-tck "$(getconf CLK_TCK)" "$@"; }

# JFR's "profile" settings, with Java samples every millisecond instead of every 10 (more samples of a
# process that gets a small share of a busy machine).
jfr_settings() {
  local java_home
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  sed -E 's|<setting name="period" control="method-sampling-java-interval">[^<]*</setting>|<setting name="period">1 ms</setting>|' \
    "$java_home/lib/jfr/profile.jfc" >"$WORK/profile-1ms.jfc"
}

install_missing_packages
trap 'FAILED_LINE=$LINENO' ERR
trap stop_all EXIT
WORK=$(mktemp -d "${TMPDIR:-/tmp}/flows-bench.XXXXXX")

log "building flows-bench"
mvn -B -q -Pbench -pl flows-bench -am package -DskipTests
cp flows-bench/target/flows-bench.jar "$WORK/"
cp -r flows-bench/target/classes "$WORK/classes"
GIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
# (the file this script writes does not count)
git diff --quiet HEAD -- . ':!BENCHMARKS.md' 2>/dev/null || GIT="$GIT with uncommitted changes"
jfr_settings

start_redis
start_postgres
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')

# (each search starts after the port given to the app before, which is not listening yet)
start_app memory 8281; MEM_PORT=$APP_PORT; MEM_PID=$APP_PID
start_app session $((MEM_PORT + 1)); SES_PORT=$APP_PORT; SES_PID=$APP_PID
start_app session-jdbc $((SES_PORT + 1)); SJ_PORT=$APP_PORT; SJ_PID=$APP_PID
start_app jpa-h2 $((SJ_PORT + 1)); H2_PORT=$APP_PORT; H2_PID=$APP_PID
start_app jpa-pg $((H2_PORT + 1)); PG_APP_PORT=$APP_PORT; PG_APP_PID=$APP_PID
start_app redis $((PG_APP_PORT + 1)); RED_PORT=$APP_PORT; RED_PID=$APP_PID
for app in "memory $MEM_PORT $MEM_PID" "session $SES_PORT $SES_PID" "session-jdbc $SJ_PORT $SJ_PID" \
  "jpa-h2 $H2_PORT $H2_PID" \
  "jpa-pg $PG_APP_PORT $PG_APP_PID" "redis $RED_PORT $RED_PID"; do
  set -- $app; wait_app "$2" "$1" "$3"
done
log "apps up: memory $MEM_PID, session $SES_PID, session-jdbc $SJ_PID, jpa-h2 $H2_PID, jpa-pg $PG_APP_PID, redis $RED_PID"

V_A="a|plain controller, HttpSession|http://127.0.0.1:$MEM_PORT/plain|$MEM_PID|session|"
V_B="b|plain controller, Spring Session on Redis|http://127.0.0.1:$SES_PORT/plain|$SES_PID|session|redis-server"
V_BPG="b-pg|plain controller, Spring Session JDBC on PostgreSQL|http://127.0.0.1:$SJ_PORT/plain|$SJ_PID|session|postgres"
V_C="c|Spring Web Flow 4.0.0|http://127.0.0.1:$MEM_PORT/swf|$MEM_PID|session|"
V_CR="c-redis|Spring Web Flow, Spring Session on Redis|http://127.0.0.1:$SES_PORT/swf|$SES_PID|session|redis-server"
V_CPG="c-pg|Spring Web Flow, Spring Session JDBC on PostgreSQL|http://127.0.0.1:$SJ_PORT/swf|$SJ_PID|session|postgres"
V_MEM="d-mem|Flows, memory store|http://127.0.0.1:$MEM_PORT/flows|$MEM_PID|task|"
V_H2="d-h2|Flows, JPA on H2|http://127.0.0.1:$H2_PORT/flows|$H2_PID|task|"
V_PG="d-pg|Flows, JPA on PostgreSQL|http://127.0.0.1:$PG_APP_PORT/flows|$PG_APP_PID|task|postgres"
V_RED="d-redis|Flows, Redis store|http://127.0.0.1:$RED_PORT/flows|$RED_PID|task|redis-server"

log "side by side"
driver --users "$USERS" --warmup "$WARMUP" --warmup-flows "$WARMUP_FLOWS" --duration "$DURATION" \
  --rounds "$ROUNDS" --settle "$SETTLE" --heap-probe d-mem --in-memory-reference d-mem --title "Side by side, $USERS users" --out "$WORK/main.md" \
  --variant "$V_A" --variant "$V_B" --variant "$V_BPG" --variant "$V_C" --variant "$V_CR" --variant "$V_CPG" \
  --variant "$V_MEM" --variant "$V_H2" --variant "$V_PG" --variant "$V_RED"

: >"$WORK/profiles.md"
if [ "$PROFILE" = 1 ]; then
  for spec in "a|$MEM_PID|$V_A" "d-h2|$H2_PID|$V_H2" "d-pg|$PG_APP_PID|$V_PG" "d-redis|$RED_PID|$V_RED"; do
    key=${spec%%|*}; rest=${spec#*|}; pid=${rest%%|*}; variant=${rest#*|}
    log "profiling $key (JFR, $PROFILE_SECONDS s)"
    jcmd "$pid" JFR.start name=bench settings="$WORK/profile-1ms.jfc" >/dev/null
    driver --users "$USERS" --warmup 0 --duration "$PROFILE_SECONDS" --rounds 1 --settle 2 \
      --title "profiled $key" --out "$WORK/profile-$key.md" --variant "$variant" >/dev/null
    jcmd "$pid" JFR.stop name=bench filename="$WORK/$key.jfr" >/dev/null
    java -cp "$WORK/classes" dev.flows.bench.driver.JfrSummary "$(cut -d'|' -f2 <<<"$variant") ($key)" \
      "$WORK/$key.jfr" 15 >>"$WORK/profiles.md"
  done
fi

: >"$WORK/scale.md"
if [ "$SCALE" = 1 ]; then
  SCALE_USERS=$USERS
  # Each slot warms up as the side-by-side does (until the app's JIT is done and its CPU per flow
  # is steady). The profiles before leave the apps recompiling; a fixed 30-s warm-up measured them
  # still compiling (JIT up to 29% of the app's CPU), so their 1,000 and 1,000,000 lines differed
  # by more than the tasks did.
  # PostgreSQL: one task of the run as the template, then exactly the seeded tasks in the table.
  log "scale: PostgreSQL"
  psql_ -c "drop table if exists bench_template; create table bench_template as
              select * from flows_task where status = 'ACTIVE' order by updated_at desc limit 1; truncate flows_task;"
  seed_pg() { # $1 from, $2 to, $3 expiry expression
    psql_ -c "insert into flows_task (id, flow, position, history, state, log, binding, status, version, created_at,
                updated_at, expires_at, owner)
              select '~' || lpad(g::text, 21, '0'), flow, position, history, state, log, binding, status, version,
                created_at, updated_at, $3, owner from bench_template, generate_series($1, $2) g;"
    psql_ -c "vacuum analyze flows_task;"
  }
  seed_pg 1 1000 "now() + interval '2 hours'"
  driver --users "$SCALE_USERS" --warmup "$WARMUP" --warmup-flows "$WARMUP_FLOWS" --duration "$DURATION" --rounds 1 --settle 2 --title "pg 1k" \
    --out "$WORK/pg-1k.md" --tsv "$WORK/pg-1k.tsv" --variant "$V_PG" >/dev/null
  seed_pg 1001 "$SCALE_TASKS" "now() + interval '2 hours'"
  PG_ROWS=$(psql_ -c "select count(*) from flows_task")
  PG_SIZE=$(psql_ -c "select pg_size_pretty(pg_total_relation_size('flows_task'))")
  driver --users "$SCALE_USERS" --warmup "$WARMUP" --warmup-flows "$WARMUP_FLOWS" --duration "$DURATION" --rounds 1 --settle 2 --title "pg 1M" \
    --out "$WORK/pg-1m.md" --tsv "$WORK/pg-1m.tsv" --variant "$V_PG" >/dev/null

  # Cleanup of SCALE_TASKS expired tasks while flows keep running, from before the cleaner starts
  # until it returns (the driver stops when the cleaner has returned, at the latest after
  # CLEANUP_CAP s): with the users running flows flat out, then paced at half the flows/s they
  # reached flat out with 1,000 tasks (a machine with CPU to spare), with the default batch size and
  # a larger one; then with no flows running, for what the cleaner does with the cores to itself.
  CLEANUP_CAP=900
  PACED_RATE=$(awk -F'\t' 'NR == 1 { printf "%d", $5 / 2 }' "$WORK/pg-1k.tsv")
  # Where the CPU went while the cleaner ran: "busy total pg app" clock ticks since boot (the machine's
  # busy and total ticks from /proc/stat, all cores; PostgreSQL's postmaster and backends; the app).
  cpu_ticks() {
    local postmaster pids
    postmaster=$(head -n 1 "$WORK/pg/data/postmaster.pid" 2>/dev/null || true)
    pids=""
    [ -n "$postmaster" ] && pids="$postmaster $(ps -o pid= --ppid "$postmaster" 2>/dev/null | tr '\n' ' ' || true)"
    {
      head -n 1 /proc/stat
      for pid in $pids; do
        # (a backend may end between the listing and the reading)
        if [ -r "/proc/$pid/stat" ]; then echo "pg $(cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null || true)"; fi
      done
      echo "app $(cut -d' ' -f14,15 "/proc/$PG_APP_PID/stat")"
    } | awk '$1 == "cpu" { for (i = 2; i <= 9; i++) total += $i; busy = total - $5 - $6 }
             $1 == "pg" { pg += $2 + $3 } $1 == "app" { app += $2 + $3 }
             END { printf "%d %d %d %d", busy, total, pg, app }'
  }
  cleanup_run() { # $1 batch size, $2 tag, $3 flows per second ("flat" for flat out, "none" for no flows)
    log "scale: cleanup of $SCALE_TASKS expired tasks on PostgreSQL, batch $1, flows: $3"
    psql_ -c "delete from flows_task where id like '~%';"
    # The dead rows of the previous run go now, not under this one.
    psql_ -c "vacuum flows_task;"
    seed_pg 1 "$SCALE_TASKS" "now() - interval '1 minute'"
    local driver_pid="" rate=0
    rm -f "$WORK/cleanup-done" "$WORK/cleanup-$2-cap.txt"
    if [ "$3" != none ]; then
      [ "$3" != flat ] && rate=$3
      driver --users "$SCALE_USERS" --rate "$rate" --stop-file "$WORK/cleanup-done" --warmup 0 \
        --duration "$CLEANUP_CAP" --rounds 1 --settle 2 --title "pg cleanup" --out "$WORK/pg-cleanup-$2.md" \
        --tsv "$WORK/pg-cleanup-$2.tsv" --variant "$V_PG" >/dev/null 2>"$WORK/pg-cleanup-$2.log" &
      driver_pid=$!
      # the driver's own JIT settles before the cleaner starts
      sleep 10
    fi
    local before after
    before=$(cpu_ticks)
    curl -sf -X POST "http://127.0.0.1:$PG_APP_PORT/bench/cleanup?batch=$1" >"$WORK/cleanup-$2.txt"
    after=$(cpu_ticks)
    touch "$WORK/cleanup-done"
    echo "$before $after" >"$WORK/cleanup-$2-cpu.txt"
    if [ -n "$driver_pid" ]; then
      wait "$driver_pid"
      # the driver names the first error of each user that had one: keep those in this script's log
      grep -F "] d-pg: " "$WORK/pg-cleanup-$2.log" >&2 || true
      # a cleaner that outlasted the cap ran partly without flows: say so
      grep -q "stopped after" "$WORK/pg-cleanup-$2.log" || echo " (until the driver's cap of ${CLEANUP_CAP} s only)" >"$WORK/cleanup-$2-cap.txt"
    fi
    psql_ -c "select count(*) from flows_task where id like '~%'" >"$WORK/cleanup-$2-left.txt"
    log "cleanup, batch $1, flows: $3: $(cat "$WORK/cleanup-$2.txt") (left: $(cat "$WORK/cleanup-$2-left.txt"))"
  }
  cleanup_run 500 flat flat
  cleanup_run 500 paced "$PACED_RATE"
  cleanup_run 5000 paced-large "$PACED_RATE"
  cleanup_run 500 alone none
  psql_ -c "delete from flows_task where id like '~%';"
  # Now, not under the Redis measurements below: autovacuum would clean up the million dead rows then.
  psql_ -c "vacuum flows_task;"

  log "scale: Redis"
  TEMPLATE=$(redis_ eval "for _, k in ipairs(redis.call('KEYS', 'flows:task:*')) do
      if redis.call('HGET', k, 'status') == 'ACTIVE' then return k end end return ''" 0)
  redis_ copy "$TEMPLATE" bench:template >/dev/null
  redis_ persist bench:template >/dev/null
  redis_ --scan --pattern 'flows:task:*' | xargs -r -n 500 redis-cli -p "$REDIS_PORT" del >/dev/null
  seed_redis() { # $1 from, $2 to
    local from=$1 to
    while [ "$from" -le "$2" ]; do
      to=$((from + 9999)); [ "$to" -gt "$2" ] && to=$2
      redis_ eval "local f = redis.call('HGETALL', KEYS[1])
        for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do
          local k = 'flows:task:~' .. string.rep('0', 21 - #tostring(i)) .. i
          redis.call('HSET', k, unpack(f)); redis.call('PEXPIRE', k, 7200000)
        end return 1" 1 bench:template "$from" "$to" >/dev/null
      from=$((to + 1))
    done
  }
  seed_redis 1 1000
  driver --users "$SCALE_USERS" --warmup "$WARMUP" --warmup-flows "$WARMUP_FLOWS" --duration "$DURATION" --rounds 1 --settle 2 --title "redis 1k" \
    --out "$WORK/redis-1k.md" --tsv "$WORK/redis-1k.tsv" --variant "$V_RED" >/dev/null
  seed_redis 1001 "$SCALE_TASKS"
  REDIS_KEYS=$(redis_ dbsize)
  REDIS_MEMORY=$(redis_ info memory | grep '^used_memory_human:' | cut -d: -f2 | tr -d '\r')
  driver --users "$SCALE_USERS" --warmup "$WARMUP" --warmup-flows "$WARMUP_FLOWS" --duration "$DURATION" --rounds 1 --settle 2 --title "redis 1M" \
    --out "$WORK/redis-1m.md" --tsv "$WORK/redis-1m.tsv" --variant "$V_RED" >/dev/null

  N=$(LC_ALL=en_US.UTF-8 printf "%'d" "$SCALE_TASKS" 2>/dev/null || echo "$SCALE_TASKS")
  cleanup_line() { # $1 tag, $2 label, $3 what ran meanwhile
    local result removed micros
    result=$(cat "$WORK/cleanup-$1.txt")
    removed=$(sed -E 's/.*removed=([0-9]+).*/\1/' <<<"$result")
    micros=$(sed -E 's/.*micros=([0-9]+).*/\1/' <<<"$result")
    echo "| $2 | $3$(cat "$WORK/cleanup-$1-cap.txt" 2>/dev/null) | $removed | $((micros / 1000)) | **$(awk -v r="$removed" -v m="$micros" \
      'BEGIN { printf "%d", (m > 0) ? r * 1000000 / m : 0 }')** | $(cat "$WORK/cleanup-$1-left.txt") |$(
      awk -v r="$removed" -v cores="$(nproc)" -v hz="$(getconf CLK_TCK)" '{
        busy = $5 - $1; total = $6 - $2; pg = $7 - $3; app = $8 - $4; seconds = total / hz / cores
        if (total <= 0 || seconds <= 0) { print " - | - | - | - |"; exit }
        printf " %d%% | %.2f | %.2f | %.1f |", 100 * busy / total, pg / hz / seconds, app / hz / seconds,
          (r > 0) ? pg * 1000000 / hz / r : 0 }' "$WORK/cleanup-$1-cpu.txt")"
  }
  {
    echo "Step latency of Flows with few and with many live tasks in the store (the seeded tasks are copies of"
    echo "a task of the run, alive for two hours; the flows of the measurement add theirs), $SCALE_USERS users,"
    echo "$DURATION s each; the last columns compare the p50 of each step with the first line of the same store:"
    echo
    java -cp "$WORK/classes" dev.flows.bench.driver.LoadDriver --compare "1,000 seeded=$WORK/pg-1k.tsv" \
      "$N seeded=$WORK/pg-1m.tsv" "$N expired, cleanup (batch 500) running=$WORK/pg-cleanup-flat.tsv" \
      "$N expired, cleanup (batch 500) running, flows paced at $PACED_RATE/s=$WORK/pg-cleanup-paced.tsv" \
      "$N expired, cleanup (batch 5000) running, flows paced at $PACED_RATE/s=$WORK/pg-cleanup-paced-large.tsv" \
      "1,000 seeded=$WORK/redis-1k.tsv" "$N seeded=$WORK/redis-1m.tsv"
    echo
    echo "With $N seeded: PostgreSQL's flows_task held $PG_ROWS rows ($PG_SIZE with its indexes); Redis held"
    echo "$REDIS_KEYS keys ($REDIS_MEMORY used)."
    echo
    echo "**Cleanup** of $N expired tasks on PostgreSQL by the store's cleaner (\`TaskCleaner\`, as the"
    echo "scheduled job runs it), while the users kept running flows, from 10 s before the cleaner started until"
    echo "it returned (the \"cleanup running\" lines above): flat out, and paced at $PACED_RATE flows/s, half what"
    echo "they reached flat out with 1,000 tasks; and once with no flows running. What ran meanwhile is in the"
    echo "flows/s column of those lines."
    echo
    echo "While the cleaner ran: how busy the machine's $(nproc) cores were, the cores PostgreSQL (its"
    echo "postmaster and every backend: the cleaner's and those serving the flows) and the app used, and"
    echo "PostgreSQL's CPU per row removed (flows included, so only the line with no flows is the cleaner's"
    echo "own cost):"
    echo
    echo "| batch size | meanwhile | rows removed | ms | rows/s | expired rows left | machine busy | PostgreSQL, cores | app, cores | PostgreSQL CPU µs per row |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    cleanup_line flat "500 (the default, \`flows.cleanup.batch-size\`)" "$SCALE_USERS users running flows flat out"
    cleanup_line paced "500" "$SCALE_USERS users running flows, paced at $PACED_RATE/s"
    cleanup_line paced-large "5000" "$SCALE_USERS users running flows, paced at $PACED_RATE/s"
    cleanup_line alone "500" "no flows"
    echo
    echo "Redis needs no cleanup: each task's key expires with the task."
    echo
  } >"$WORK/scale.md"
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
CORES=$(nproc)
MEM=$(free -g | awk '/^Mem:/ { print $2 " GiB" }')
JAVA=$(java -version 2>&1 | head -1)
REDIS_VERSION=$(redis-server --version | awk '{ print $3 }')
PG_VERSION=$("$PG_BIN/postgres" --version | awk '{ print $3 }')

{
  cat <<EOF
# Benchmarks

Every number below comes from one run of

\`\`\`
$COMMAND
\`\`\`

on $DATE (commit $GIT): $CPU, $CORES cores, $MEM; $JAVA; Redis $REDIS_VERSION; PostgreSQL $PG_VERSION.
Load average before the run $LOAD_BEFORE, after it $LOAD_AFTER (the machine runs other work too:
absolute figures move from run to run, so each variant is given as a **ratio to the plain controller
measured in the same run**, in alternating rounds). App, load driver, Redis and PostgreSQL share the
same cores, on loopback; Redis and PostgreSQL run without durability (no fsync, no persistence).

## What is measured

One Spring Boot 4.1.2 app (\`flows-bench\`) serves the same three-step form flow (name, address,
confirm: two or three validated fields each, then a completion page; the same Thymeleaf templates
for every variant) as

- **a**: a plain \`@Controller\` keeping the answers in the HttpSession (POST-redirect-GET);
- **b**: the same controller with Spring Session on Redis (a separate app process, profile \`session\`);
- **b-pg**: the same controller with Spring Session JDBC on PostgreSQL (profile \`session-jdbc\`): what a
  team picks today to keep a wizard's state in the database its nodes share;
- **c**: Spring Web Flow 4.0.0, Java config as in its reference guide, every other setting its default;
- **c-redis** and **c-pg**: the same Spring Web Flow, its flow executions in an HttpSession kept by
  Spring Session on Redis and on PostgreSQL (the processes of b and b-pg): Spring Web Flow on several
  nodes, to compare with Flows on the same stores;
- **d**: Flows with its defaults, on each store (one app process per store: \`memory\`, \`jpa-h2\`,
  \`jpa-pg\`, \`redis\`; a, c and d-mem share the \`memory\` process).

The load driver (\`dev.flows.bench.driver.LoadDriver\`, a separate JVM) runs virtual users that
complete whole flows as a browser does: each flow is a new visitor with its own cookies; it loads the
entry page, then submits each step's form with its action and hidden fields and follows the
redirects, and checks that each answer is the expected page. Flows per second count completed flows;
the app's CPU per flow is user + system time of the app process (\`/proc/PID/stat\`) over the measured
time divided by the flows completed; the store server's CPU is that of its processes (\`postgres\`,
\`redis-server\`), and the load driver's that of its own process over the same slots: all three share
the cores, so what the store server and the driver spend per flow is CPU the app does not get.
Heap (1 GiB) and every JVM option are the same for every app.

## Side by side

EOF
  cat "$WORK/main.md"
  echo "## Scale"
  echo
  if [ "$SCALE" = 1 ]; then cat "$WORK/scale.md"; else echo "(not run: --no-scale)"; echo; fi
  echo "## Profiles"
  echo
  if [ "$PROFILE" = 1 ]; then
    echo "JFR (\`settings=profile\`, Java samples every millisecond) on the app process while $USERS users ran only that variant for"
    echo "$PROFILE_SECONDS s; summarized by \`dev.flows.bench.driver.JfrSummary\`. A sample counts for every part"
    echo "of the stack it passes through, so the shares of a table add up to more than 100%."
    echo
    if [ -f "$ROOT/flows-bench/PROFILES.md" ]; then cat "$ROOT/flows-bench/PROFILES.md"; echo; fi
    cat "$WORK/profiles.md"
  else
    echo "(not run: --no-profile)"
  fi
} >"$OUT"
log "wrote $OUT"
