package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.ChunkPartial;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code threadwatch partial}: one recording's chunks read on their own, each into a file to ship. */
@Command(name = "partial",
        description = {"Reads chunks of a JFR recording on their own and writes each one's partial: the first half of "
                + "analyzing one big recording on several machines. Run it for different chunks on different "
                + "machines (or in parallel on one), gather the partials, and 'threadwatch analyze' them together: "
                + "the report is the one 'analyze --parser threadwatch FILE' gives.",
                "A partial holds the chunk's events the analysis reads, compactly (about 40%% of the chunk's "
                        + "bytes), and what the report says of the file; it is read by the same Threadwatch version "
                        + "only. FILE may be plain or gzip-compressed (decompressed whole by each run: split plain "
                        + "files)."},
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Success: the partials are written (or the count printed).",
                "2:Usage error: a bad option, or a chunk the file does not have.",
                ExitCodes.BAD_INPUT_HELP, ExitCodes.INTERNAL_HELP})
final class PartialCommand implements Callable<Integer> {

    /** What a partial's file name ends with. */
    static final String SUFFIX = ".twpartial";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The recording (.jfr or .jfr.gz).")
    Path file;

    @Option(names = "--chunk", paramLabel = "N", split = ",",
            description = "Read chunk N only, numbered from 0 (repeatable, or a list: 0,1,2). Default: every chunk.")
    List<Integer> chunks = new ArrayList<>();

    @Option(names = "--count",
            description = "Print how many chunks FILE has (the partials to make, 0 to count - 1) and write nothing.")
    boolean count;

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", defaultValue = ".",
            description = "Write the partials into DIR, as NAME.chunk-N" + SUFFIX + ". Default: the current directory.")
    Path directory;

    @Option(names = "--max-decompressed-size", paramLabel = "SIZE", converter = Converters.SizeConverter.class,
            description = "Refuse a compressed recording that expands to more than SIZE, e.g. 4g. Default: 16g.")
    Long maxDecompressedSize;

    @Override
    public Integer call() {
        AnalysisOptions options = AnalysisOptions.defaults();
        if (maxDecompressedSize != null) {
            options = options.withLimits(new RecordingLimits(maxDecompressedSize));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ChunkPartial.Chunks recording = ChunkPartial.open(file, options)) {
            if (count) {
                out.println(recording.count());
                return ExitCodes.OK;
            }
            if (!Files.isDirectory(directory)) {
                throw new CommandFailure(ExitCodes.USAGE, "'" + directory + "' is not a directory");
            }
            // Each chunk once, in order, however the flags named it.
            SortedSet<Integer> wanted = new TreeSet<>(chunks);
            if (wanted.isEmpty()) {
                for (int chunk = 0; chunk < recording.count(); chunk++) {
                    wanted.add(chunk);
                }
            }
            // One partial in memory at a time: a big file's partials together would not fit the heap.
            for (int chunk : wanted) {
                ChunkPartial partial = recording.read(chunk);
                Path target = directory.resolve(stem(file) + ".chunk-" + partial.chunk() + SUFFIX);
                byte[] bytes = partial.toBytes();
                write(target, bytes);
                out.printf(Locale.ROOT, "%s: chunk %d of %d, %d events, %d bytes%s%n", target, partial.chunk(),
                        partial.chunks(), partial.events(), bytes.length,
                        partial.skipped().map(why -> " (skipped: " + why + ")").orElse(""));
            }
            return ExitCodes.OK;
        } catch (RecordingException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
    }

    /** The recording's name without {@code .jfr} or {@code .jfr.gz}. */
    static String stem(Path recording) {
        String name = recording.getFileName().toString();
        for (String extension : List.of(".jfr.gz", ".jfr", ".gz")) {
            if (name.endsWith(extension) && name.length() > extension.length()) {
                return name.substring(0, name.length() - extension.length());
            }
        }
        return name;
    }

    private static void write(Path target, byte[] bytes) {
        try {
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.USAGE, "cannot write '" + target + "': " + e.getMessage());
        }
    }
}
