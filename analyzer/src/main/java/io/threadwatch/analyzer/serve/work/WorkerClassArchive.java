package io.threadwatch.analyzer.serve.work;

import io.threadwatch.analyzer.serve.store.DataDir;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A class-data sharing archive ({@code -XX:SharedArchiveFile}, JDK 13+) for the analysis workers:
 * each upload is analyzed in a fresh JVM, and on a small recording loading and linking
 * Threadwatch's classes (Jackson, picocli, the rules) is most of its time. With the archive the
 * worker maps them instead: a 130 KB sample went from 0.88-1.03 s to 0.68-0.75 s per analysis on
 * JDK 17 and 25.
 *
 * <p>The first worker writes the archive as it exits ({@code -XX:ArchiveClassesAtExit}) into
 * {@code tmp/}; it is moved into place only when that worker succeeded and a JVM started with the
 * archive ({@code -Xshare:on}, to print its version) exits cleanly, so a worker never reads a half-written archive, and
 * only one worker writes at a time. Why the trial: JDK 17 aborts at start-up (SIGABRT, exit code
 * 134, even with {@code -Xshare:auto}) on a truncated archive, which would fail every analysis; an
 * archive already in place when the service starts gets the same trial. The archive's name is a digest of
 * the JDK and of the class path's jars (path, size, time), so a new JDK or a rebuilt jar makes a
 * new one; the JVM itself also refuses an archive that does not match and then runs without it.
 * A class path with a directory (a development build) gets no archive: the JVM would refuse to
 * start with one. The JVM's own messages about the archive are turned off, so that the worker's
 * output (progress, refusals) stays the service's to read.
 *
 * <p>Thread-safe: workers run side by side.
 */
public final class WorkerClassArchive {

    /** No archive: every worker loads its classes itself. */
    public static final WorkerClassArchive NONE = new WorkerClassArchive(null, null, null, null, path -> false);

    /** After this many failed writes the archive is not tried again until the service restarts. */
    static final int MAX_FAILED_WRITES = 2;

    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    /** How long the trial JVM may take; it maps the archive and prints its version. */
    private static final long TRIAL_SECONDS = 30;

    private final Path archive;
    private final Path writing;
    private final Path directory;
    private final String classPath;
    /** Whether a JVM starts with an archive: {@link #starts}, or a test's stand-in. */
    private final Predicate<Path> trial;
    private final AtomicBoolean written = new AtomicBoolean();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();

    private WorkerClassArchive(Path directory, Path archive, Path writing, String classPath,
                               Predicate<Path> trial) {
        this.directory = directory;
        this.archive = archive;
        this.writing = writing;
        this.classPath = classPath;
        this.trial = trial == null ? this::starts : trial;
    }

    /**
     * The archive for workers started with {@code classPath} by this JVM's {@code java}, kept in
     * {@code dataDir}'s {@code cache/}; {@link #NONE} when the class path holds anything but jar files.
     */
    public static WorkerClassArchive in(DataDir dataDir, String classPath) throws IOException {
        return in(dataDir, classPath, null);
    }

    /** As {@link #in(DataDir, String)}, with {@code trial} deciding whether a JVM starts with an archive. */
    static WorkerClassArchive in(DataDir dataDir, String classPath, Predicate<Path> trial) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.isEmpty() || !Files.isRegularFile(path)) {
                return NONE;
            }
            jars.add(path.toAbsolutePath());
        }
        if (jars.isEmpty()) {
            return NONE;
        }
        Path directory = dataDir.root().resolve("cache");
        Files.createDirectories(directory);
        String name = "workers-" + digest(jars) + ".jsa";
        WorkerClassArchive made = new WorkerClassArchive(directory, directory.resolve(name),
                dataDir.tmp().resolve(name + ".part"), classPath, trial);
        if (Files.isRegularFile(made.archive)) {
            if (made.trial.test(made.archive)) {
                made.written.set(true);
            } else {
                Files.deleteIfExists(made.archive);
            }
        }
        return made;
    }

    /**
     * What the next worker does with the archive: read it, write it (one worker at a time, until
     * one succeeds), or neither.
     */
    Use next() {
        if (archive == null) {
            return new Use(List.of(), false);
        }
        if (written.get()) {
            List<String> options = new ArrayList<>(QUIET);
            options.add(0, "-XX:SharedArchiveFile=" + archive);
            return new Use(options, false);
        }
        if (failures.get() < MAX_FAILED_WRITES && busy.compareAndSet(false, true)) {
            List<String> options = new ArrayList<>(QUIET);
            options.add(0, "-XX:ArchiveClassesAtExit=" + writing);
            return new Use(options, true);
        }
        return new Use(List.of(), false);
    }

    /** The worker given {@code use} ended; {@code succeeded} when it exited with 0. */
    void ended(Use use, boolean succeeded) {
        if (!use.writes()) {
            return;
        }
        try {
            if (succeeded && Files.isRegularFile(writing) && Files.size(writing) > 0 && trial.test(writing)) {
                DataDir.moveIntoPlace(writing, archive);
                written.set(true);
                removeOthers();
            } else {
                failures.incrementAndGet();
                Files.deleteIfExists(writing);
            }
        } catch (IOException e) {
            failures.incrementAndGet();
        } finally {
            busy.set(false);
        }
    }

    /**
     * Whether a JVM of this service's {@code java}, on the workers' class path, starts with
     * {@code candidate} and exits cleanly. Its crash report, if any, goes to {@code tmp/}.
     */
    private boolean starts(Path candidate) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SharedArchiveFile=" + candidate,
                // On: a JVM that cannot map it fails instead of running without it (JDK 25 does that
                // on a truncated archive), so such an archive is not kept either.
                "-Xshare:on",
                "-XX:ErrorFile=" + writing.resolveSibling("hs_err_pid%p.log")));
        command.addAll(QUIET);
        command.addAll(List.of("-cp", classPath, "-version"));
        try {
            Process jvm = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jvm.waitFor(TRIAL_SECONDS, TimeUnit.SECONDS)) {
                jvm.destroyForcibly().waitFor();
                return false;
            }
            return jvm.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Archives of older jars or JDKs: no worker of this service will read them. */
    private void removeOthers() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("workers-") && name.endsWith(".jsa") && !file.equals(archive)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static String digest(List<Path> jars) throws IOException {
        StringBuilder key = new StringBuilder(System.getProperty("java.home")).append('\n')
                .append(Runtime.version()).append('\n');
        for (Path jar : jars) {
            key.append(jar).append(' ').append(Files.size(jar)).append(' ')
                    .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * @param options the worker's JVM options for the archive
     * @param writes  whether this worker writes it
     */
    record Use(List<String> options, boolean writes) {
        Use {
            options = List.copyOf(options);
        }
    }
}
