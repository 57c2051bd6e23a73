/**
 * Memory and scale measurements of the gateway: {@link dev.switchboard.bench.scale.ScaleConfig}
 * writes a configuration with many lazy servers, {@link dev.switchboard.bench.scale.StartupTime}
 * times building the engine from it in-process, {@link dev.switchboard.bench.scale.ServeStartup}
 * times a gateway process from its start to {@code /readyz} answering 200, and {@link
 * dev.switchboard.bench.scale.IdleSessions} opens many initialized upstream sessions against an MCP
 * endpoint and reports the heap and resident memory of the process serving them. {@code
 * switchboard-bench/run-scale-benchmark.sh} runs them all.
 */
@NullMarked
package dev.switchboard.bench.scale;

import org.jspecify.annotations.NullMarked;
