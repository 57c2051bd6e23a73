#!/usr/bin/env bash
# Measures MCP gateways side by side on loopback, in interleaved rounds: each downstream server
# called directly, and through supergateway, mcp-proxy and Switchboard, with the Java load generator
# and the TypeScript SDK one, at several session counts, pooled and cold. Prints a table of medians
# and ratios and writes everything under switchboard-bench/target/gateway-comparison/.
#
#   switchboard-bench/compare-gateways.sh            the full matrix, at most --budget (15) minutes
#   switchboard-bench/compare-gateways.sh --quick    one round, 1 and 16 sessions: about 5 minutes
#   switchboard-bench/compare-gateways.sh --help     every option
#
# Needs a JDK 21+ (25 recommended), Node 20+ and npm (interop/ is installed with npm ci when needed).
# Every process it starts listens on 127.0.0.1 (server-everything's HTTP mode binds every interface:
# it is only ever called on 127.0.0.1) and is stopped by its id, with its descendants, at the end,
# also when the run fails or is interrupted. Every load run is bounded in time and calls.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/switchboard-bench/target/benchmarks.jar"
SB_JAR="$ROOT/switchboard-server/target/switchboard-server.jar"
INTEROP="$ROOT/interop"
EVERYTHING="$INTEROP/node_modules/@modelcontextprotocol/server-everything/dist/index.js"
SUPERGATEWAY="$INTEROP/node_modules/supergateway/dist/index.js"
MCP_PROXY="$INTEROP/node_modules/mcp-proxy/dist/bin/mcp-proxy.mjs"
LOAD_TS="$INTEROP/load-ts.mjs"

usage() {
  cat <<'EOF'
Usage: switchboard-bench/compare-gateways.sh [options]
  --quick               1 round, sessions "1 16"
  --rounds N            interleaved rounds (default 3)
  --sessions "LIST"     concurrent sessions (default "1 16 64")
  --modes "LIST"        pooled and/or cold (default "pooled cold")
  --clients "LIST"      load generators: java (ours) and/or ts (the TypeScript SDK's) (default "java ts")
  --downstreams "LIST"  everything (server-everything) and/or demo (the demo server) (default both)
  --contenders "LIST"   direct, supergateway, mcp-proxy, switchboard, stdio (default: all but stdio)
  --warmup S            unmeasured seconds before each measurement (default 0.5)
  --duration S          measured seconds (default 1.5)
  --call-timeout S      a call or connect slower than this fails (default 5)
  --budget MIN          start no round for a downstream that would end after MIN minutes (default 15);
                        the report covers the rounds done
  --out DIR             where results go (default switchboard-bench/target/gateway-comparison)
Environment:
  SKIP_BUILD=1          reuse switchboard-bench/target/benchmarks.jar
  SWITCHBOARD_SERVE     the Switchboard contender's command; {config}, {port} are replaced (default:
                        java -jar switchboard-server/target/switchboard-server.jar serve --config {config}
                        --listen 127.0.0.1:{port}); its tool is SWITCHBOARD_TOOL (default {server}__echo)
  DEMO_JVM_OPTS         JVM options of every demo server process (default -XX:+UseSerialGC -Xmx256m)
  LOADGEN_JAVA_OPTS     JVM options of the Java load generator
  SUPERGATEWAY_DEMO_MAX_SESSIONS  the most sessions supergateway is measured with in front of the
                        demo server (default 16): it starts one JVM per session
Contenders: direct = the downstream serving Streamable HTTP itself (server-everything's streamableHttp
mode; the demo server's --http); supergateway and mcp-proxy = the downstream over stdio behind the
peer; switchboard = the downstream over stdio behind Switchboard's /mcp; stdio = the load generator
speaking stdio to the downstream itself (one process per session; not in the default set).
EOF
}

ROUNDS=3 SESSIONS="1 16 64" MODES="pooled cold" CLIENTS="java ts" DOWNSTREAMS="everything demo"
CONTENDERS="direct supergateway mcp-proxy switchboard" WARMUP=0.5 DURATION=1.5 CALL_TIMEOUT=5 BUDGET=15
OUT="$ROOT/switchboard-bench/target/gateway-comparison"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) ROUNDS=1 SESSIONS="1 16"; shift ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --sessions) SESSIONS="$2"; shift 2 ;;
    --modes) MODES="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --downstreams) DOWNSTREAMS="$2"; shift 2 ;;
    --contenders) CONTENDERS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --call-timeout) CALL_TIMEOUT="$2"; shift 2 ;;
    --budget) BUDGET="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare-gateways: option: $1 (expected: one of --help)" >&2; exit 2 ;;
  esac
