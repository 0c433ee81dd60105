package io.threadwatch.analyzer.source.jmc;

import io.threadwatch.analyzer.source.ChunkHeader;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.chunk.ChunkLinks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The chunks of one file that JMC's parser can be given, and a line for each one left out. JMC
 * follows a chunk's record sizes and constant-pool links without checking them: a record of size
 * 0 or -1, or a link that points back at itself, keeps its loading thread in a loop for ever (found
 * by fuzzing; the load cannot be interrupted). So every chunk of format 1.x or 2.x is checked
 * first ({@link ChunkLinks}); JDK 7/8 chunks, whose reader checks each size, are passed as they are.
 *
 * @param chunks  the chunks to give JMC, in file order
 * @param skipped one line per chunk left out, in the words of the default parser's report
 */
record JmcReadableChunks(List<ChunkHeader> chunks, List<String> skipped) {

    static JmcReadableChunks of(RecordingFiles.Input input) throws IOException {
        List<ChunkHeader> all = input.chunks().stream().sorted(Comparator.comparingLong(ChunkHeader::offset)).toList();
        List<ChunkHeader> readable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (InputStream in = JmcChunkIndex.uncompressedBuffered(input.parseable())) {
            long position = 0;
            for (ChunkHeader chunk : all) {
                position += WholeChunks.readPast(in, chunk.offset() - position);
                byte[] bytes = position == chunk.offset() ? in.readNBytes((int) chunk.size()) : new byte[0];
                position += bytes.length;
                Optional<String> problem = bytes.length < chunk.size()
                        ? Optional.of("the data ends after " + bytes.length + " of its " + chunk.size() + " bytes")
                        : formatOf(bytes) == 0 ? Optional.empty() : ChunkLinks.problem(ByteBuffer.wrap(bytes));
                if (problem.isEmpty()) {
                    readable.add(chunk);
                } else {
                    int index = input.chunks().indexOf(chunk);
                    skipped.add(input.name() + ": chunk " + (index + 1) + " of " + input.chunks().size() + " (bytes "
                            + chunk.offset() + "-" + (chunk.offset() + chunk.size()) + ") is corrupt and was not "
                            + "analyzed: " + problem.get());
                }
            }
        }
        return new JmcReadableChunks(List.copyOf(readable), List.copyOf(skipped));
    }

    private static int formatOf(byte[] chunk) {
        return chunk.length < 6 ? -1 : ((chunk[4] & 0xff) << 8) | (chunk[5] & 0xff);
    }
}
