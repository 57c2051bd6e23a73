/**
 * The client transport contract: one abstract suite ({@link
 * dev.switchboard.mcp.contract.ClientTransportContract}) run over every client transport against
 * the demo server and the reference server-everything, plus the test-only servers it needs.
 */
@NullMarked
package dev.switchboard.mcp.contract;

import org.jspecify.annotations.NullMarked;
