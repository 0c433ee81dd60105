package io.threadwatch.analyzer.source.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.ManyChunkRecording;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.ChunkHeader;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingLimits;
import io.threadwatch.analyzer.source.chunk.ChunkLayout;
import io.threadwatch.analyzer.source.threadwatch.ChunkFileSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one way the JDK's parser and Threadwatch's date a recording of several chunks differently.
 * The JDK's keeps the tick-to-time conversion of the first chunk of a run ({@link ChunkRuns}) for
 * the whole run; Threadwatch's converts each chunk with its own header, as the format defines it.
 * The two agree only if the ticks run at the rate the header gives: on a 2.8 GHz Xeon VM, JFR's
 * ticks (the time stamp counter, at the nominal 2.8 GHz) fell behind the wall clock by 2.3 ms a
 * second, so a chunk 3 s into a recording was 7 ms apart between the two.
 */
class ParserClocksTest {

    @TempDir
    Path dir;

    /**
     * Every event the JDK's parser delivers, Threadwatch's delivers too, in the same order, dated
     * later by exactly how far its chunk's own clock is ahead of its run's first chunk's (within the
     * nanosecond the two conversions round): nothing else moves.
     */
    @Test
    void eachChunksEventsDifferByHowFarItsOwnClockIsFromItsRunsFirst() throws Exception {
        Path recording = ManyChunkRecording.record(dir.resolve("many-chunks.jfr"), Duration.ofSeconds(3));
        List<Path> chunkFiles = ManyChunkRecording.splitIntoChunkFiles(recording,
                Files.createDirectory(dir.resolve("chunks")));
        List<Event> byJdk = new ArrayList<>();
        List<Event> ours = new ArrayList<>();
        List<Long> oursOnTheRunsClock = new ArrayList<>();
        try (RecordingFiles files = RecordingFiles.open(List.of(recording), RecordingLimits.DEFAULT);
             FileChannel channel = FileChannel.open(recording)) {
            new JfrFileSource(files, new StackTable()).replay(byJdk::add);
            List<ChunkHeader> chunks = files.inputs().get(0).chunks();
            assertThat(chunkFiles).hasSameSizeAs(chunks).hasSizeGreaterThanOrEqualTo(6);
            int chunk = 0;
            for (List<ChunkHeader> run : ChunkRuns.of(channel, chunks)) {
                ByteBuffer first = header(channel, run.get(0));
                for (ChunkHeader member : run) {
                    long ahead = ownClockAhead(header(channel, member), first);
                    // A chunk read on its own is dated by its own header, as within the file.
                    try (RecordingFiles alone = RecordingFiles.open(List.of(chunkFiles.get(chunk++)), RecordingLimits.DEFAULT)) {
                        new ChunkFileSource(alone, new StackTable(), 1).replay(event -> {
                            ours.add(event);
                            oursOnTheRunsClock.add(nanos(event.time()) - ahead);
                        });
                    }
                }
            }
        }

        assertThat(ours).hasSameSizeAs(byJdk).hasSizeGreaterThan(1000);
        for (int i = 0; i < ours.size(); i++) {
            Event jdk = byJdk.get(i);
            assertThat(ours.get(i).getClass()).as("event %d", i).isEqualTo(jdk.getClass());
            assertThat(oursOnTheRunsClock.get(i)).as("event %d, %s by the JDK's parser", i, jdk.time())
                    .isBetween(nanos(jdk.time()) - 1, nanos(jdk.time()) + 1);
        }
    }

    /** Nanoseconds by which {@code chunk}'s own clock dates a tick later than {@code first}'s. */
    private static long ownClockAhead(ByteBuffer chunk, ByteBuffer first) {
        double ticksPerNano = first.getLong(ChunkLayout.TICKS_PER_SECOND_AT) / 1e9;
        long byTime = chunk.getLong(ChunkLayout.START_NANOS_AT) - first.getLong(ChunkLayout.START_NANOS_AT);
        long byTicks = Math.round((chunk.getLong(ChunkLayout.START_TICKS_AT) - first.getLong(ChunkLayout.START_TICKS_AT))
                / ticksPerNano);
        return byTime - byTicks;
    }

    private static ByteBuffer header(FileChannel channel, ChunkHeader chunk) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(ChunkHeader.SIZE);
        while (header.hasRemaining()) {
            if (channel.read(header, chunk.offset() + header.position()) < 0) {
                throw new IOException("short header at " + chunk.offset());
            }
        }
        return header;
    }

    private static long nanos(Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }
}
