package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisProgress;
import java.util.function.BooleanSupplier;

/**
 * Whether {@code analyze} draws a progress bar: only when standard error is a terminal, so that
 * logs, pipes and CI output stay clean, and never with {@code --quiet}. The bar itself
 * ({@link TerminalBar}) and the JLine terminal it needs are loaded only when one is drawn: the
 * agent jar leaves both out.
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
     * report.json} still has a terminal on standard error), so JLine's exec provider asks
     * {@code test -t 2}. False when JLine is not on the class path (the agent jar) or cannot tell.
     */
    static boolean stderrIsTerminal() {
        try {
            return TerminalBar.stderrIsTerminal();
        } catch (LinkageError e) {
            // The agent jar leaves JLine and the progress bar out: no bar there.
            return false;
        }
    }

    /** The listener of an analysis: a bar on standard error when {@link #wanted}, else none. */
    static Listener open(boolean quiet, String taskName) {
        if (!wanted(quiet, ProgressDisplay::stderrIsTerminal)) {
            return new Listener(AnalysisProgress.Listener.NONE, () -> {
            });
        }
        TerminalBar bar = TerminalBar.onStandardError(taskName);
        return new Listener(bar, bar::close);
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
