package io.threadwatch.analyzer;

/**
 * How far an analysis has read its recording, for a progress bar or a service's status page.
 *
 * @param bytesRead   bytes of the files read so far, as stored (compressed bytes of a gzip file)
 * @param bytesTotal  the files' size as stored
 * @param chunksRead  complete chunks read so far
 * @param chunksTotal the chunks in the recording
 */
public record AnalysisProgress(long bytesRead, long bytesTotal, int chunksRead, int chunksTotal) {

    /**
     * Told how far an analysis has come. Called on the analyzing thread, at the start, each time
     * a chunk's events have been handed to the engine (each file's, with the {@code jmc} parser,
     * which loads a file whole) and at the end, so it must return quickly; it is never called with
     * less than before, nor twice with the same values.
     */
    @FunctionalInterface
    public interface Listener {
        /** Ignores progress. */
        Listener NONE = progress -> {
        };

        void progress(AnalysisProgress progress);
    }

    /** The fraction read, from 0 to 1. */
    public double fraction() {
        return bytesTotal <= 0 ? 1.0 : Math.min(1.0, (double) bytesRead / bytesTotal);
    }
}
