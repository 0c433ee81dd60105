package io.threadwatch.analyzer.serve.work;

import io.threadwatch.analyzer.AnalysisProgress;
import io.threadwatch.analyzer.serve.ServeLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one analysis in a JVM of its own ({@code threadwatch serve worker}), so that its heap budget
 * is real ({@code -Xmx}), a timeout can kill it, and an out-of-memory or a crash costs that
 * analysis only, never the service or the upload.
 */
public final class ChildAnalysis {

    /** The worker's lines: {@code progress BYTES_READ BYTES_TOTAL CHUNKS_READ CHUNKS_TOTAL}, {@code refused MESSAGE}. */
    public static final String PROGRESS = "progress ";
    public static final String REFUSED = "refused ";

    private static final int KEPT_LINES = 20;

    private final ServeLimits limits;
    private final List<String> analysisArgs;
    private final String classPath;
    private final WorkerClassArchive archive;

    /** Workers on this JVM's class path, without a class-data sharing archive. */
    public ChildAnalysis(ServeLimits limits, List<String> analysisArgs) {
        this(limits, analysisArgs, System.getProperty("java.class.path"), WorkerClassArchive.NONE);
    }

    /**
     * @param classPath the workers' class path
     * @param archive   the class-data sharing archive the workers read, and the first one writes
     */
    public ChildAnalysis(ServeLimits limits, List<String> analysisArgs, String classPath, WorkerClassArchive archive) {
        this.limits = limits;
        this.analysisArgs = List.copyOf(analysisArgs);
        this.classPath = classPath;
        this.archive = archive;
    }

    /**
     * What became of an analysis.
     *
     * @param refusal why there is no report, or empty when the report was written
     */
    public record Outcome(Optional<String> refusal) {
        static Outcome ok() {
            return new Outcome(Optional.empty());
        }

        static Outcome refused(String message) {
            return new Outcome(Optional.of(message));
        }
    }

    /**
     * Analyzes {@code upload} into {@code report}, telling {@code progress} as the worker reads; the
     * report names the recording {@code shownName} (the client's file name), not the stored file.
     */
    public Outcome run(Path upload, String shownName, Path report, Consumer<AnalysisProgress> progress)
            throws IOException, InterruptedException {
        WorkerClassArchive.Use classes = archive.next();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + limits.analysisHeapMb() + "m",
                // One analysis per JVM: the serial collector keeps its footprint (RSS) smallest.
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(classes.options());
        command.addAll(List.of("-cp", classPath,
                "io.threadwatch.analyzer.cli.ThreadwatchCommand", "serve", "worker",
                "--max-decompressed-size", Long.toString(limits.maxDecompressedBytes()),
                "--output", report.toString(), "--name", shownName));
        command.addAll(analysisArgs);
        command.add(upload.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            archive.ended(classes, false);
            throw e;
        }
        try {
            return await(process, progress);
        } finally {
            archive.ended(classes, process.isAlive() ? false : process.exitValue() == 0);
        }
    }

    private Outcome await(Process process, Consumer<AnalysisProgress> progress) throws InterruptedException {
        Deque<String> lines = new ArrayDeque<>();
        StringBuilder refusal = new StringBuilder();
        Thread reader = new Thread(() -> read(process, progress, lines, refusal), "threadwatch-serve-worker-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(limits.analysisTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        if (!finished) {
            process.destroyForcibly().waitFor();
            return Outcome.refused("analysis took longer than its budget of " + describe(limits.analysisTimeout().toSeconds())
                    + " and was stopped");
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        int exit = process.exitValue();
        synchronized (lines) {
            if (exit == 0) {
                return Outcome.ok();
            }
            if (lines.stream().anyMatch(l -> l.contains("OutOfMemoryError"))) {
                return Outcome.refused(heapRefusal(limits.analysisHeapMb()));
            }
            if (refusal.length() > 0) {
                return Outcome.refused(refusal.toString());
            }
            return Outcome.refused("analysis failed (worker exit code " + exit + ")"
                    + (lines.isEmpty() ? "" : ": " + lines.peekLast()));
        }
    }

    private static void read(Process process, Consumer<AnalysisProgress> progress, Deque<String> lines,
                             StringBuilder refusal) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(PROGRESS)) {
                    parseProgress(line).ifPresent(progress);
                    continue;
                }
                synchronized (lines) {
                    if (line.startsWith(REFUSED)) {
                        refusal.setLength(0);
                        refusal.append(line.substring(REFUSED.length()));
                    }
                    lines.addLast(line);
                    if (lines.size() > KEPT_LINES) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The worker was killed (timeout) or the service is closing: its exit code tells the rest.
        }
    }

    static Optional<AnalysisProgress> parseProgress(String line) {
        String[] parts = line.substring(PROGRESS.length()).trim().split(" ");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AnalysisProgress(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Integer.parseInt(parts[2]), Integer.parseInt(parts[3])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** What a user reads when the analysis's JVM ran out of heap: the budget, and the option that raises it. */
    static String heapRefusal(long heapMb) {
        return "analysis ran out of its " + heapMb + " MB heap budget (--analysis-heap): start the service with "
                + "a larger one, e.g. --analysis-heap " + Math.max(64, heapMb * 2) + "m, and re-analyze this recording";
    }

    private static String describe(long seconds) {
        return seconds >= 120 && seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
