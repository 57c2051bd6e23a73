package dev.switchboard.bench;

import dev.switchboard.core.config.ServerConfig;
import dev.switchboard.core.lifecycle.ServerConnector;
import dev.switchboard.core.pool.PoolIdentity;
import dev.switchboard.core.pool.PoolKey;
import dev.switchboard.core.pool.PoolOptions;
import dev.switchboard.core.pool.SessionLease;
import dev.switchboard.core.pool.SessionPool;
import dev.switchboard.mcp.McpRuntime;
import dev.switchboard.mcp.session.RequestOptions;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * Calls {@code echo} through a {@link SessionPool} of one identity: each call acquires a session,
 * calls, and gives the session back, so sessions are made once and reused. The pool's sessions come
 * from the engine's {@link ServerConnector}, as the cold client's do; the pool has its default
 * options (TTL 5 minutes, health check after 60 s idle, up to 10 sessions per key).
 */
final class PooledEchoClient implements EchoClient {
    private final SessionPool pool;
    private final PoolKey key;
    private final RequestOptions requestOptions;
    private final ThreadFactory threads =
            Thread.ofVirtual().name("pooled-caller-", 0).factory();

    PooledEchoClient(
            ServerConnector connector, ServerConfig server, Target target, McpRuntime runtime, Duration timeout) {
        this.pool = SessionPool.builder(k -> connector.connect(server).client())
                .name(server.name())
                .options(PoolOptions.defaults())
                .runtime(runtime)
                .build();
        this.key = PoolKey.of(PoolIdentity.of("bench"), server.name(), target.label());
        this.requestOptions = RequestOptions.defaults().withTimeout(timeout);
    }

    @Override
    public String echo(String message) {
        SessionLease lease = pool.acquire(key);
        try {
            String answer = EchoCall.call(lease.client(), message, requestOptions);
            lease.close();
            return answer;
        } catch (RuntimeException e) {
            lease.invalidate();
            throw e;
        }
    }

    @Override
    public ThreadFactory callerThreads() {
        return threads;
    }

    @Override
    public void close() {
        pool.close();
    }
}
