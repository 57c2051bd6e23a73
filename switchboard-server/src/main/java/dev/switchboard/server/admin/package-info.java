/**
 * The gateway's admin surface: the REST API under {@code /api/} ({@link
 * dev.switchboard.server.admin.AdminApi}), the probes {@code /healthz} and {@code /readyz} ({@link
 * dev.switchboard.server.admin.ProbeHandler}), and Prometheus {@code /metrics} ({@link
 * dev.switchboard.server.admin.MetricsHandler} over the registry of {@link
 * dev.switchboard.server.admin.GatewayMetrics}). Everything goes through the {@link
 * dev.switchboard.core.Switchboard} facade.
 */
@NullMarked
package dev.switchboard.server.admin;

import org.jspecify.annotations.NullMarked;
