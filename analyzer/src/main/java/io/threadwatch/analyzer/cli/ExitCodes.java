package io.threadwatch.analyzer.cli;

/** The exit codes of every {@code threadwatch} command; the README lists the same. */
public final class ExitCodes {

    /** Success: nothing at or above {@code --fail-on}. */
    public static final int OK = 0;
    /** Findings at or above {@code --fail-on}. */
    public static final int FINDINGS = 1;
    /** A wrong option, argument or rule file. */
    public static final int USAGE = 2;
    /** A recording that cannot be analyzed: missing, empty, not JFR, unreadable, no complete chunk. */
    public static final int BAD_INPUT = 3;
    /** A failure inside Threadwatch. */
    public static final int INTERNAL = 4;

    // The lines picocli prints under "Exit codes" (annotations need one constant per line).
    public static final String OK_HELP = OK + ":Success: no finding at or above --fail-on.";
    public static final String FINDINGS_HELP = FINDINGS + ":Findings at or above --fail-on.";
    public static final String USAGE_HELP = USAGE + ":Usage error: a bad option, argument or rule file.";
    public static final String BAD_INPUT_HELP = BAD_INPUT
            + ":A recording cannot be analyzed (missing, empty, not JFR, unreadable, no complete chunk).";
    public static final String INTERNAL_HELP = INTERNAL + ":Internal error in Threadwatch.";

    private ExitCodes() {
    }
}
