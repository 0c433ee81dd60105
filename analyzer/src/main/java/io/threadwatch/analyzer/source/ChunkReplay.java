package io.threadwatch.analyzer.source;

import io.threadwatch.analyzer.event.EventSink;
import java.util.Optional;

/**
 * Replays a recording one chunk at a time, in any order and on any machine that has the files: what
 * a partial analysis reads. Chunks are self-contained, so chunk {@code i} gives the events
 * {@link RecordingSource#replay} gives for it, whatever was read before.
 */
public interface ChunkReplay {

    /**
     * Sends the translated events of one chunk to {@code sink}, on the calling thread, in the order
     * {@link RecordingSource#replay} sends them.
     *
     * @param chunk the chunk's index over the recording's files, in time order, from 0 to
     *              {@link RecordingFiles#chunks()} - 1
     * @return why the chunk was skipped (it is corrupt and gave no event), or empty when it was read
     * @throws RecordingException when a file cannot be read
     */
    Optional<String> replayChunk(int chunk, EventSink sink) throws RecordingException;
}
