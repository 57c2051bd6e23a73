package dev.switchboard.server.ops;

import dev.switchboard.server.http.ApiErrors;

/**
 * The outcomes a {@link CallLog} line and the {@code switchboard.gateway.calls} timer carry: {@value
 * #SUCCESS}, {@value #TOOL_ERROR} (the tool answered with {@code isError: true}), or the API error
 * code of the failure ({@code timeout}, {@code circuit_open}, {@code server_unavailable}, {@code
 * server_busy}, {@code server_error}, {@code tool_not_found}, {@code server_not_found}, {@code
 * invalid_request}, {@code internal}). A small fixed set, fit for a metric tag.
 */
public final class CallOutcomes {
    /** The tool answered. */
    public static final String SUCCESS = "success";
    /** The tool answered with {@code isError: true}: its own failure, not the gateway's. */
    public static final String TOOL_ERROR = "tool_error";

    private CallOutcomes() {}

    /** The outcome of a call that failed with {@code failure}. */
    public static String of(Throwable failure) {
        return ApiErrors.code(failure).code();
    }
}
