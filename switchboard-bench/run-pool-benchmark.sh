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

# shellcheck source=jdk.sh
. "$ROOT/switchboard-bench/jdk.sh"
use_jdk run-pool-benchmark

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  echo "run-pool-benchmark: building $JAR" >&2
  (cd "$ROOT" && ./mvnw -B -q -pl switchboard-bench -am package -DskipTests)
fi

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec "$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$JAR" dev.switchboard.bench.PooledVsColdBenchmark "$@"
