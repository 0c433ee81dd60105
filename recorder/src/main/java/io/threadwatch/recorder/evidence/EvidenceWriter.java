package io.threadwatch.recorder.evidence;

import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Json;
import io.threadwatch.recorder.safety.Failures;
import io.threadwatch.recorder.stream.JfrStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the evidence of a finding when it fires, into one directory, named by time and rule:
 * {@code 20261129T221503Z-thread-leak-3f9c0a1b.finding.json} (the finding with its evidence
 * stacks), {@code .threads.json} or {@code .threads.txt} (a full thread dump) and {@code .jfr}
 * (the recording's last minutes). Each part is written on its own: a dump that fails still leaves
 * the others. Then the oldest captures are deleted until the directory is within its bound; the
 * newest capture always stays.
 */
public final class EvidenceWriter {

    /** Evidence file names: capture name, then part. */
    private static final Pattern EVIDENCE = Pattern.compile(
            "(\\d{8}T\\d{6}Z-[a-z0-9-]+)\\.(finding\\.json|threads\\.json|threads\\.txt|jfr)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final long maxBytes;
    private final JfrStream stream;
    private final ThreadDumps dumps;
    private final Failures failures;

    public EvidenceWriter(Path directory, long maxBytes, JfrStream stream, ThreadDumps dumps, Failures failures) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        this.stream = stream;
        this.dumps = dumps;
        this.failures = failures;
    }

    /** Writes the evidence of a finding that fired at {@code time}; returns the files written. */
    public List<Path> capture(Finding finding, Instant time) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            failures.record("evidence", e);
            return written;
        }
        String name = STAMP.format(time) + "-" + finding.rule() + "-" + shortId(finding);
        part(written, directory.resolve(name + ".finding.json"),
                file -> Files.writeString(file, Json.document(finding), StandardCharsets.UTF_8));
        part(written, directory.resolve(name + ".threads." + dumps.extension()), dumps::write);
        part(written, directory.resolve(name + ".jfr"), stream::dump);
        rotate();
        return written;
    }

    @FunctionalInterface
    private interface Part {
        void write(Path file) throws IOException;
    }

    private void part(List<Path> written, Path file, Part part) {
        try {
            Files.deleteIfExists(file);
            part.write(file);
            written.add(file);
        } catch (IOException | RuntimeException e) {
            failures.record("evidence " + file.getFileName().toString().replaceFirst("^[^.]*\\.", ""), e);
        }
    }

    /** The site fingerprint (or rule, when there is no site): two findings of one rule in one window differ. */
    private static String shortId(Finding finding) {
        String id = finding.id();
        return id.substring(id.indexOf(':') + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** Deletes the oldest captures while the directory's evidence is over its bound. */
    private void rotate() {
        Map<String, List<Path>> captures = new TreeMap<>();
        long total = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher matcher = EVIDENCE.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    captures.computeIfAbsent(matcher.group(1), k -> new ArrayList<>()).add(file);
                    total += Files.size(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            failures.record("evidence rotation", e);
            return;
        }
        List<String> oldestFirst = new ArrayList<>(captures.keySet());
        for (int i = 0; i < oldestFirst.size() - 1 && total > maxBytes; i++) {
            for (Path file : captures.get(oldestFirst.get(i))) {
                try {
                    long size = Files.size(file);
                    Files.delete(file);
                    total -= size;
                } catch (IOException e) {
                    failures.record("evidence rotation", e);
                }
            }
        }
    }
}
