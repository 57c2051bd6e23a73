/**
 * JMH micro-benchmarks of the protocol core: decoding and encoding {@code tools/call} messages, and
 * one request round trip through two {@link dev.switchboard.mcp.session.McpSession}s joined by an
 * in-memory pipe; and of the engine: the session pool's acquire and release, the catalog's
 * routing and rebuilds, and access-policy decisions. Run them with {@code java -jar
 * switchboard-bench/target/benchmarks.jar}.
 */
@NullMarked
package dev.switchboard.bench.jmh;

import org.jspecify.annotations.NullMarked;
