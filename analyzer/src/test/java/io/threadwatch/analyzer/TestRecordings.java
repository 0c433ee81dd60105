package io.threadwatch.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The committed recordings of the sample apps and what each must yield. */
public final class TestRecordings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRecordings() {
    }

    /** The directory of the committed recordings ({@code samples/recordings}). */
    public static Path directory() {
        String configured = System.getProperty("threadwatch.recordings");
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "samples", "recordings");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no recordings at " + dir.toAbsolutePath());
        }
        return dir;
    }

    /** A recording by file name, e.g. {@code deadlock.default-jdk17.jfr.gz}. */
    public static Path recording(String name) {
        Path path = directory().resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing recording " + path);
        }
        return path;
    }

    /**
     * One recording with its expectations.
     *
     * @param recording the {@code .jfr.gz}
     * @param app       the sample app
     * @param variant   how it was recorded, e.g. {@code default-jdk17}
     * @param expected  the expected findings as {@code kind class.method}, sorted
     * @param notAssessed kinds the recording's settings cannot show: the report must name them in a limitation
     * @param patterns  the expected findings with their pattern, as {@code kind class.method pattern}, sorted
     */
    public record Expectation(Path recording, String app, String variant, List<String> expected,
                              List<String> notAssessed, List<String> patterns) {
        @Override
        public String toString() {
            return app + "." + variant;
        }
    }

    /** Every recording that has an expectation file, sorted by name. */
    public static List<Expectation> expectations() {
        List<Expectation> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".expected.json")).sorted().toList()) {
                JsonNode json = JSON.readTree(file.toFile());
                List<String> expected = new ArrayList<>();
                List<String> patterns = new ArrayList<>();
                for (JsonNode finding : json.get("findings")) {
                    expected.add(finding.get("kind").asText() + " " + finding.get("site").asText());
                    if (!finding.hasNonNull("pattern")) {
                        throw new IllegalStateException(file + ": every expected finding names its pattern");
                    }
                    patterns.add(expected.get(expected.size() - 1) + " " + finding.get("pattern").asText());
                }
                expected.sort(null);
                patterns.sort(null);
                List<String> notAssessed = new ArrayList<>();
                if (json.has("notAssessed")) {
                    json.get("notAssessed").forEach(kind -> notAssessed.add(kind.asText()));
                }
                String name = file.getFileName().toString().replace(".expected.json", ".jfr.gz");
                all.add(new Expectation(file.resolveSibling(name), json.get("app").asText(),
                        json.get("variant").asText(), List.copyOf(expected), List.copyOf(notAssessed),
                        List.copyOf(patterns)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no expectation files in " + directory());
        }
        return all;
    }

    /** Decompresses a committed recording into {@code target}, as a plain {@code .jfr}. */
    public static Path gunzip(Path gz, Path target) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz));
             OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
