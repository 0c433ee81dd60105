package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.StackTable;
import java.util.List;
import java.util.Objects;

/**
 * Where in the application something happens: the first application frame of a stack. When a
 * stack has none (threads a library or the JDK starts on its own), the best frame it has stands
 * in, labelled with what groups the threads (their name family), and {@link #application()} says so.
 *
 * @param frame       the frame
 * @param label       the frame as a {@code site} label, e.g. {@code com.acme.Reloader.reload(Reloader.java:42)}
 * @param fingerprint a stable hash of the frame (and family)
 * @param application whether {@code frame} is application code
 */
record Site(Frame frame, String label, String fingerprint, boolean application) implements Comparable<Site> {

    Site {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** The site of threads for which the recording holds no stack with an application frame. */
    static final Site UNSEEN = new Site(new Frame("", "", -1), "(no stack recorded)", "0000000000000000", false);

    static Site of(Frame frame) {
        return new Site(frame, frame.toString(), StackTable.fingerprint(List.of(frame)), true);
    }

    /** The fingerprint's hash: sites key the per-event blocking maps, and a record would hash the frame each time. */
    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Site site && fingerprint.equals(site.fingerprint)
                && label.equals(site.label) && frame.equals(site.frame);
    }

    @Override
    public int compareTo(Site other) {
        return label.compareTo(other.label);
    }
}
