package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.TestRecordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar, run as users and the serve command run it, in a child JVM of the JDK the tests
 * run on: a run whose standard error is not a terminal (CI logs, {@code 2>&1} captures) prints
 * nothing there, and no JDK warning about JLine's native library in particular (JDK 24+, JEP 472).
 */
class ExecutableJarIT {

    private static final String SAMPLE = TestRecordings.recording("scheduler-leak.default-jdk17.jfr.gz").toString();
    private static final String OTHER = TestRecordings.recording("deadlock.default-jdk17.jfr.gz").toString();

    @TempDir
    Path dir;

    private static Path jar() {
        return Path.of(System.getProperty("threadwatch.jar", "target/threadwatch.jar"));
    }

    @Test
    void anAnalyzeWritesItsReportAndNothingOnStandardError() throws Exception {
        Path report = dir.resolve("report.json");

        Run run = javaJar("analyze", SAMPLE, "--format", "json", "-o", report.toString());

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err).isEmpty();
        assertThat(Files.readString(report)).contains("\"thread-leak\"");
    }

    /**
     * A fresh JVM builds the report's serializers beside the analysis and the built-ins beside
     * picocli: the report is byte for byte the one this JVM writes.
     */
    @Test
    void theJarsReportIsTheInProcessOne() throws Exception {
        for (String format : List.of("json", "text")) {
            Path report = dir.resolve("report." + format);

            Run run = javaJar("analyze", OTHER, "--format", format, "-o", report.toString());

            assertThat(run.exitCode).as(run.err).isZero();
            assertThat(Files.readString(report)).isEqualTo(CliRun.of("analyze", OTHER, "--format", format).out());
        }
    }

    @Test
    void everyOtherCommandPrintsNoWarning() throws Exception {
        List<List<String>> commands = List.of(
                List.of("analyze", SAMPLE, "--format", "text"),
                List.of("analyze", "--each", SAMPLE, OTHER),
                List.of("diff", SAMPLE, OTHER),
                List.of("partial", SAMPLE, "-d", dir.toString()),
                List.of("rules"),
                List.of("settings"),
                List.of("schema"),
                List.of("--version"));
        for (List<String> command : commands) {
            Run run = javaJar(command.toArray(String[]::new));

            assertThat(run.exitCode).as(command + ": " + run.err).isIn(0, 1);
            assertThat(run.err.lines().filter(line -> line.contains("WARNING"))).as(command + ": " + run.err).isEmpty();
        }
    }

    /** A recording split by one run of the jar per chunk and merged by another gives the whole file's report. */
    @Test
    void partialsMadeByTheJarMergeIntoTheFilesReport() throws Exception {
        Path partials = Files.createDirectories(dir.resolve("partials"));
        Run count = javaJar("partial", SAMPLE, "--count");
        assertThat(count.exitCode).as(count.err).isZero();
        List<String> merge = new ArrayList<>(List.of("analyze", "--format", "text"));
        for (int chunk = 0; chunk < Integer.parseInt(count.out.trim()); chunk++) {
            Run made = javaJar("partial", SAMPLE, "--chunk", Integer.toString(chunk), "-d", partials.toString());
            assertThat(made.exitCode).as(made.err).isZero();
            merge.add(made.out.substring(0, made.out.indexOf(": chunk ")));
        }

        Run merged = javaJar(merge.toArray(String[]::new));

        assertThat(merged.exitCode).as(merged.err).isZero();
        assertThat(merged.out).isEqualTo(CliRun.of("analyze", "--format", "text", "--parser", "threadwatch", SAMPLE).out());
    }

    /** Serve's analyses run the jar's main class on the class path, as {@code ChildAnalysis} starts them. */
    @Test
    void aServeWorkerPrintsNoWarning() throws Exception {
        Path report = dir.resolve("worker.json");

        Run run = run(List.of(java(), "-cp", jar().toString(), ThreadwatchCommand.class.getName(), "serve", "worker",
                "--max-decompressed-size", Long.toString(1L << 30), "--output", report.toString(), "--name", "sample.jfr",
                SAMPLE));

        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.err.lines().filter(line -> line.contains("WARNING"))).as(run.err).isEmpty();
        assertThat(report).isNotEmptyFile();
    }

    /** On a terminal the bar needs JLine's native library; the manifest grants it (JDK 17 ignores the entry). */
    @Test
    void theManifestEnablesNativeAccessForTheProgressBar() throws IOException {
        try (JarFile jar = new JarFile(jar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Run javaJar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Run run(List<String> command) throws Exception {
        Path out = Files.createTempFile("threadwatch-stdout", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).start();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command.toString()).isTrue();
            return new Run(process.exitValue(), Files.readString(out), err);
        } finally {
            Files.delete(out);
        }
    }

    private record Run(int exitCode, String out, String err) {
    }
}
