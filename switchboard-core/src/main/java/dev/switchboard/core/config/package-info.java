/**
 * The gateway's configuration: one JSON or YAML file, read by {@link
 * dev.switchboard.core.config.ConfigLoader}, checked by the one {@link
 * dev.switchboard.core.config.ConfigValidator}, and turned into immutable records rooted at {@link
 * dev.switchboard.core.config.GatewayConfig} with every default filled in.
 *
 * <p>The file's {@code mcpServers} map is the one desktop clients use, so an existing Claude
 * Desktop or Cursor file works unchanged; the VS Code {@code servers} map is accepted too. Gateway
 * settings sit beside them under {@code gateway}. {@code ${VAR}} and {@code ${VAR:-default}} in
 * string values expand from the environment. Secrets (environment values of stdio servers, header
 * values, API keys) never appear in {@code toString()} or in error messages.
 */
@NullMarked
package dev.switchboard.core.config;

import org.jspecify.annotations.NullMarked;
