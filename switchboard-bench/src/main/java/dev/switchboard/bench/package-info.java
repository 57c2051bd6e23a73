/**
 * The wire benchmark: {@link dev.switchboard.bench.WireBenchmark} calls the demo server's {@code
 * echo} tool over stdio and Streamable HTTP with Switchboard's client and with the MCP Java SDK's
 * client, in interleaved rounds, and reports calls per second, latency percentiles and failures.
 */
@NullMarked
package dev.switchboard.bench;

import org.jspecify.annotations.NullMarked;
