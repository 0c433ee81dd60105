package io.threadwatch.recorder.stream;

import io.threadwatch.analyzer.source.JfrEventSettings;
import io.threadwatch.recorder.safety.DaemonThreads;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServerConnection;
import jdk.jfr.EventSettings;
import jdk.jfr.Recording;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordingStream;
import jdk.management.jfr.RemoteRecordingStream;

/**
 * A JFR stream Threadwatch reads and can snapshot: a {@link RecordingStream} in this JVM or a
 * {@link RemoteRecordingStream} from another one over JMX. The two share {@link EventStream} but
 * not {@code dump}, {@code enable} or {@code setMaxAge}; this is where they meet.
 */
public final class JfrStream implements AutoCloseable {

    /** {@code stop()} drains the stream before it closes (JDK 20+); on 17 only {@code close()} exists. */
    private static final MethodHandle LOCAL_STOP = stopMethod(RecordingStream.class);
    private static final MethodHandle REMOTE_STOP = stopMethod(RemoteRecordingStream.class);

    private final EventStream events;
    private final Dumper dumper;
    private final MethodHandle stop;
    private final boolean local;

    @FunctionalInterface
    private interface Dumper {
        void dump(Path file) throws IOException;
    }

    private JfrStream(EventStream events, Dumper dumper, MethodHandle stop, boolean local) {
        this.events = events;
        this.dumper = dumper;
        this.stop = stop;
        this.local = local;
    }

    /**
     * A stream of this JVM's events with the given settings, keeping the last {@code maxAge} (at most
     * {@code maxSize} bytes) of recording on disk for {@link #dump}.
     */
    public static JfrStream local(List<JfrEventSettings> settings, Duration maxAge, long maxSize) {
        RecordingStream stream = new RecordingStream();
        for (JfrEventSettings event : settings) {
            apply(stream.enable(event.eventName()), event);
        }
        stream.setMaxAge(maxAge);
        stream.setMaxSize(maxSize);
        return new JfrStream(stream, stream::dump, LOCAL_STOP, true);
    }

    /**
     * A stream of another JVM's events over a JMX connection to it, with the given settings. The
     * other JVM keeps the recording; {@link #dump} copies its last {@code maxAge} here.
     */
    public static JfrStream remote(MBeanServerConnection connection, List<JfrEventSettings> settings, Duration maxAge,
                                   long maxSize) throws IOException {
        RemoteRecordingStream stream = new RemoteRecordingStream(connection);
        for (JfrEventSettings event : settings) {
            apply(stream.enable(event.eventName()), event);
        }
        stream.setMaxAge(maxAge);
        stream.setMaxSize(maxSize);
        return new JfrStream(stream, stream::dump, REMOTE_STOP, false);
    }

    private static void apply(EventSettings target, JfrEventSettings event) {
        for (JfrEventSettings.Setting setting : event.settings()) {
            // "enabled" is what enable() already did; every other setting goes through by name.
            if (!setting.name().equals("enabled")) {
                target.with(setting.name(), setting.value());
            }
        }
    }

    /** The events; register handlers before {@link #start}. */
    public EventStream events() {
        return events;
    }

    /** Whether the stream reads this JVM (and so thread dumps can be written here as JSON). */
    public boolean local() {
        return local;
    }

    /**
     * Starts delivering events. A local stream runs on a daemon thread named
     * {@code threadwatch-stream}, not through {@code startAsync()}: on JDK 17 that thread is not a
     * daemon, so an application whose main method returns would never exit (observed: the JVM
     * waited on "JFR Event Stream 1"). A remote stream must use {@code startAsync()}: on JDK 17 a
     * blocking {@code RemoteRecordingStream.start()} holds the lock {@code close()} needs, so it
     * could never be closed (observed); it runs in the watching process, not in the watched one.
     */
    public void start() {
        if (!local) {
            events.startAsync();
            return;
        }
        DaemonThreads.named("threadwatch-stream").newThread(() -> {
            try {
                events.start();
            } catch (IllegalStateException closedBeforeStart) {
                // Closed before it started: nothing to deliver.
            }
        }).start();
    }

    /** Writes what the recording holds now (its last minutes) to {@code file}. */
    public void dump(Path file) throws IOException {
        dumper.dump(file);
    }

    /**
     * Makes JFR emit its {@code jdk.OldObjectSample} events (the leak candidates with their
     * allocation stacks) into the stream. JFR emits them only when a recording is dumped or stopped,
     * so this dumps to a throwaway file (observed on 17 and 25: the samples then reach the stream).
     */
    public void emitOldObjectSamples() throws IOException {
        Path file = Files.createTempFile("threadwatch-old-objects", ".jfr");
        try {
            Files.delete(file);
            dump(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Starts a new chunk in this JVM's recording, by starting and stopping an empty recording
     * (JFR rotates the chunk whenever a recording starts or stops). The JDK's stream parser keeps
     * the constant pools of the chunk it reads, every thread that appeared in it included: under
     * heavy thread churn a 12 MB chunk held 150,000 {@code RecordedThread}s (about 35 MB of heap)
     * on JDK 25. A new chunk lets it drop them. Does nothing for a remote stream.
     */
    public void rotateChunk() {
        if (!local) {
            return;
        }
        try (Recording empty = new Recording()) {
            empty.start();
            empty.stop();
        }
    }

    /** Delivers what is buffered (JDK 20+), then closes. */
    @Override
    public void close() {
        if (stop != null) {
            try {
                stop.invoke(events);
            } catch (Throwable e) {
                // The stream may not have started, or may be closed already: close() still applies.
            }
        }
        events.close();
    }

    private static MethodHandle stopMethod(Class<?> type) {
        try {
            return MethodHandles.publicLookup().findVirtual(type, "stop", MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
