package io.threadwatch.analyzer.diff;

/** A file {@code diff} cannot compare: missing, empty, or neither a recording nor a thread dump. */
public final class InputException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal with a one-line reason. */
    public InputException(String message) {
        super(message);
    }
}
