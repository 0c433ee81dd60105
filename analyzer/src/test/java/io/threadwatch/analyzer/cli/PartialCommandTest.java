package io.threadwatch.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.ManyChunkRecording;
import io.threadwatch.analyzer.TestRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code threadwatch partial} writes one file per chunk, each run for any chunks, and {@code analyze}
 * given those files in any order prints the report of the recording; what cannot be merged is a
 * one-line message and exit code 2 or 3.
 */
class PartialCommandTest {

    @TempDir
    static Path dir;

    private static Path recording;
    private static int chunks;

    @BeforeAll
    static void recordManyChunks() throws Exception {
        recording = ManyChunkRecording.record(dir.resolve("service.jfr"), Duration.ofSeconds(2));
        CliRun count = CliRun.of("partial", recording.toString(), "--count");
        assertThat(count.exitCode()).isZero();
        chunks = Integer.parseInt(count.out().trim());
        assertThat(chunks).as("chunks of a recording rotated every 200 ms").isGreaterThan(4);
    }

    /** Two "machines", each making some of the chunks' partials; the files merged in a shuffled order. */
    @Test
    void partialsMadeApartAndGivenInAnyOrderGiveTheRecordingsReport() throws Exception {
        Path machines = Files.createDirectories(dir.resolve("machines"));
        List<String> first = new ArrayList<>(List.of("partial", recording.toString(), "-d", machines.toString()));
        List<String> second = new ArrayList<>(first);
        List<String> even = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            if (chunk % 2 == 0) {
                even.add(Integer.toString(chunk));
            } else {
                second.addAll(List.of("--chunk", Integer.toString(chunk)));
            }
        }
        // One machine names its chunks as a list (with one twice), the other flag by flag.
        first.addAll(List.of("--chunk", String.join(",", even) + ",0"));
        CliRun evenRun = CliRun.of(first.toArray(String[]::new));
        CliRun odd = CliRun.of(second.toArray(String[]::new));

        assertThat(evenRun.exitCode()).as(evenRun.err()).isZero();
        assertThat(odd.exitCode()).as(odd.err()).isZero();
        assertThat(evenRun.out().lines()).as("each chunk once").hasSize((chunks + 1) / 2);
        assertThat(evenRun.out()).startsWith(machines.resolve("service.chunk-0.twpartial") + ": chunk 0 of " + chunks + ", ");
        List<String> files = partials(machines);
        assertThat(files).hasSize(chunks);
        Collections.shuffle(files, new java.util.Random(3));
        List<String> merge = new ArrayList<>(List.of("analyze", "--format", "text"));
        merge.addAll(files);

        CliRun merged = CliRun.of(merge.toArray(String[]::new));
        CliRun whole = CliRun.of("analyze", "--format", "text", "--parser", "threadwatch", recording.toString());

