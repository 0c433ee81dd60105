package io.threadwatch.analyzer.source;

/**
 * Told by a {@link RecordingSource} how far it has read, each time it has handed the events of
 * more chunks (or, for parsers that read a file whole, of more files) to its sink. Called on the
 * replaying thread; the values only grow within one replay.
 */
@FunctionalInterface
public interface ReadProgress {

    /** Ignores progress; sources then skip the counting altogether. */
    ReadProgress NONE = (bytesRead, chunksRead) -> {
    };

    /**
     * @param bytesRead  bytes of the files read so far, as stored (compressed bytes of a gzip file,
     *                   in proportion to the chunks read from it)
     * @param chunksRead complete chunks read so far, corrupt ones left out included
     */
    void read(long bytesRead, int chunksRead);
}
