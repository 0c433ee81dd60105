package io.threadwatch.analyzer;

import io.threadwatch.analyzer.source.ReadProgress;

/**
 * Passes a source's progress on to a listener, never less than before: when the default parser
 * gives up and JMC's reads the recording again from its start, the listener holds at the furthest
 * point until the second parser passes it.
 */
final class MonotonicProgress implements ReadProgress {

    private final AnalysisProgress.Listener listener;
    private final long bytesTotal;
    private final int chunksTotal;
    private long bytesRead = -1;
    private int chunksRead = -1;

    MonotonicProgress(AnalysisProgress.Listener listener, long bytesTotal, int chunksTotal) {
        this.listener = listener;
        this.bytesTotal = bytesTotal;
        this.chunksTotal = chunksTotal;
    }

    /** What sources are given: nothing to count when nobody listens. */
    ReadProgress forSources() {
        return listener == AnalysisProgress.Listener.NONE ? ReadProgress.NONE : this;
    }

    @Override
    public void read(long bytes, int chunks) {
        long nextBytes = Math.max(bytesRead, Math.min(bytes, bytesTotal));
        int nextChunks = Math.max(chunksRead, Math.min(chunks, chunksTotal));
        if (nextBytes == bytesRead && nextChunks == chunksRead) {
            return;
        }
        bytesRead = nextBytes;
        chunksRead = nextChunks;
        listener.progress(new AnalysisProgress(bytesRead, bytesTotal, chunksRead, chunksTotal));
    }
}