        assertThat(merged.exitCode()).as(merged.err()).isEqualTo(whole.exitCode());
        assertThat(merged.out()).isEqualTo(whole.out()).contains("service.jfr");
    }

    @Test
    void aMissingOrRepeatedChunkIsRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("missing"));
        assertThat(CliRun.of("partial", recording.toString(), "-d", out.toString()).exitCode()).isZero();
        List<String> files = partials(out);
        files.remove(out.resolve("service.chunk-3.twpartial").toString());
        files.remove(out.resolve("service.chunk-4.twpartial").toString());

        CliRun missing = CliRun.of(Stream.concat(Stream.of("analyze"), files.stream()).toArray(String[]::new));
        List<String> twice = new ArrayList<>(partials(out));
        twice.add(twice.get(0));
        CliRun repeated = CliRun.of(Stream.concat(Stream.of("analyze"), twice.stream()).toArray(String[]::new));

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("threadwatch analyze: 'service.jfr' has " + chunks + " chunks and no partial"
                + " was given for chunks 3, 4: a report needs every chunk's partial\n");
        assertThat(repeated.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(repeated.err()).contains("are both chunk 0: give each chunk's partial once");
    }

    @Test
    void partialsWithARecordingOrWithEachAreAUsageError() throws Exception {
        Path out = Files.createDirectories(dir.resolve("mixed"));
        assertThat(CliRun.of("partial", recording.toString(), "-d", out.toString(), "--chunk", "0").exitCode()).isZero();
        String partial = partials(out).get(0);

        CliRun mixed = CliRun.of("analyze", partial, recording.toString());
        CliRun each = CliRun.of("analyze", "--each", partial);
        CliRun jmc = CliRun.of("analyze", "--parser", "jmc", partial);

        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(mixed.err()).isEqualTo("threadwatch analyze: '" + partial + "' is a chunk partial and '" + recording
                + "' is not: give analyze the recordings of one JVM, or the partials of one recording\n");
        assertThat(each.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(each.err()).contains("chunk partials are merged into one report").contains("not with --each");
        assertThat(jmc.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(jmc.err()).contains("not with --parser jmc");
    }

    /** Two devices' recordings of the same name: their partials are told apart by size and time, not by name. */
    @Test
    void partialsOfTwoRecordingsAreRefusedBeforeAnyIsMerged() throws Exception {
        Path first = Files.createDirectories(dir.resolve("device-1"));
        Path second = Files.createDirectories(dir.resolve("device-2"));
        Path sameName = TestRecordings.gunzip(TestRecordings.recording("deadlock.default-jdk17.jfr.gz"),
                Files.createDirectories(dir.resolve("other")).resolve("service.jfr"));
        assertThat(CliRun.of("partial", recording.toString(), "-d", first.toString(), "--chunk", "1").exitCode()).isZero();
        assertThat(CliRun.of("partial", sameName.toString(), "-d", second.toString()).exitCode()).isZero();

        CliRun run = CliRun.of("analyze", partials(first).get(0), partials(second).get(0));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("threadwatch analyze: '" + partials(first).get(0) + "' and '"
                + partials(second).get(0) + "' are partials of different recordings ('service.jfr', ")
                .contains("; 'service.jfr', ").endsWith(": merge each recording's partials on their own\n");
    }

    @Test
    void aDamagedPartialIsBadInputNamingTheFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("damaged"));
        assertThat(CliRun.of("partial", recording.toString(), "-d", out.toString()).exitCode()).isZero();
        List<String> files = partials(out);
        Path cut = Path.of(files.get(1));
        byte[] bytes = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        CliRun run = CliRun.of(Stream.concat(Stream.of("analyze"), files.stream()).toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("threadwatch analyze: '" + cut + "': ").doesNotContain("Exception")
                .hasLineCount(1);
    }

    @Test
    void aChunkTheFileDoesNotHaveIsAUsageErrorAndNotJfrIsBadInput() throws Exception {
        CliRun beyond = CliRun.of("partial", recording.toString(), "--chunk", Integer.toString(chunks), "-d",
                dir.toString());
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a recording\n");
        CliRun notJfr = CliRun.of("partial", text.toString());
        CliRun noDirectory = CliRun.of("partial", recording.toString(), "-d", text.toString());

        assertThat(beyond.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(beyond.err()).isEqualTo("threadwatch partial: 'service.jfr' has " + chunks + " chunks, numbered from "
                + "0: there is no chunk " + chunks + "\n");
        assertThat(notJfr.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notJfr.err()).startsWith("threadwatch partial: ").hasLineCount(1);
        assertThat(noDirectory.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noDirectory.err()).isEqualTo("threadwatch partial: '" + text + "' is not a directory\n");
    }

    @Test
    void aGzipRecordingIsSplitToo() throws Exception {
        Path out = Files.createDirectories(dir.resolve("gzip"));
        Path gz = TestRecordings.recording("deadlock.default-jdk17.jfr.gz");

        CliRun run = CliRun.of("partial", gz.toString(), "-d", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(partials(out)).containsExactly(out.resolve("deadlock.default-jdk17.chunk-0.twpartial").toString());
    }

    private static List<String> partials(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.map(Path::toString).filter(name -> name.endsWith(".twpartial")).sorted().toList());
        }
    }
}
