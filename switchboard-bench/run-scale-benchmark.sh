#!/usr/bin/env bash
# Memory and scale of the gateway (issue 5): start-up with 1,000 configured lazy servers, heap and
# RSS of 10,000 idle upstream sessions, RSS idle and under load. Bounded in time; stops only the
# processes it started (by pid) and the children those started.
#
#   switchboard-bench/run-scale-benchmark.sh            about 4 minutes here, plus the build
#   switchboard-bench/run-scale-benchmark.sh --quick    about 2 minutes: fewer rounds and sessions
#   switchboard-bench/run-scale-benchmark.sh --help     every option
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/switchboard-bench/target/benchmarks.jar"
SB_JAR="$ROOT/switchboard-server/target/switchboard-server.jar"

usage() {
  cat <<'EOF'
Usage: switchboard-bench/run-scale-benchmark.sh [options]
  --servers N         lazy servers in the start-up configurations (default 1000)
  --sessions N        idle upstream sessions (default 10000, the most a view admits by default)
  --rounds N          starts of each start-up case, interleaved (default 5)
  --load-duration S   seconds of load for the RSS under load (default 20)
  --load-sessions N   concurrent sessions of that load (default 16)
  --gateway-opts "F"  JVM flags of every measured gateway (default none)
  --idle-heap "F"     JVM flags of the gateway holding the idle sessions (default -Xmx512m: the target)
  --aot               also time a start with a JDK 25 AOT cache (trained here first)
  --skip-launcher     leave out the start through ./switchboard (it may rebuild the project first)
  --quick             3 rounds, 2,000 sessions, 10 s of load: a smoke test
  --out DIR           where results go (default switchboard-bench/target/scale)
Environment: SKIP_BUILD=1 reuses the jars; JAVA_HOME picks the JDK (21+, 25 recommended).
Writes DIR/results-STAMP.jsonl (one JSON line per measurement, with its "step"), DIR/report-STAMP.md
(the table), DIR/machine-STAMP.txt and the gateways' logs; prints the table.
EOF
}

SERVERS=1000 SESSIONS=10000 ROUNDS=5 LOAD_DURATION=20 LOAD_SESSIONS=16 AOT=0 LAUNCHER=1
GATEWAY_OPTS="" IDLE_HEAP="-Xmx512m" OUT="$ROOT/switchboard-bench/target/scale"
while [ $# -gt 0 ]; do
  case "$1" in
    --servers) SERVERS="$2"; shift 2 ;;
    --sessions) SESSIONS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --load-duration) LOAD_DURATION="$2"; shift 2 ;;
    --load-sessions) LOAD_SESSIONS="$2"; shift 2 ;;
    --gateway-opts) GATEWAY_OPTS="$2"; shift 2 ;;
    --idle-heap) IDLE_HEAP="$2"; shift 2 ;;
    --aot) AOT=1; shift ;;
    --skip-launcher) LAUNCHER=0; shift ;;
    --quick) ROUNDS=3 SESSIONS=2000 LOAD_DURATION=10; shift ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run-scale-benchmark: $1: unknown option" >&2; usage >&2; exit 2 ;;
  esac
done

# shellcheck source=jdk.sh
. "$ROOT/switchboard-bench/jdk.sh"
use_jdk run-scale-benchmark
STAMP="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
RESULTS="$OUT/results-$STAMP.jsonl"
LOGS="$OUT/logs-$STAMP"
mkdir -p "$LOGS"
log() { echo "run-scale-benchmark: $*" >&2; }

