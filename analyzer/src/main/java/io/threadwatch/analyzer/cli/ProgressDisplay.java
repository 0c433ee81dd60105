package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisProgress;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Whether {@code analyze} draws a progress bar: only when standard error is a terminal, so that
 * logs, pipes and CI output stay clean, and never with {@code --quiet}. The bar itself
 * ({@link TerminalBar}) and the JLine terminal it needs are loaded only when one is drawn: the
 * agent jar leaves both out, and a run whose standard error is not a terminal never touches JLine.
 */
final class ProgressDisplay {

    private ProgressDisplay() {
    }

    /** Whether to draw a bar; {@code stderrIsTerminal} is asked only when not quiet. */
    static boolean wanted(boolean quiet, BooleanSupplier stderrIsTerminal) {
        return !quiet && stderrIsTerminal.getAsBoolean();
    }

    /**
     * Whether this process's standard error is a terminal. Java cannot tell by itself
     * ({@code System.console()} looks at standard input and output, and {@code analyze x.jfr >
     * report.json} still has a terminal on standard error), so a child {@code test -t 2} that
     * shares our standard error is asked. Not JLine's exec provider, which asks the same: loading
     * it loads JLine's native library, which JDK 24 and later warn about on every run, terminal
     * or not. False when it cannot tell (no {@code test} command, as on Windows).
     */
    static boolean stderrIsTerminal() {
        try {
            Process test = new ProcessBuilder("test", "-t", "2")
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return test.waitFor() == 0;
        } catch (IOException e) {
            // Cannot tell: no bar rather than escape codes in a log.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The listener of an analysis: a bar on standard error when {@link #wanted}, else none. */
    static Listener open(boolean quiet, String taskName) {
        Listener none = new Listener(AnalysisProgress.Listener.NONE, () -> {
        });
        if (!wanted(quiet, ProgressDisplay::stderrIsTerminal)) {
            return none;
        }
        try {
            TerminalBar bar = TerminalBar.onStandardError(taskName);
            return new Listener(bar, bar::close);
        } catch (LinkageError e) {
            // The agent jar leaves JLine and the progress bar out: no bar there.
            return none;
        }
    }

    /**
     * A progress listener and what ends its display (the bar's last line stays on the terminal).
     *
     * @param listener given to the analysis
     * @param closer   ends the display; idempotent
     */
    record Listener(AnalysisProgress.Listener listener, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }
}
