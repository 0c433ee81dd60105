package io.threadwatch.analyzer;

import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.rules.Window;
import java.time.Instant;
import java.util.List;

/**
 * What the analysis of a recording needs to know of its files before the first event: their
 * names and size, how many chunks they hold, the time they cover and what was cut off them. A
 * {@link ChunkPartial} carries it, so that partials merge on a machine that never saw the files.
 *
 * @param name        the file names, in time order, joined with ", "
 * @param bytes       bytes of the files as given
 * @param chunks      complete chunks in the files
 * @param start       when the earliest chunk starts
 * @param end         when the last chunk ends
 * @param recorded    the stretches of time the chunks cover, in time order
 * @param truncations what was cut off a file, one line each
 */
record RecordingShape(String name, long bytes, int chunks, Instant start, Instant end, List<Window> recorded,
                      List<String> truncations) {

    RecordingShape {
        recorded = List.copyOf(recorded);
        truncations = List.copyOf(truncations);
    }

    /** The recording as messages name it: name, size, chunks and start. */
    String describe() {
        return "'" + name + "', " + bytes + " bytes, " + chunks + " chunks from " + start;
    }

    static RecordingShape of(RecordingFiles files) {
        return new RecordingShape(files.name(), files.bytes(), files.chunks(), files.start(), files.end(),
                files.recorded(), files.truncations());
    }
}
