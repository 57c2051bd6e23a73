#!/usr/bin/env bash
# Builds switchboard-bench/target/benchmarks.jar and runs the pooled-versus-cold benchmark: the demo
# server's echo tool called through a session pool (one session, reused) and cold (connect,
# initialize, call, close every time), over stdio (a new process per cold call) and Streamable HTTP
# (a new MCP session per cold call). Bounded: every measurement by its time and its call budget.
#   switchboard-bench/run-pool-benchmark.sh            about 3 minutes: 3 interleaved rounds
#   switchboard-bench/run-pool-benchmark.sh --quick    about 30 seconds: a smoke test
#   switchboard-bench/run-pool-benchmark.sh --help     every option
# SKIP_BUILD=1 reuses the jar; BENCH_JAVA_OPTS adds JVM options for the benchmark's own JVM.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/switchboard-bench/target/benchmarks.jar"

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1
}

find_jdk() {
  local home v best="" best_v=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then echo "$JAVA_HOME"; return; fi
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$home/bin/javac" ] || continue
    v="$(java_major "$home/bin/java")"; v="${v%%.*}"
    if [ -n "$v" ] && [ "$v" -gt "$best_v" ]; then best="$home"; best_v="$v"; fi
  done
  [ "$best_v" -ge 21 ] && echo "$best"
}

JDK="$(find_jdk || true)"
if [ -z "$JDK" ]; then
  echo "run-pool-benchmark: no JDK 21 or newer found; set JAVA_HOME to one (JDK 25 recommended)." >&2
  exit 1
fi
export JAVA_HOME="$JDK"
if [ "$(java_major "$JDK/bin/java" | cut -d. -f1)" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  echo "run-pool-benchmark: building $JAR" >&2
  (cd "$ROOT" && ./mvnw -B -q -pl switchboard-bench -am package -DskipTests)
fi

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec "$JDK/bin/java" ${BENCH_JAVA_OPTS:-} -cp "$JAR" dev.switchboard.bench.PooledVsColdBenchmark "$@"
