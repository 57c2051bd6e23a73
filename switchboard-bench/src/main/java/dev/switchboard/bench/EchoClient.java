package dev.switchboard.bench;

import java.util.concurrent.ThreadFactory;

/** One connected client session that can call the server's {@code echo} tool. Thread-safe. */
interface EchoClient extends AutoCloseable {

    /**
     * Calls {@code echo} with {@code message} and waits for the result, at most the call timeout
     * the client was opened with.
     *
     * @return the text the server sent back
     * @throws Exception whatever the client throws for a failed call
     */
    String echo(String message) throws Exception;

    /** Makes the threads of the concurrent callers, as a user of this client would. */
    ThreadFactory callerThreads();

    /** Closes the session and whatever it started (child process, connections); never throws. */
    @Override
    void close();
}
