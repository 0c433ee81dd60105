package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisProgress;
import java.io.PrintStream;
import java.text.DecimalFormat;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar of an analysis (me.tongfei:progressbar): megabytes read of the files as stored,
 * the rate and the time left, and the chunks read. The library redraws it on its own daemon thread
 * a few times a second; {@link #progress} only records where the analysis is, so it costs the
 * analyzing thread next to nothing.
 */
final class TerminalBar implements AnalysisProgress.Listener, AutoCloseable {

    private static final long MEGABYTE = 1L << 20;
    /** Redraws per second are what a person can read; more only costs the terminal. */
    private static final int REDRAW_MILLIS = 250;

    private final ProgressBar bar;
    private boolean closed;

    private TerminalBar(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar on this process's standard error, as wide as its terminal. */
    static TerminalBar onStandardError(String taskName) {
        return new TerminalBar(builder(taskName).setConsumer(new InteractiveConsoleProgressBarConsumer(System.err))
                .build());
    }

    /** A bar written to {@code out}, {@code width} characters wide (for tests: no terminal is asked). */
    static TerminalBar on(PrintStream out, int width, String taskName) {
        return new TerminalBar(builder(taskName).setConsumer(new InteractiveConsoleProgressBarConsumer(out, width))
                .build());
    }

    private static ProgressBarBuilder builder(String taskName) {
        return new ProgressBarBuilder().setTaskName(taskName).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MB", MEGABYTE).showSpeed(new DecimalFormat("0.0")).setInitialMax(0).setUpdateIntervalMillis(REDRAW_MILLIS);
    }

    @Override
    public void progress(AnalysisProgress progress) {
        bar.maxHint(progress.bytesTotal());
        bar.stepTo(progress.bytesRead());
        // The library writes the message right after the rate, without a separator.
        bar.setExtraMessage(", " + progress.chunksRead() + "/" + progress.chunksTotal() + " chunks");
    }

    /** Draws the bar's last state and ends it; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }
}
