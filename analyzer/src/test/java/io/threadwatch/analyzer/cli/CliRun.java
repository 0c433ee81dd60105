package io.threadwatch.analyzer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the {@code threadwatch} command line, in process, with what it printed.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ThreadwatchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