done
[[ "$ROUNDS" =~ ^[1-9][0-9]?$ ]] || { echo "compare-gateways: --rounds: $ROUNDS (expected: 1..99)" >&2; exit 2; }
for v in "--budget:$BUDGET" "--warmup:$WARMUP" "--duration:$DURATION" "--call-timeout:$CALL_TIMEOUT"; do
  [[ "${v#*:}" =~ ^[0-9]+(\.[0-9]+)?$ ]] && awk -v x="${v#*:}" 'BEGIN { exit !(x <= 600) }' ||
    { echo "compare-gateways: ${v%%:*}: ${v#*:} (expected: seconds, at most 600)" >&2; exit 2; }
done

log() { echo "compare-gateways: $*" >&2; }

# ---------------------------------------------------------------- tools

# shellcheck source=jdk.sh
. "$ROOT/switchboard-bench/jdk.sh"
use_jdk compare-gateways
command -v node >/dev/null || { log "node (20+) is needed for the peers and the TypeScript client"; exit 1; }

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && ./mvnw -B -q -pl switchboard-bench -am package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true)
fi
if [ ! -f "$INTEROP/node_modules/.package-lock.json" ] || [ "$INTEROP/package-lock.json" -nt "$INTEROP/node_modules/.package-lock.json" ]; then
  log "installing the pinned npm packages (npm ci in interop/)"
  (cd "$INTEROP" && npm ci --no-audit --no-fund --loglevel=error)
fi

DEMO_JVM_OPTS="${DEMO_JVM_OPTS:--XX:+UseSerialGC -Xmx256m}"
# shellcheck disable=SC2206 # word lists on purpose
DEMO_CMD=("$JAVA" $DEMO_JVM_OPTS -cp "$JAR" dev.switchboard.mcp.demo.DemoServer)
EVERYTHING_CMD=(node "$EVERYTHING" stdio)

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
LOGS="$OUT/logs-$STAMP"
mkdir -p "$LOGS"
RESULTS="$OUT/results-$STAMP.jsonl"
: >"$RESULTS"

# ---------------------------------------------------------------- processes we start

declare -a STARTED=()

descendants() { # every descendant of $1, one per line
  ps -e -o pid=,ppid= | awk -v root="$1" '{ kids[$2] = kids[$2] " " $1 }
    END { n = split(kids[root], q, " "); for (i = 1; i <= n && i < 100000; i++) { print q[i];
          m = split(kids[q[i]], k, " "); for (j = 1; j <= m; j++) q[++n] = k[j] } }'
}

stop_pid() { # stops $1 (its process group when it leads one) and every descendant it had
  local pid="$1" tree i
  kill -0 "$pid" 2>/dev/null || return 0
  tree="$(descendants "$pid" | tr '\n' ' ')"
  if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then kill -TERM -- "-$pid" 2>/dev/null || true
  else kill -TERM "$pid" 2>/dev/null || true; fi
  for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  # shellcheck disable=SC2086 # a list of pids
  for p in $tree; do kill -KILL "$p" 2>/dev/null || true; done
}

