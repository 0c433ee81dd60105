package io.threadwatch.analyzer.serve.http;

import java.util.OptionalInt;

/** A refusal the API answers with a status, a JSON body {@code {"status": 413, "error": "..."}} and maybe Retry-After. */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient OptionalInt retryAfterSeconds;

    ApiError(int status, String message) {
        this(status, message, OptionalInt.empty());
    }

    ApiError(int status, String message, OptionalInt retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    OptionalInt retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
