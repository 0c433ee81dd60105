package io.threadwatch.analyzer.source.threadwatch;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Event;
import io.threadwatch.analyzer.event.EventSink;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.StackTable;
import io.threadwatch.analyzer.source.ChunkHeader;
import io.threadwatch.analyzer.source.ChunkReplay;
import io.threadwatch.analyzer.source.JfrEventNames;
import io.threadwatch.analyzer.source.ProgressCounter;
import io.threadwatch.analyzer.source.ReadProgress;
import io.threadwatch.analyzer.source.RecordingException;
import io.threadwatch.analyzer.source.RecordingFiles;
import io.threadwatch.analyzer.source.RecordingSource;
import io.threadwatch.analyzer.source.chunk.ChunkFormatException;
import io.threadwatch.analyzer.source.chunk.DecodedObject;
import io.threadwatch.analyzer.source.chunk.JfrChunk;
import io.threadwatch.analyzer.source.chunk.MetadataCache;
import io.threadwatch.analyzer.source.chunk.TypeDescriptor;
import io.threadwatch.analyzer.source.translate.EventTranslator;
import io.threadwatch.analyzer.source.translate.TranslationContext;
import io.threadwatch.analyzer.source.translate.TranslatorFailure;
import io.threadwatch.analyzer.source.translate.Translators;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays recording files with Threadwatch's own chunk decoder ({@link JfrChunk}). Chunks are
 * self-contained, so they are decoded and translated on worker threads, a few ahead of the engine
 * (as many as a {@code DecodeBudget} of the heap holds), and handed to the sink strictly in file
 * order. Within a chunk, events are sorted by end time within each flush segment, exactly as the
 * JDK's ordered {@code EventStream} does, so the engine sees the same sequence whatever the number
 * of threads and the budget.
 */
public final class ChunkFileSource implements RecordingSource, ChunkReplay {

    private final RecordingFiles files;
    private final StackTable stacks;
    private final int threads;
    private final ProgressCounter progress;
    private final DecodeBudget budget;
    private final ChunkBuffers buffers;
    private final MetadataCache metadata = new MetadataCache();
    /** The store {@link #replayChunk} decodes into, once it has been called. */
    private ChunkEvents chunkByChunk;
    /** Skipped chunks by (file, chunk) index, so that the report lists them in file order. */
    private final ConcurrentSkipListMap<Long, String> skipped = new ConcurrentSkipListMap<>();

    /** A source that decodes on as many threads as there are processors. */
    public ChunkFileSource(RecordingFiles files, StackTable stacks) {
        this(files, stacks, Runtime.getRuntime().availableProcessors());
    }

    /** A source that decodes on {@code threads} threads; 1 decodes on the calling thread. */
    public ChunkFileSource(RecordingFiles files, StackTable stacks, int threads) {
        this(files, stacks, threads, ReadProgress.NONE);
    }

    /**
     * A source that decodes on {@code threads} threads and tells {@code progress} each time a chunk's
     * events are handed to the sink (decoded chunks waiting for their turn do not count).
     */
    public ChunkFileSource(RecordingFiles files, StackTable stacks, int threads, ReadProgress progress) {
        this(files, stacks, threads, progress, DecodeBudget.ofHeap(Runtime.getRuntime().maxMemory()));
    }

