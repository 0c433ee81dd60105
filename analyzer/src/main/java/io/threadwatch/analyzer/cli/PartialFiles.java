package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.ChunkPartial;
import io.threadwatch.analyzer.PartialMerge;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.source.RecordingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files {@code threadwatch partial} wrote, given to {@code analyze} in any order (a shell glob
 * sorts chunk-10 before chunk-2): each is read once to learn its chunk, then again in chunk order
 * into the merge, so that no more than one partial is in memory at a time.
 */
final class PartialFiles {

    private record Located(int chunk, Path file) {
    }

    private PartialFiles() {
    }

    /**
     * Whether {@code files} are partials; a mix of partials and recordings is a usage error. A file
     * that cannot be read is left to the recording's path, which says why.
     */
    static boolean given(List<Path> files) {
        Path partial = null;
        Path other = null;
        for (Path file : files) {
            boolean isPartial;
            try {
                isPartial = Files.isRegularFile(file) && ChunkPartial.isPartial(file);
            } catch (IOException e) {
                isPartial = false;
            }
            if (isPartial) {
                partial = partial == null ? file : partial;
            } else {
                other = other == null ? file : other;
            }
        }
        if (partial != null && other != null) {
            throw new CommandFailure(ExitCodes.USAGE, "'" + partial + "' is a chunk partial and '" + other + "' is not: "
                    + "give analyze the recordings of one JVM, or the partials of one recording");
        }
        return partial != null;
    }

    /** The report of the recording whose partials {@code files} are, in any order. */
    static Report merge(List<Path> files, AnalysisOptions options) {
        List<Located> located = new ArrayList<>();
        ChunkPartial first = null;
        for (Path file : files) {
            ChunkPartial partial = read(file);
            if (first == null) {
                first = partial;
            } else if (!partial.sameRecordingAs(first)) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + located.get(0).file() + "' and '" + file
                        + "' are partials of different recordings (" + first.describeRecording() + "; "
                        + partial.describeRecording() + "): merge each recording's partials on their own");
            }
            located.add(new Located(partial.chunk(), file));
        }
        located.sort(Comparator.comparingInt(Located::chunk));
        for (int i = 1; i < located.size(); i++) {
            if (located.get(i).chunk() == located.get(i - 1).chunk()) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + located.get(i - 1).file() + "' and '"
                        + located.get(i).file() + "' are both chunk " + located.get(i).chunk() + ": give each chunk's "
                        + "partial once");
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int chunk = 0, at = 0; chunk < first.chunks(); chunk++) {
            if (at < located.size() && located.get(at).chunk() == chunk) {
                at++;
            } else {
                missing.add(chunk);
            }
        }
        if (!missing.isEmpty()) {
            String listed = missing.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
                    + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "");
            throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + first.recordingName() + "' has " + first.chunks()
                    + " chunks and no partial was given for chunk" + (missing.size() == 1 ? " " : "s ") + listed
                    + ": a report needs every chunk's partial");
        }
        PartialMerge merge = PartialMerge.start(options);
        for (Located partial : located) {
            try {
                merge.add(read(partial.file()));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + partial.file() + "': " + e.getMessage());
            }
        }
        try {
            return merge.finish();
        } catch (IllegalStateException | RecordingException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    private static ChunkPartial read(Path file) {
        try {
            return ChunkPartial.fromBytes(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + file + "': cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + file + "': " + e.getMessage());
        }
    }
}
