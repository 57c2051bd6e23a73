package dev.switchboard.server.admin;

import dev.switchboard.server.http.ApiError;
import dev.switchboard.server.http.ErrorCode;

/** A request the admin API answers with an error of its own making (bad input, unknown path). */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialized: answered and dropped within the request
    private final ApiError error;

    ApiException(ApiError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    static ApiException of(ErrorCode code, String message) {
        return new ApiException(ApiError.of(code, message));
    }

    ApiError error() {
        return error;
    }
}