# --- processes: every one started here is stopped by pid, with the children it started ----------
PIDS=()
stop_pid() { # TERM to $1 and its children, KILL to what is left after 20 s
  local pid="$1" children i
  kill -0 "$pid" 2>/dev/null || return 0
  children="$(pgrep -P "$pid" || true)"
  kill -TERM "$pid" $children 2>/dev/null || true
  for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" $children 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && stop_pid "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

GATEWAY_PID="" GATEWAY_BASE=""
start_gateway() { # start_gateway NAME CONFIG JVM-FLAGS...: sets GATEWAY_PID and GATEWAY_BASE
  local name="$1" config="$2" i
  shift 2
  # shellcheck disable=SC2086
  "$JAVA" "$@" $GATEWAY_OPTS -jar "$SB_JAR" serve --config "$config" --listen 127.0.0.1:0 >"$LOGS/$name.log" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  for i in $(seq 1 240); do
    GATEWAY_BASE="$(grep -o 'listening on http://[^ ]*' "$LOGS/$name.log" | head -1 | sed 's/listening on //' || true)"
    if [ -n "$GATEWAY_BASE" ] && curl -fs -o /dev/null "${GATEWAY_BASE}readyz"; then return 0; fi
    kill -0 "$GATEWAY_PID" 2>/dev/null || break
    sleep 0.5
  done
  log "the gateway $name did not become ready (log: $LOGS/$name.log)"
  return 1
}
record() { # record STEP [LABEL]: stdin's JSON lines into the results, each with "step" (and "label")
  local extra="\"step\":\"$1\""
  [ $# -gt 1 ] && extra="$extra,\"label\":\"$2\""
  sed -n "s/^{/{$extra,/p" | tee -a "$RESULTS" >/dev/null
}
bounded() { timeout --kill-after=10 "$@"; }

# --- build and inputs ----------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ] || [ ! -f "$SB_JAR" ]; then
  log "building benchmarks.jar and switchboard-server.jar"
  (cd "$ROOT" && ./mvnw -B -q -pl switchboard-bench,switchboard-server -am package -DskipTests \
      -Dspotless.check.skip=true -Djacoco.skip=true)
fi
{
  echo "date: $(date -u +%FT%TZ)"; echo "host: $(uname -srm)"; echo "cpus: $(nproc)"
  grep -m1 'model name' /proc/cpuinfo 2>/dev/null || true
  free -m 2>/dev/null | sed -n 2p || true
  "$JAVA" -version 2>&1 | head -1
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
  echo "gateway JVM flags: ${GATEWAY_OPTS:-none}; idle-session gateway: $IDLE_HEAP"
} >"$OUT/machine-$STAMP.txt"
scale_config() { bounded 60 "$JAVA" -cp "$JAR" dev.switchboard.bench.scale.ScaleConfig "$@" 2>>"$LOGS/configs.log"; }
export SWITCHBOARD_HOME="$ROOT"
C1="$OUT/config-1-stdio.yaml" CS="$OUT/config-$SERVERS-stdio.yaml" CR="$OUT/config-$SERVERS-remote.yaml"
scale_config --servers 1 --out "$C1"
scale_config --servers "$SERVERS" --out "$CS"
# nothing listens on port 9: lazy servers are never connected
scale_config --servers "$SERVERS" --remote 'http://127.0.0.1:9/mcp/{name}' --out "$CR"
DEMO="$OUT/config-demo.yaml"
cat >"$DEMO" <<EOF
mcpServers:
  demo:
    command: "$JAVA"
    args: ["-XX:+UseSerialGC", "-Xmx256m", "-cp", "$JAR", "dev.switchboard.mcp.demo.DemoServer"]
gateway:
  listen: "127.0.0.1:0"
EOF

# --- 1. start-up with N lazy servers -------------------------------------------------------------
log "in-process start-up: ConfigLoader + Switchboard.builder().build(), 3 cold JVMs x 10 rounds"
for run in 1 2 3; do
  bounded 300 "$JAVA" -cp "$JAR" dev.switchboard.bench.scale.StartupTime --config "$CS" --rounds 10 \
    | record inprocess || log "in-process start-up failed"
done
for config in "$CR" "$C1"; do
  bounded 300 "$JAVA" -cp "$JAR" dev.switchboard.bench.scale.StartupTime --config "$config" --rounds 10 \
    | record inprocess || log "in-process start-up of $config failed"
done

SERVE=("$JAVA")
# shellcheck disable=SC2206
[ -n "$GATEWAY_OPTS" ] && SERVE+=($GATEWAY_OPTS)
SERVE+=(-jar "$SB_JAR" serve --listen 127.0.0.1:0 --config)
CASES=(--case "1-stdio=${SERVE[*]} $C1" --case "$SERVERS-stdio=${SERVE[*]} $CS" --case "$SERVERS-remote=${SERVE[*]} $CR")
if [ "$LAUNCHER" = 1 ]; then
  log "./switchboard --version once, unmeasured: it builds first when the sources changed"
  (cd "$ROOT" && bounded 900 ./switchboard --version >"$LOGS/launcher-build.log" 2>&1) || log "the launcher failed (see $LOGS/launcher-build.log)"
  CASES+=(--case "$SERVERS-stdio-launcher=$ROOT/switchboard serve --listen 127.0.0.1:0 --config $CS")
fi
if [ "$AOT" = 1 ]; then
  log "training an AOT cache (JDK 25): one start recorded, then the cache created"
  AOT_CONF="$OUT/switchboard.aotconf" AOT_CACHE="$OUT/switchboard.aot"
  rm -f "$AOT_CONF" "$AOT_CACHE"
  start_gateway aot-train "$CS" -XX:AOTMode=record -XX:AOTConfiguration="$AOT_CONF" || true
  stop_pid "$GATEWAY_PID"
  bounded 300 "$JAVA" -XX:AOTMode=create -XX:AOTConfiguration="$AOT_CONF" -XX:AOTCache="$AOT_CACHE" -jar "$SB_JAR" --version \
    >"$LOGS/aot-create.log" 2>&1 || log "no AOT cache (see $LOGS/aot-create.log)"
  [ -f "$AOT_CACHE" ] && CASES+=(--case "$SERVERS-stdio-aot=$JAVA -XX:AOTCache=$AOT_CACHE ${GATEWAY_OPTS} -jar $SB_JAR serve --listen 127.0.0.1:0 --config $CS")
fi
log "serve start-up to /readyz 200: $(( ${#CASES[@]} / 2 )) cases x $ROUNDS rounds, interleaved"
bounded 1200 "$JAVA" -cp "$JAR" dev.switchboard.bench.scale.ServeStartup --rounds "$ROUNDS" "${CASES[@]}" \
  | tee "$LOGS/serve-startup.jsonl" | record serve || log "serve start-up failed (see $LOGS/serve-startup.jsonl)"

# --- 2. idle upstream sessions on the aggregate view ---------------------------------------------
for mode in sessions streams; do
  # shellcheck disable=SC2086
  start_gateway "idle-$mode" "$C1" $IDLE_HEAP || continue
  flags=(--label "$mode"); [ "$mode" = streams ] && flags+=(--streams)
  log "$SESSIONS idle sessions ($mode) on ${GATEWAY_BASE}mcp, gateway pid $GATEWAY_PID ($IDLE_HEAP)"
  bounded 900 "$JAVA" -cp "$JAR" dev.switchboard.bench.scale.IdleSessions --url "${GATEWAY_BASE}mcp" \
    --pid "$GATEWAY_PID" --sessions "$SESSIONS" --histogram 25 "${flags[@]}" 2>"$LOGS/idle-$mode-histogram.txt" \
    | record idle || log "idle sessions ($mode) failed"
  grep -q OutOfMemoryError "$LOGS/idle-$mode.log" && log "the gateway ran out of memory (see $LOGS/idle-$mode.log)"
  stop_pid "$GATEWAY_PID"
done

# --- 3. RSS idle and under load -------------------------------------------------------------------
if start_gateway load "$DEMO"; then
  bounded 60 "$JAVA" -cp "$JAR" dev.switchboard.bench.load.ProcessMemory "$GATEWAY_PID" | record memory "idle, just started" || true
  log "load: $LOAD_SESSIONS sessions calling demo__echo for ${LOAD_DURATION}s, watching pid $GATEWAY_PID"
  bounded $((LOAD_DURATION + 180)) "$JAVA" -cp "$JAR" dev.switchboard.bench.load.LoadGenerator --url "${GATEWAY_BASE}mcp" \
    --sessions "$LOAD_SESSIONS" --warmup 3s --duration "${LOAD_DURATION}s" --tool demo__echo --expect hi \
    --watch-pid "$GATEWAY_PID" --quiet | record load || log "the load failed"
  bounded 60 "$JAVA" -cp "$JAR" dev.switchboard.bench.load.ProcessMemory "$GATEWAY_PID" | record memory "after the load" || true
  bounded 120 "$JAVA" -cp "$JAR" dev.switchboard.bench.scale.MemoryProbe "$GATEWAY_PID" "after the load" | record heap || true
fi
stop_pid "$GATEWAY_PID"

# --- report ---------------------------------------------------------------------------------------
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" >>"$OUT/machine-$STAMP.txt"
"$JAVA" -cp "$JAR" dev.switchboard.bench.scale.ScaleReport "$RESULTS" | tee "$OUT/report-$STAMP.md"
cat "$OUT/machine-$STAMP.txt" >&2
log "results: $RESULTS"
