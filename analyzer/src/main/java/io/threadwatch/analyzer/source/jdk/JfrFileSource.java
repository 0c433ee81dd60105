package io.threadwatch.analyzer.source.jdk;

import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.ChunkHeader;
import io.threadwatch.analyzer.source.ProgressCounter;
import io.threadwatch.analyzer.source.ReadProgress;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingSource;
import io.threadwatch.analyzer.source.translate.EventTranslator;
import io.threadwatch.analyzer.source.translate.SourceEvent;
import io.threadwatch.analyzer.source.translate.TranslationContext;
import io.threadwatch.analyzer.source.translate.TranslatorFailure;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.consumer.EventStream;

/**
 * Replays recording files through the JDK's {@code EventStream}, ordered by commit time, with one
 * handler per event type the analysis reads: the stream then skips every other type.
 */
public final class JfrFileSource implements RecordingSource {

    private final RecordingFiles files;
    private final StackTable stacks;
    private final ProgressCounter progress;

    public JfrFileSource(RecordingFiles files, StackTable stacks) {
        this(files, stacks, ReadProgress.NONE);
    }

    /**
     * A source that tells {@code progress} as chunks are read. The JDK's stream says nothing of
     * chunks, so a chunk counts as read once an event ending after it is delivered, and every
     * chunk of a file once the stream ends.
     */
    public JfrFileSource(RecordingFiles files, StackTable stacks, ReadProgress progress) {
        this.files = files;
        this.stacks = stacks;
        this.progress = new ProgressCounter(files, progress);
    }

