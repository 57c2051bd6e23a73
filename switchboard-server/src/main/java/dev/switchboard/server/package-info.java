/**
 * The standalone gateway: {@link dev.switchboard.server.Gateway}, the composition root that wires
 * the engine, the HTTP server, the admin API, the metrics, the views and the reload triggers, and
 * stops them in order.
 */
@NullMarked
package dev.switchboard.server;

import org.jspecify.annotations.NullMarked;
