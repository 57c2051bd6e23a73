/**
 * The upstream MCP views: what MCP clients (agents, IDEs, desktop apps) connect to.
 *
 * <ul>
 *   <li>{@code /mcp} (and legacy {@code /sse} + {@code /message}, and {@code switchboard stdio}):
 *       the aggregate, every tool, resource and prompt the caller may use, tools and prompts named
 *       {@code server__name}, with the whole protocol relayed (progress, cancellation both ways,
 *       logging, subscriptions, completion, sampling, elicitation and roots routed to the call
 *       that caused them, list_changed to the sessions that see a change);
 *   <li>{@code /mcp/servers/{name}}: one server passed through under its own names;
 *   <li>{@code /mcp/meta}: four meta-tools to list servers, list and search tools, and call one.
 * </ul>
 *
 * <p>Each view is a {@link dev.switchboard.mcp.server.ServerSessionFactory}: one {@code
 * ViewSession} per upstream session, holding the session's principal (the authenticated owner, or
 * {@link dev.switchboard.core.policy.Principal#ANONYMOUS}), to which the access policy applies in
 * listings and calls alike. {@link dev.switchboard.server.mcp.McpViews} builds them and their HTTP
 * handlers.
 */
@NullMarked
package dev.switchboard.server.mcp;

import org.jspecify.annotations.NullMarked;