    /** A value of an event that the JDK's consumer API fails to resolve: the recording is corrupt. */
    private static final class CorruptEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CorruptEvent(String eventType, Throwable cause) {
            super("a " + eventType + " event is corrupt: " + cause, cause);
        }
    }

    /**
     * Sends every translated event, file after file in time order, to {@code sink}. A file whose
     * chunks come from different JVM builds is read one run of alike chunks at a time, each from a
     * temporary copy, because the JDK's parser misreads them as one file ({@link ChunkRuns}).
     *
     * @throws RecordingException when the JDK's parser rejects a chunk or reads no event from a file
     */
    @Override
    public void replay(EventSink sink) throws RecordingException {
        for (RecordingFiles.Input input : files.inputs()) {
            long delivered = replayRuns(input, sink);
            if (delivered == 0) {
                // EventStream stops silently on a corrupt chunk (observed on 17 and 25): say so
                // rather than report a healthy recording.
                throw new RecordingException("'" + input.name() + "': the JDK's JFR parser read no event from it; "
                        + "the recording is corrupt or holds none of the events Threadwatch reads", null, true);
            }
        }
    }

    private long replayRuns(RecordingFiles.Input input, EventSink sink) throws RecordingException {
        if (input.chunks().size() == 1) {
            return replay(input, input.parseable(), "", 0, input.chunks(), sink);
        }
        Path runFile = null;
        try (FileChannel in = FileChannel.open(input.parseable(), StandardOpenOption.READ)) {
            List<List<ChunkHeader>> runs = ChunkRuns.of(in, input.chunks());
            if (runs.size() == 1) {
                return replay(input, input.parseable(), "", 0, input.chunks(), sink);
            }
            runFile = Files.createTempFile("threadwatch-run-", ".jfr");
            long delivered = 0;
            int first = 1;
            for (List<ChunkHeader> run : runs) {
                copy(in, run, runFile);
                int last = first + run.size() - 1;
                String part = " (chunk" + (first == last ? " " + first : "s " + first + "-" + last) + " of "
                        + input.chunks().size() + ")";
                delivered += replay(input, runFile, part, first - 1, run, sink);
                first = last + 1;
            }
            return delivered;
        } catch (IOException e) {
            throw new RecordingException("'" + input.name() + "': cannot read: " + e.getMessage(), e);
        } finally {
            if (runFile != null) {
                delete(runFile);
            }
        }
    }

    /** Copies consecutive chunks into {@code target}, replacing what it held. */
    private static void copy(FileChannel in, List<ChunkHeader> run, Path target) throws IOException {
        long from = run.get(0).offset();
        ChunkHeader end = run.get(run.size() - 1);
        long length = end.offset() + end.size() - from;
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            long copied = 0;
            while (copied < length) {
                long n = in.transferTo(from + copied, length - copied, out);
                if (n <= 0) {
                    throw new IOException("the file became shorter while it was read");
                }
                copied += n;
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left in the temp directory; nothing reads it again.
            file.toFile().deleteOnExit();
        }
    }

    /**
     * Replays one file of complete chunks, {@code chunks} of {@code input} from its chunk
     * {@code before} on; {@code part} names them in messages. Returns the events delivered.
     */
    private long replay(RecordingFiles.Input input, Path file, String part, int before, List<ChunkHeader> chunks,
                        EventSink sink) throws RecordingException {
        // Event type ids belong to a chunk's metadata, which differs between JVM builds.
        TranslationContext context = new TranslationContext();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] delivered = {0};
        ChunkEnds ends = progress.listening() ? new ChunkEnds(input, before, chunks) : null;
        try (EventStream stream = EventStream.openFile(file)) {
            stream.setOrdered(true);
            StreamTranslators.register(stream, context, stacks, (translator, event) -> {
                if (failure.get() == null) {
                    delivered[0]++;
                    if (ends != null) {
                        ends.passed(event.endTime());
                    }
                    translate(translator, event, context, sink);
                }
            });
            // Without onError the stream prints exceptions from handlers to stderr and goes on.
            stream.onError(error -> failure.compareAndSet(null, error));
            stream.start();
        } catch (IOException e) {
            throw new RecordingException("'" + input.name() + "'" + part + ": the JDK's JFR parser cannot parse it: "
                    + oneLine(e.getMessage()), e, true);
        } catch (TranslatorFailure bug) {
            throw bug;
        } catch (RuntimeException | StackOverflowError e) {
            // The JDK's parser trusts the sizes and indexes it reads: corrupt metadata ends in e.g. an
            // IndexOutOfBoundsException from MetadataReader, thrown by start() rather than passed to
            // onError (17 and 25; found by DamagedRecordingFuzzTest).
            throw new RecordingException("'" + input.name() + "'" + part + ": the JDK's JFR parser fails on it: "
                    + oneLine(e.toString()), e, true);
        } catch (Error e) {
            // It also throws Errors on bad input: ChunkParser.fillConstantPools throws
            // InternalError("Pool ... must contain at least one element") for an empty constant
            // pool (17 and 25). Those are a verdict on the file, not on this JVM.
            if (!isParserVerdict(e)) {
                throw e;
            }
            throw new RecordingException("'" + input.name() + "'" + part + ": the JDK's JFR parser fails on it: "
                    + oneLine(e.toString()), e, true);
        }
        Throwable error = failure.get();
        if (error instanceof TranslatorFailure bug) {
            throw bug;
        }
        if (error != null) {
            String why = error instanceof CorruptEvent ? error.getMessage() : error.toString();
            throw new RecordingException("'" + input.name() + "'" + part + ": the JDK's JFR parser rejects it: "
                    + oneLine(why), error, true);
        }
        progress.read(input, before + chunks.size());
        return delivered[0];
    }

    /** Counts the chunks of a run as read when the events delivered pass their ends. */
    private final class ChunkEnds {
        private final RecordingFiles.Input input;
        private final int before;
        private final List<ChunkHeader> chunks;
        private int read;

        ChunkEnds(RecordingFiles.Input input, int before, List<ChunkHeader> chunks) {
            this.input = input;
            this.before = before;
            this.chunks = chunks;
        }

        void passed(Instant eventEnd) {
            int was = read;
            // The last chunk is read only when the stream ends.
            while (read < chunks.size() - 1 && eventEnd.isAfter(chunks.get(read).end())) {
                read++;
            }
            if (read > was) {
                progress.read(input, before + read);
            }
        }
    }

    /** Exception messages may span lines; a refusal is one. */
    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
    }

    private static void translate(EventTranslator translator, SourceEvent event, TranslationContext context,
                                  EventSink sink) {
        try {
            translator.translate(event, context, sink);
        } catch (RuntimeException e) {
            if (raisedByJfr(e)) {
                // The consumer API resolves constant-pool values when a field is read, so a corrupt
                // pool surfaces in a translator: e.g. an NPE inside RecordedClass.getName() for a
                // class without a name (17; found by DamagedRecordingFuzzTest).
                throw new CorruptEvent(translator.settings().eventName(), e);
            }
            throw new TranslatorFailure(translator.settings().eventName(), e);
        } catch (Error e) {
            if (isParserVerdict(e)) {
                throw new CorruptEvent(translator.settings().eventName(), e);
            }
            throw e;
        }
    }

    /**
     * Whether an Error says the JDK's parser rejects the file: raised inside jdk.jfr, and not one
     * the JVM raises for itself (out of memory, or of stack, which {@link #replay} reports on
     * its own). {@code InternalError} is a {@code VirtualMachineError} too, but the parser throws
     * it for malformed constant pools.
     */
    private static boolean isParserVerdict(Error e) {
        if (e instanceof VirtualMachineError && !(e instanceof InternalError)) {
            return false;
        }
        return raisedByJfr(e);
    }

    /**
     * Whether the first frame outside java.base is in the JDK's JFR module. An analysis stops at
     * the first failure, so the exception has its stack; only a JVM that threw the same implicit
     * exception thousands of times (C2's OmitStackTraceInFastThrow) gives none, and it then counts
     * as a Threadwatch failure.
     */
    private static boolean raisedByJfr(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (!"java.base".equals(frame.getModuleName())) {
                return "jdk.jfr".equals(frame.getModuleName());
            }
        }
        return false;
    }
}