stop_all() {
  local pid
  for pid in "${STARTED[@]}"; do stop_pid "$pid"; done
  STARTED=()
}
trap 'stop_all; stop_clients' EXIT
trap 'log "interrupted"; exit 130' INT TERM

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

await_port() { # waits until 127.0.0.1:$2 accepts connections, while pid $1 lives; at most 60 s
  local pid="$1" port="$2" i
  for i in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || return 1
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo -1; }

# ---------------------------------------------------------------- contenders

contender_kind() {
  case "$1" in direct) echo direct ;; supergateway|mcp-proxy) echo peer ;; switchboard) echo switchboard ;; *) echo baseline ;; esac
}

stdio_cmd() { # the downstream's stdio command line, one word per line
  case "$1" in everything) printf '%s\n' "${EVERYTHING_CMD[@]}" ;; demo) printf '%s\n' "${DEMO_CMD[@]}" ;; esac
}

contender_tool() {
  case "$1" in
    switchboard) local t="${SWITCHBOARD_TOOL:-{server\}__echo}"; echo "${t//\{server\}/$2}" ;;
    *) echo echo ;;
  esac
}

SWITCHBOARD_SKIP=""
switchboard_check() {
  [ -n "${SWITCHBOARD_SERVE:-}" ] && return 0
  if [ ! -f "$SB_JAR" ]; then
    SWITCHBOARD_SKIP="$SB_JAR is missing (build it: ./mvnw -B -q -pl switchboard-server -am package -DskipTests)"
  elif ! timeout 60 "$JAVA" -jar "$SB_JAR" serve --help >/dev/null 2>&1; then
    SWITCHBOARD_SKIP="$SB_JAR has no serve command yet"
  fi
  [ -z "$SWITCHBOARD_SKIP" ]
}

switchboard_config() { # writes the config of downstream $1 on port $2 and prints its path
  local file="$OUT/switchboard-$1.json"
  mapfile -t words < <(stdio_cmd "$1")
  node -e 'const [name, port, command, ...args] = process.argv.slice(1);
    console.log(JSON.stringify({ gateway: { listen: `127.0.0.1:${port}` },
      mcpServers: { [name]: { command, args } } }, null, 2));' "$1" "$2" "${words[@]}" >"$file"
  echo "$file"
}

# Starts contender $1 in front of downstream $2; sets C_PID, C_URL. Returns 1 when it cannot start.
start_contender() {
  local c="$1" d="$2" port logf
  port="$(free_port)"; logf="$LOGS/$c-$d-$port.log"
  mapfile -t words < <(stdio_cmd "$d")
  case "$c" in
    direct)
      if [ "$d" = everything ]; then
        PORT="$port" setsid node "$EVERYTHING" streamableHttp >"$logf" 2>&1 &
      else
        setsid "${DEMO_CMD[@]}" --http "$port" >"$logf" 2>&1 &
      fi ;;
    supergateway)
      setsid node "$SUPERGATEWAY" --stdio "${words[*]}" --outputTransport streamableHttp --stateful \
        --port "$port" --logLevel none >"$logf" 2>&1 & ;;
    mcp-proxy)
      setsid node "$MCP_PROXY" --port "$port" --host 127.0.0.1 --server stream -- "${words[@]}" >"$logf" 2>&1 & ;;
    switchboard)
      local config template
      config="$(switchboard_config "$d" "$port")"
      # The default lives in a variable: braces inside ${VAR:-...} would end the expansion early.
      template="$JAVA -jar $SB_JAR serve --config {config} --listen 127.0.0.1:{port}"
      [ -n "${SWITCHBOARD_SERVE:-}" ] && template="$SWITCHBOARD_SERVE"
      template="${template//\{config\}/$config}"; template="${template//\{port\}/$port}"
      # shellcheck disable=SC2086 # the template is a command line
      setsid $template >"$logf" 2>&1 & ;;
    stdio)
      C_PID=""; C_URL="stdio"; return 0 ;;
    *) log "contender: $c (expected: direct, supergateway, mcp-proxy, switchboard or stdio)"; return 1 ;;
  esac
  C_PID=$!; STARTED+=("$C_PID"); C_URL="http://127.0.0.1:$port/mcp"
  if ! await_port "$C_PID" "$port"; then
    log "$c in front of $d did not listen on $port; its log ($logf):"; tail -20 "$logf" >&2 || true
    return 1
  fi
}