    /** As above, holding only as many decoded chunks as {@code budget} allows. */
    ChunkFileSource(RecordingFiles files, StackTable stacks, int threads, ReadProgress progress, DecodeBudget budget) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.files = files;
        this.stacks = stacks;
        this.threads = threads;
        this.progress = new ProgressCounter(files, progress);
        this.budget = budget;
        this.buffers = ChunkBuffers.ofHeap(Runtime.getRuntime().maxMemory());
    }


    @Override
    public List<String> skipped() {
        return List.copyOf(skipped.values());
    }

    @Override
    public void replay(EventSink sink) throws RecordingException {
        skipped.clear();
        for (RecordingFiles.Input input : files.inputs()) {
            try (FileChannel channel = FileChannel.open(input.parseable(), StandardOpenOption.READ)) {
                if (threads == 1 || input.chunks().size() == 1) {
                    List<ChunkHeader> chunks = input.chunks();
                    ChunkEvents events = new ChunkEvents();
                    for (int i = 0; i < chunks.size(); i++) {
                        events.clear();
                        deliverWithinHeap(decodeWithinHeap(channel, chunks.get(i), input, events), chunks.get(i),
                                input, sink);
                        progress.read(input, i + 1);
                    }
                } else {
                    replayParallel(channel, input, sink);
                }
            } catch (IOException e) {
                throw new RecordingException("'" + input.name() + "': cannot read: " + e.getMessage(), e);
            }
            long first = order(input, 0);
            Map<Long, String> unread = skipped.subMap(first, first + input.chunks().size());
            if (unread.size() == input.chunks().size()) {
                throw RecordingException.noChunkRead(input.name(), List.copyOf(unread.values()));
            }
        }
    }

    @Override
    public Optional<String> replayChunk(int chunk, EventSink sink) throws RecordingException {
        int first = 0;
        for (RecordingFiles.Input input : files.inputs()) {
            int count = input.chunks().size();
            if (chunk < first + count) {
                int index = chunk - first;
                ChunkHeader header = input.chunks().get(index);
                try (FileChannel channel = FileChannel.open(input.parseable(), StandardOpenOption.READ)) {
                    // One store for every chunk read this way, as replay keeps one per thread.
                    if (chunkByChunk == null) {
                        chunkByChunk = new ChunkEvents();
                    }
                    try {
                        deliverWithinHeap(decodeWithinHeap(channel, header, input, chunkByChunk), header, input, sink);
                    } finally {
                        chunkByChunk.clear();
                    }
                } catch (IOException e) {
                    throw new RecordingException("'" + input.name() + "': cannot read: " + e.getMessage(), e);
                }
                return Optional.ofNullable(skipped.remove(order(input, index)));
            }
            first += count;
        }
        throw new IndexOutOfBoundsException("chunk " + chunk + " of a recording of " + first + " chunks");
    }

    private void replayParallel(FileChannel channel, RecordingFiles.Input input, EventSink sink)
            throws RecordingException {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "threadwatch-decoder-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(ChunkFileSource::decoderDied);
            return thread;
        });
        Deque<Pending> pending = new ArrayDeque<>();
        try {
            // Stores whose events the engine has taken, for the next chunks to reuse.
            Queue<ChunkEvents> spare = new ConcurrentLinkedQueue<>();
            List<ChunkHeader> chunks = input.chunks();
            int next = 0;
            int delivered = 0;
            // At most one chunk per worker in flight, and only as many as the budget holds, counting
            // the one being delivered. On 2 cores that is two, as before the budget: a third chunk
            // ahead was measured slower there (16.6 s against 15.6 s on a 1 GB file), its events
            // costing more in GC than the overlap gains.
            while (next < chunks.size() || !pending.isEmpty()) {
                while (next < chunks.size() && pending.size() < threads && budget.tryTake(chunks.get(next))) {
                    ChunkHeader chunk = chunks.get(next++);
                    pending.add(new Pending(chunk, workers.submit(() -> {
                        ChunkEvents events = spare.poll();
                        return decodeWithinHeap(channel, chunk, input, events == null ? new ChunkEvents() : events);
                    })));
                }
                Pending head = pending.removeFirst();
                try {
                    ChunkEvents events = await(head.events());
                    deliverWithinHeap(events, head.chunk(), input, sink);
                    events.clear();
                    spare.add(events);
                } finally {
                    budget.release(head.chunk());
                }
                progress.read(input, ++delivered);
            }
        } finally {
            workers.shutdownNow();
            // A failed replay leaves chunks in flight: the workers drop them, so does the budget.
            for (Pending abandoned : pending) {
                budget.release(abandoned.chunk());
            }
            if (!pending.isEmpty()) {
                awaitAbandoned(workers);
            }
        }
    }

    /**
     * Waits until the workers have finished the chunks a failed replay abandoned (decoding does not
     * stop when interrupted): after one chunk ran out of heap, the next one, still decoding, kept
     * the heap full while the caller built its error message, and the caller then died of a raw
     * {@link OutOfMemoryError} instead (1 run in about 20 at {@code -Xmx16m}, {@code TooLittleHeapTest}).
     */
    private static void awaitAbandoned(ExecutorService workers) {
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A decoding thread that dies outside its task: a chunk's failure, out of heap included, reaches
     * the caller through the task's future, so a worker that then runs out of heap itself (idle,
     * waiting for the next task, in a heap a chunk has just filled) would only print a second,
     * raw {@code OutOfMemoryError} beside the one-line message. Anything else is printed as usual.
     */
    private static void decoderDied(Thread thread, Throwable failure) {
        if (!(failure instanceof OutOfMemoryError)) {
            thread.getThreadGroup().uncaughtException(thread, failure);
        }
    }

    /** A chunk handed to a worker, with its events to come. */
    private record Pending(ChunkHeader chunk, Future<ChunkEvents> events) {
    }

    private static ChunkEvents await(Future<ChunkEvents> future) throws RecordingException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RecordingException recording) {
                throw recording;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * {@link #decode}, with a message fit for the user when the chunk does not fit in the heap:
     * which chunk, how big, and how much heap to give, rather than an {@link OutOfMemoryError}'s stack.
     */
    private ChunkEvents decodeWithinHeap(FileChannel channel, ChunkHeader header, RecordingFiles.Input input,
                                         ChunkEvents ordered) throws RecordingException, IOException {
        try {
            return decode(channel, header, input, ordered);
        } catch (OutOfMemoryError e) {
            // Thrown while the columns grow: the allocation that failed is the big one, so the
            // little this message needs is there. The store is dropped with the replay.
            ordered.clear();
            throw new RecordingException(DecodeBudget.outOfHeap(input.name(), input.chunks().indexOf(header),
                    input.chunks().size(), header, Runtime.getRuntime().maxMemory()), e);
        }
    }

    /**
     * Hands a decoded chunk's events to {@code sink}, with a message fit for the user when the heap
     * runs out meanwhile: the engine's thread allocates while the next chunks decode, so with a heap
     * too small for the recording either side may be the one that fails, and both get one line that
     * says how much heap to give.
     */
    private static void deliverWithinHeap(ChunkEvents events, ChunkHeader header, RecordingFiles.Input input,
                                          EventSink sink) throws RecordingException {
        try {
            events.deliverTo(sink);
        } catch (OutOfMemoryError e) {
            events.clear();
            throw new RecordingException(DecodeBudget.outOfHeapWhileAnalyzing(input.name(),
                    input.chunks().indexOf(header), input.chunks().size(), header, Runtime.getRuntime().maxMemory()), e);
        }
    }

    /** Decodes and translates one chunk, sorted as the JDK's ordered stream would deliver it. */
    private ChunkEvents decode(FileChannel channel, ChunkHeader header, RecordingFiles.Input input,
                               ChunkEvents ordered) throws RecordingException, IOException {
        return buffers.withChunk(channel, header, bytes -> decode(bytes, header, input, ordered));
    }

    private ChunkEvents decode(ByteBuffer bytes, ChunkHeader header, RecordingFiles.Input input, ChunkEvents ordered)
            throws RecordingException {
        JfrChunk chunk;
        try {
            chunk = JfrChunk.open(bytes, metadata);
        } catch (ChunkFormatException e) {
            return skip(input, header, e, ordered);
        }
        TranslationContext context = new TranslationContext();
        Map<TypeDescriptor, EventTranslator> byType = new IdentityHashMap<>();
        Map<String, EventTranslator> byName = new HashMap<>();
        for (EventTranslator translator : Translators.all()) {
            byName.put(translator.settings().eventName(), translator);
        }
        for (TypeDescriptor type : chunk.types().values()) {
            if (type.isEvent()) {
                // JDK 9 and 10 recordings name the same events com.oracle.jdk.* (JfrEventNames).
                String name = JfrEventNames.canonical(type.name());
                context.registerEventType(type.id(), name);
                EventTranslator translator = byName.get(name);
                if (translator != null) {
                    byType.put(type, translator);
                }
            }
        }
        ChunkEventView view = new ChunkEventView(chunk, stacks);
        try {
            chunk.scan(byType.keySet(), new JfrChunk.EventHandler() {
                // One sink for the whole chunk: a lambda capturing each event's end would be allocated per event.
                private long endTicks;
                private final EventSink sink = new EventSink() {
                    @Override
                    public void accept(Event translated) {
                        ordered.add(endTicks, translated);
                    }

                    @Override
                    public void blocked(long timeEpochNanos, BlockingKind kind, long threadId, long durationNanos,
                                        Stack stack, boolean timed, boolean timedOut, String blocker) {
                        ordered.addBlocked(endTicks, timeEpochNanos, kind, threadId, durationNanos, stack, timed,
                                timedOut, blocker);
                    }
                };

                @Override
                public void event(DecodedObject event) {
                    EventTranslator translator = byType.get(event.type());
                    endTicks = event.endTicks();
                    TranslatorFailure.translate(translator, view.of(event), context, sink);
                }

                @Override
                public void segmentEnd() {
                    ordered.endSegment();
                }
            });
        } catch (ChunkFormatException e) {
            // A chunk is all or nothing: its events are only in order once it is read to the end.
            return skip(input, header, e, ordered);
        }
        return ordered;
    }

    /** Chunks are self-contained, so a corrupt one costs only its own events. */
    private ChunkEvents skip(RecordingFiles.Input input, ChunkHeader header, ChunkFormatException e,
                             ChunkEvents ordered) {
        int index = input.chunks().indexOf(header);
        skipped.put(order(input, index), input.name() + ": chunk " + (index + 1) + " of " + input.chunks().size()
                + " (bytes " + header.offset() + "-" + (header.offset() + header.size()) + ") is corrupt and was not "
                + "analyzed: " + e.getMessage());
        ordered.clear();
        return ordered;
    }

    private long order(RecordingFiles.Input input, int chunk) {
        return ((long) files.inputs().indexOf(input) << 32) + chunk;
    }
}
