package io.threadwatch.rules;

/**
 * A rule file that cannot be used. The message names the file, the line, the rule and the field,
 * and says what is wrong, e.g. {@code my-rules.yaml:12: rule 'thread-leak': when[0].op: unknown
 * comparison '=>'; expected one of >, >=, <, <=}.
 */
public final class RuleFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    RuleFileException(String source, int line, String detail) {
        super(source + (line > 0 ? ":" + line : "") + ": " + detail);
        this.source = source;
        this.line = line;
    }

    /** The file (or resource) the rule came from. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when it is not known. */
    public int line() {
        return line;
    }
}
