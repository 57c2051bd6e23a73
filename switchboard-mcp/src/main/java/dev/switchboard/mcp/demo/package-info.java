/**
 * Switchboard's own demo MCP server: the fixtures of the official conformance suite's server
 * scenarios, plus tools for the quick start, the tests and the benchmarks (echo, add, a slow
 * cancellable tool, progress, logging, sampling, elicitation, a resource that changes, and tools
 * added at runtime). {@link dev.switchboard.mcp.demo.DemoServer} builds it and runs it over stdio
 * or Streamable HTTP.
 */
@NullMarked
package dev.switchboard.mcp.demo;

import org.jspecify.annotations.NullMarked;
