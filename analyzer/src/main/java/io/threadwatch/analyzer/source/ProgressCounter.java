package io.threadwatch.analyzer.source;

import java.util.List;

/**
 * Turns "the first k chunks of this file are read" into the stored bytes and chunks of the whole
 * recording read so far, for a {@link ReadProgress}. A gzip file's chunks are counted in
 * compressed bytes in proportion to their decompressed sizes: the bar then ends at the file's
 * size as the user sees it. One per replay; not thread-safe (sources call it on the replaying thread).
 */
public final class ProgressCounter {

    private final List<RecordingFiles.Input> inputs;
    private final ReadProgress progress;

    public ProgressCounter(RecordingFiles files, ReadProgress progress) {
        this.inputs = files.inputs();
        this.progress = progress;
    }

    /** Whether anybody listens: sources skip per-event bookkeeping when not. */
    public boolean listening() {
        return progress != ReadProgress.NONE;
    }

    /** The first {@code chunks} chunks of {@code input} are read, and every file before it. */
    public void read(RecordingFiles.Input input, int chunks) {
        if (!listening()) {
            return;
        }
        long bytes = 0;
        int read = 0;
        for (RecordingFiles.Input before : inputs) {
            if (before == input) {
                break;
            }
            bytes += before.bytes();
            read += before.chunks().size();
        }
        List<ChunkHeader> own = input.chunks();
        int done = Math.min(chunks, own.size());
        long doneSize = 0;
        long allSize = 0;
        for (int i = 0; i < own.size(); i++) {
            allSize += own.get(i).size();
            if (i < done) {
                doneSize += own.get(i).size();
            }
        }
        long share = done == own.size() || allSize == 0 ? input.bytes()
                : (long) ((double) input.bytes() * doneSize / allSize);
        progress.read(bytes + share, read + done);
    }

    /** Every chunk of {@code input} is read. */
    public void fileRead(RecordingFiles.Input input) {
        read(input, input.chunks().size());
    }
}
