package dev.switchboard.bench;

import org.jspecify.annotations.Nullable;

/**
 * What one measurement observed.
 *
 * @param callers the number of concurrent callers
 * @param ok calls that returned the right text within the measurement
 * @param failed calls that threw or returned something else
 * @param elapsedNanos from the end of the warm-up to the last measured call's end
 * @param latency the latencies of the successful measured calls
 * @param cpu the CPU time clients and servers used in the measured window
 * @param firstError the first failure's message, or {@code null}
 * @param stuckCallers callers still running when the run's time was up
 */
record RunResult(
        int callers,
        long ok,
        long failed,
        long elapsedNanos,
        LatencyHistogram latency,
        CpuMeter.Reading cpu,
        @Nullable String firstError,
        int stuckCallers) {

    /** Successful calls per second. */
    double callsPerSecond() {
        return elapsedNanos <= 0 ? 0 : ok * 1e9 / elapsedNanos;
    }

    /** The clients' CPU time per successful call in microseconds, or -1 when unknown. */
    double clientCpuMicrosPerCall() {
        return perCall(cpu.clientNanos());
    }

    /** The servers' CPU time per successful call in microseconds, or -1 when unknown. */
    double serverCpuMicrosPerCall() {
        return perCall(cpu.serverNanos());
    }

    /**
     * The CPU cores the clients and the servers kept busy on average during the measurement, or -1
     * when unknown; on a machine shared with other work this shows how much CPU each side got.
     */
    double clientCores() {
        return cpu.clientNanos() < 0 || elapsedNanos <= 0 ? -1 : (double) cpu.clientNanos() / elapsedNanos;
    }

    /** The cores the servers kept busy on average, or -1 when unknown. */
    double serverCores() {
        return cpu.serverNanos() < 0 || elapsedNanos <= 0 ? -1 : (double) cpu.serverNanos() / elapsedNanos;
    }

    private double perCall(long nanos) {
        return nanos < 0 || ok == 0 ? -1 : nanos / 1_000.0 / ok;
    }

    /** Whether any call failed or any caller got stuck. */
    boolean hadFailures() {
        return failed > 0 || stuckCallers > 0;
    }
}