# ---------------------------------------------------------------- load runs

# Runs one load; sets LOAD_JSON to the load generator's JSON line, or to nothing.
run_load() {
  LOAD_JSON=""
  local client="$1" c="$2" d="$3" mode="$4" n="$5" tool="$6" url="$7" pid="$8" label="$9"
  local -a args=(--sessions "$n" --warmup "$WARMUP" --duration "$DURATION" --call-timeout "$CALL_TIMEOUT"
    --tool "$tool" --args '{"message":"hi"}' --expect hi --label "$label" --quiet --max-calls 2000000)
  [ "$mode" = cold ] && args+=(--cold)
  [ -n "$pid" ] && args+=(--watch-pid "$pid")
  if [ "$c" = stdio ]; then mapfile -t words < <(stdio_cmd "$d"); args+=(-- "${words[@]}"); else args+=(--url "$url"); fi
  local hard; hard="$(awk -v w="$WARMUP" -v d="$DURATION" -v t="$CALL_TIMEOUT" 'BEGIN { printf "%d", w + d + 4 * t + 90 }')"
  run_client "$client" "$hard" "${args[@]}"
}

# Each load generator runs in one process for the whole comparison (--stdin: one run per line, the
# options separated by tabs; one JSON line back), so that its client code is compiled as a
# long-running client's would be rather than cold in every run, and no run pays a start-up.
declare -A CLIENT_PID CLIENT_IN CLIENT_OUT
start_client() {
  local name="$1" in="$LOGS/$1.in" out="$LOGS/$1.out" fd_in fd_out
  rm -f "$in" "$out"; mkfifo "$in" "$out"
  case "$name" in
    # shellcheck disable=SC2086 # a list of JVM options
    java) "$JAVA" ${LOADGEN_JAVA_OPTS:-} -cp "$JAR" dev.switchboard.bench.load.LoadGenerator --stdin <"$in" >"$out" 2>>"$LOGS/load-java.err" & ;;
    ts) node "$LOAD_TS" --stdin <"$in" >"$out" 2>>"$LOGS/load-ts.err" & ;;
    *) log "client: $name (expected: java or ts)"; exit 2 ;;
  esac
  CLIENT_PID[$name]=$!
  exec {fd_in}>"$in"; exec {fd_out}<"$out"
  CLIENT_IN[$name]=$fd_in; CLIENT_OUT[$name]=$fd_out
}
stop_client() {
  local name="$1"
  [ -n "${CLIENT_PID[$name]:-}" ] || return 0
  local fd_in="${CLIENT_IN[$name]}" fd_out="${CLIENT_OUT[$name]}"
  exec {fd_in}>&- {fd_out}<&-
  stop_pid "${CLIENT_PID[$name]}"; wait "${CLIENT_PID[$name]}" 2>/dev/null || true
  unset "CLIENT_PID[$name]"
  rm -f "$LOGS/$name.in" "$LOGS/$name.out"
}
stop_clients() { local name; for name in "${!CLIENT_PID[@]}"; do stop_client "$name"; done; }

