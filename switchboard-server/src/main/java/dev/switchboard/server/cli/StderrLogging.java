package dev.switchboard.server.cli;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.switchboard.server.ops.CallLog;
import org.slf4j.LoggerFactory;

/**
 * The gateway's logging, set up in code when Logback starts (found through {@code
 * META-INF/services}): every log line goes to standard error, since in the stdio modes ({@code
 * demo-server}, {@code stdio}) standard output carries the MCP protocol; INFO and above, Jetty at
 * WARN (its start and stop banners add nothing to the gateway's own start-up lines).
 *
 * <p>The call log ({@value CallLog#LOGGER}, one line per tool call) is written by a background
 * thread, so that a relayed call does not wait for its log line's formatting and write (about 8% of
 * the gateway's CPU per call); nothing is dropped: a full queue makes the caller wait, and {@link
 * #flush()} writes what is queued before the process exits.
 *
 * <p>Reading an XML file instead costs a cold JVM about 110 ms more CPU time on the main thread
 * (Logback's Joran and the XML parser load and run once), a tenth of a gateway's start-up. A file of
 * one's own still wins: with {@code -Dlogback.configurationFile=FILE}, or a {@code logback.xml} or
 * {@code logback-test.xml} on the class path, Logback reads that as usual.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    /** The name of the appender that writes the call log in the background. */
    static final String CALLS_APPENDER = "CALLS";

    private static final int CALLS_QUEUE = 8192;

    /** Made by Logback's service loader. */
    public StderrLogging() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || hasResource("logback-test.xml")
                || hasResource("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        install(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sets {@code context} up as described above. */
    static void install(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> stderr = stderr(context, "STDERR");
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        AsyncAppender calls = new AsyncAppender();
        calls.setContext(context);
        calls.setName(CALLS_APPENDER);
        calls.setQueueSize(CALLS_QUEUE);
        calls.setDiscardingThreshold(0);
        calls.setNeverBlock(false);
        // its own writer: stopping an AsyncAppender stops the appenders it holds
        calls.addAppender(stderr(context, "CALLS-STDERR"));
        calls.start();
        Logger callLog = context.getLogger(CallLog.LOGGER);
        callLog.addAppender(calls);
        callLog.setAdditive(false);
    }

    private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context, String name) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName(name);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        return stderr;
    }

    /**
     * Writes the call lines still queued (waiting at most a second); later call lines are written
     * directly. Call it as the process ends; a no-op when this configuration is not in use.
     */
    public static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            flush(context);
        }
    }

    static void flush(LoggerContext context) {
        Logger callLog = context.getLogger(CallLog.LOGGER);
        Appender<ILoggingEvent> calls = callLog.getAppender(CALLS_APPENDER);
        if (calls != null) {
            callLog.setAdditive(true);
            callLog.detachAppender(calls);
            calls.stop();
        }
    }

    private static boolean hasResource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return (loader != null ? loader : StderrLogging.class.getClassLoader()).getResource(name) != null;
    }
}
