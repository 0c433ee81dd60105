package io.threadwatch.analyzer.cli;

/** A failure a command reports as one line and an exit code, without a stack trace. */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** A failure with this message; line breaks in it (some JDK exceptions have them) become spaces. */
    public CommandFailure(int exitCode, String message) {
        super(message.replaceAll("\\s*\\R\\s*", " ").trim());
        this.exitCode = exitCode;
    }

    /** The exit code to end with. */
    public int exitCode() {
        return exitCode;
    }
}