run_client() {
  local name="$1" hard="$2" line="" joined; shift 2
  if [ -z "${CLIENT_PID[$name]:-}" ] || ! kill -0 "${CLIENT_PID[$name]}" 2>/dev/null; then
    stop_client "$name"; start_client "$name"
  fi
  joined="$(IFS=$'\t'; echo "$*")"
  printf '%s\n' "$joined" >&"${CLIENT_IN[$name]}"
  if IFS= read -r -t "$hard" line <&"${CLIENT_OUT[$name]}" && [[ "$line" == "{"* ]]; then
    LOAD_JSON="$line"
  else
    log "the $name load generator gave no JSON line within $hard s; starting a new one"
    stop_client "$name"
  fi
}

# Waits until contender $1 has no more processes than $2 (children of cold sessions exiting), 10 s at most.
await_quiet() {
  local pid="$1" base="$2" i
  [ -n "$pid" ] || return 0
  for i in $(seq 100); do
    [ "$(descendants "$pid" | wc -l)" -le "$base" ] && return 0
    sleep 0.1
  done
}

# Why contender $1 in front of downstream $2 is not measured with $3 sessions, or nothing.
# supergateway (stateful) starts one downstream process per session: the demo server is a JVM, and
# more than a few dozen JVMs starting at once on a small machine only measure the machine.
SUPERGATEWAY_DEMO_MAX_SESSIONS="${SUPERGATEWAY_DEMO_MAX_SESSIONS:-16}"
skip_reason() {
  if [ "$1" = supergateway ] && [ "$2" = demo ] && [ "$3" -gt "$SUPERGATEWAY_DEMO_MAX_SESSIONS" ]; then
    echo "skipped: supergateway would start $3 demo-server JVMs at once (SUPERGATEWAY_DEMO_MAX_SESSIONS=$SUPERGATEWAY_DEMO_MAX_SESSIONS)"
  fi
}

# ---------------------------------------------------------------- the matrix

declare -A C_PIDS C_URLS C_IDLE C_BASE C_KIND LIVE
read -r -a CONTENDER_LIST <<<"$CONTENDERS"
if [[ " $CONTENDERS " == *" switchboard "* ]] && ! switchboard_check; then
  log "skipping the switchboard contender: $SWITCHBOARD_SKIP"
  log "  (set SWITCHBOARD_SERVE to a command with {config} and {port} to run another build)"
  CONTENDER_LIST=("${CONTENDER_LIST[@]/switchboard}")
fi
read -r -a CONTENDER_LIST <<<"${CONTENDER_LIST[*]}"
read -r -a CLIENT_LIST <<<"$CLIENTS"

{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
  echo "java: $("$JAVA" -version 2>&1 | head -1); node: $(node --version)"
  echo "started: $STAMP; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command: $0 --rounds $ROUNDS --sessions \"$SESSIONS\" --modes \"$MODES\" --clients \"$CLIENTS\" --downstreams \"$DOWNSTREAMS\" --contenders \"${CONTENDER_LIST[*]}\" --warmup $WARMUP --duration $DURATION --call-timeout $CALL_TIMEOUT"
} | tee "$OUT/machine-$STAMP.txt" >&2

