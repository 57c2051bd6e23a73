package dev.switchboard.server.admin;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The gateway's meter registry: Prometheus, with the JVM and process binders (memory, GC, threads,
 * classes, CPU, uptime, open files) bound. Hand {@link #registry()} to the engine so that its
 * meters (breakers, calls, pools, processes) appear at {@code /metrics} beside the gateway's own.
 * Close it to unbind the GC listener. Each gateway has its own registry, so two gateways in one
 * JVM never share meters.
 */
public final class GatewayMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** A registry with every binder bound. */
    public GatewayMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** The registry. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Unbinds the GC listener and closes the registry. Idempotent. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
