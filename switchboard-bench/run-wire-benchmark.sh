#!/usr/bin/env bash
# Builds switchboard-bench/target/benchmarks.jar and runs the wire benchmark: Switchboard's client
# and the MCP Java SDK's client calling the demo server's echo tool over stdio and Streamable HTTP.
#   switchboard-bench/run-wire-benchmark.sh            about 4 minutes: 3 interleaved rounds
#   switchboard-bench/run-wire-benchmark.sh --quick    about 40 seconds: a smoke test
#   switchboard-bench/run-wire-benchmark.sh --help     every option
# SKIP_BUILD=1 reuses the jar; BENCH_JAVA_OPTS adds JVM options for the benchmark's own JVM, such as
# -XX:StartFlightRecording=filename=bench.jfr,settings=profile
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/switchboard-bench/target/benchmarks.jar"

# shellcheck source=jdk.sh
. "$ROOT/switchboard-bench/jdk.sh"
use_jdk run-wire-benchmark

if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  echo "run-wire-benchmark: building $JAR" >&2
  (cd "$ROOT" && ./mvnw -B -q -pl switchboard-bench -am package -DskipTests)
fi

# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec "$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$JAR" dev.switchboard.bench.WireBenchmark "$@"