started_at=$SECONDS
budget_s="$(awk -v m="$BUDGET" 'BEGIN { printf "%d", m * 60 }')"
block_s=0 rounds_done=0 blocks_done=0
read -r -a DOWNSTREAM_LIST <<<"$DOWNSTREAMS"
blocks_total=$((ROUNDS * ${#DOWNSTREAM_LIST[@]}))
for round in $(seq "$ROUNDS"); do
  for d in $DOWNSTREAMS; do
    # the budget: a block (one round of one downstream) takes about as long as the last one did
    if [ $((SECONDS - started_at + block_s)) -gt "$budget_s" ]; then
      log "stopping before round $round of $d: it would end after the budget of $BUDGET minutes"
      break 2
    fi
    block_start=$SECONDS
    # a new process of every contender each round; rotate their order so none is always first
    n_c=${#CONTENDER_LIST[@]}; order=()
    for i in $(seq 0 $((n_c - 1))); do order+=("${CONTENDER_LIST[$(((i + round - 1) % n_c))]}"); done
    clients=("${CLIENT_LIST[@]}")
    if [ $((round % 2)) -eq 0 ]; then mapfile -t clients < <(printf '%s\n' "${CLIENT_LIST[@]}" | tac); fi
    declare -A LIVE=()
    for c in "${order[@]}"; do
      C_KIND[$c]="$(contender_kind "$c")"
      if start_contender "$c" "$d"; then
        C_PIDS[$c]="$C_PID"; C_URLS[$c]="$C_URL"
        C_IDLE[$c]="$([ -n "$C_PID" ] && rss_kb "$C_PID" || echo -1)"
        tool="$(contender_tool "$c" "$d")"
        # unmeasured: wakes the contender (JIT, lazy connections, the first downstream sessions)
        WARMUP=0 DURATION=1 run_load java "$c" "$d" pooled 4 "$tool" "$C_URL" "" prime
        C_BASE[$c]="$([ -n "$C_PID" ] && descendants "$C_PID" | wc -l || echo 0)"
        LIVE[$c]="yes"
      else
        LIVE[$c]="did not start (see logs-$STAMP/$c-$d-*.log)"; C_PIDS[$c]=""; C_IDLE[$c]=-1
      fi
    done
    for mode in $MODES; do
      for n in $SESSIONS; do
        for client in "${clients[@]}"; do
          for c in "${order[@]}"; do
            head="{\"round\":$round,\"downstream\":\"$d\",\"contender\":\"$c\",\"kind\":\"${C_KIND[$c]}\",\"client\":\"$client\",\"mode\":\"$mode\",\"sessions\":$n,\"rss_idle_kb\":${C_IDLE[$c]:--1}"
            skip="$(skip_reason "$c" "$d" "$n")"
            if [ -n "$skip" ] || [ "${LIVE[$c]}" != yes ]; then
              echo "$head,\"failure\":\"${skip:-${LIVE[$c]}}\"}" >>"$RESULTS"
              continue
            fi
            tool="$(contender_tool "$c" "$d")"
            label="round=$round downstream=$d contender=$c client=$client mode=$mode sessions=$n"
            log "$label (elapsed $((SECONDS - started_at)) s)"
            run_load "$client" "$c" "$d" "$mode" "$n" "$tool" "${C_URLS[$c]}" "${C_PIDS[$c]}" "$label"
            read -r la1 la5 la15 _ </proc/loadavg
            head="$head,\"load_average\":\"$la1 $la5 $la15\""
            if [ -n "$LOAD_JSON" ]; then
              echo "$head,\"result\":$LOAD_JSON}" >>"$RESULTS"
            else
              echo "$head,\"failure\":\"no JSON line from the $client load generator (see logs-$STAMP/load-$client.err)\"}" >>"$RESULTS"
            fi
            if [ -n "${C_PIDS[$c]}" ] && ! kill -0 "${C_PIDS[$c]}" 2>/dev/null; then
              log "$c in front of $d exited; the rest of this round is without it"
              LIVE[$c]="exited during an earlier measurement of this round (see logs-$STAMP/$c-$d-*.log)"
            fi
            await_quiet "${C_PIDS[$c]}" "${C_BASE[$c]}"
          done
        done
      done
    done
    stop_all
    block_s=$((SECONDS - block_start)) blocks_done=$((blocks_done + 1))
  done
  rounds_done=$round
done
log "measured $rounds_done of $ROUNDS rounds ($blocks_done of $blocks_total round-downstream blocks) in $((SECONDS - started_at)) s; results: $RESULTS"

"$JAVA" -cp "$JAR" dev.switchboard.bench.load.ComparisonReport "$RESULTS" --markdown "$OUT/report-$STAMP.md"
cp "$RESULTS" "$OUT/results-latest.jsonl"; cp "$OUT/report-$STAMP.md" "$OUT/report-latest.md"
log "report: $OUT/report-$STAMP.md"
