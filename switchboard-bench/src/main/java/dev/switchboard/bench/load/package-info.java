/**
 * Load generation and gateway comparison: {@link dev.switchboard.bench.load.LoadGenerator} drives N
 * concurrent MCP sessions (Streamable HTTP or stdio) that each call one tool in a loop, pooled or
 * with a new session per call, bounded in time and calls, and prints calls per second, latency
 * percentiles and errors by kind with one JSON line; {@link
 * dev.switchboard.bench.load.ComparisonReport} turns the JSON lines of {@code
 * switchboard-bench/compare-gateways.sh} into a table of medians and ratios; {@link
 * dev.switchboard.bench.load.ProcessMemory} reports a process's resident memory.
 */
@NullMarked
package dev.switchboard.bench.load;

import org.jspecify.annotations.NullMarked;
