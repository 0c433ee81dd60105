package io.threadwatch.analyzer.source.threadwatch;

import io.threadwatch.analyzer.event.JvmInfo;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.ChunkHeader;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.chunk.ChunkFormatException;
import io.threadwatch.analyzer.source.chunk.DecodedObject;
import io.threadwatch.analyzer.source.chunk.JfrChunk;
import io.threadwatch.analyzer.source.chunk.TypeDescriptor;
import io.threadwatch.analyzer.source.translate.EventTranslator;
import io.threadwatch.analyzer.source.translate.TranslationContext;
import io.threadwatch.analyzer.source.translate.Translators;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which JVM recorded a file: the process id and start time of its first {@code jdk.JVMInformation}
 * event, which JFR writes at the start of every chunk. Every chunk file of one JVM's repository
 * names the same pair; files of different runs or machines do not (a pid alone may be reused, a
 * start time alone may coincide). Reading it decodes one event type of one chunk and stops at its
 * first event, so it costs a metadata read, not a file read.
 *
 * @param pid       the process id (0 in JDK 9 and 10 recordings, which do not record it)
 * @param startTime when the JVM started
 */
public record JvmIdentity(long pid, Instant startTime) {

    /** Thrown out of the scan at the first event: nothing after it is needed. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient JvmInfo info;

        Found(JvmInfo info) {
            super(null, null, false, false);
            this.info = info;
        }
    }

    /**
     * The JVM that recorded {@code input}, or empty when its first chunk does not say (no
     * {@code jdk.JVMInformation} event, a chunk Threadwatch's decoder cannot read, or a file only
     * JMC reads): such a file is not held against the others.
     */
    public static Optional<JvmIdentity> of(RecordingFiles.Input input) {
        if (!input.jmcOnly().isEmpty() || input.chunks().isEmpty()) {
            return Optional.empty();
        }
        ChunkHeader first = input.chunks().get(0);
        try (FileChannel channel = FileChannel.open(input.parseable(), StandardOpenOption.READ)) {
            JfrChunk chunk = JfrChunk.open(channel.map(FileChannel.MapMode.READ_ONLY, first.offset(), first.size()));
            Optional<TypeDescriptor> type = chunk.types().values().stream()
                    .filter(t -> t.isEvent() && JfrEventNames.JVM_INFORMATION.equals(JfrEventNames.canonical(t.name())))
                    .findFirst();
            if (type.isEmpty()) {
                return Optional.empty();
            }
            ChunkEventView view = new ChunkEventView(chunk, new StackTable());
            TranslationContext context = new TranslationContext();
            EventTranslator translator = Translators.jvmInformation();
            chunk.scan(List.of(type.get()), new JfrChunk.EventHandler() {
                @Override
                public void event(DecodedObject event) {
                    translator.translate(view.of(event), context, translated -> {
                        throw new Found((JvmInfo) translated);
                    });
                }

                @Override
                public void segmentEnd() {
                    // order does not matter for one event
                }
            });
            return Optional.empty();
        } catch (Found found) {
            return Optional.of(new JvmIdentity(found.info.pid(), found.info.startTime()));
        } catch (IOException | ChunkFormatException | RuntimeException e) {
            // The analysis reports what is wrong with the chunk; here it only cannot say which JVM.
            return Optional.empty();
        }
    }

    /** As a person reads it, e.g. {@code pid 4242, started 2026-11-29T19:53:00.120Z}. */
    public String describe() {
        return (pid == 0 ? "" : "pid " + pid + ", ") + "started " + startTime;
    }
}
