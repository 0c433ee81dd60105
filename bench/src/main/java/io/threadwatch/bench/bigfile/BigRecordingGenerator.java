package io.threadwatch.bench.bigfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Records itself running a {@link BlockingWorkload} until the recording passes a target size,
 * then dumps it: a large, event-dense recording for the big-recording benchmark.
 *
 * <pre>java -cp ... io.threadwatch.bench.bigfile.BigRecordingGenerator OUTPUT.jfr SIZE_MB SETTINGS.jfc [THREADS_PER_KIND]</pre>
 *
 * The size is that of the chunk files in the JFR repository, which JFR flushes about once a
 * second; {@link Recording#getSize()} only counts finished chunks. The dumped file can therefore
 * be a little larger than the target.
 */
public final class BigRecordingGenerator {
    private static final Duration POLL = Duration.ofMillis(500);

    private BigRecordingGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: BigRecordingGenerator OUTPUT.jfr SIZE_MB SETTINGS.jfc [THREADS_PER_KIND]");
            System.exit(2);
        }
        Path output = Path.of(args[0]);
        long targetBytes = Long.parseLong(args[1]) * 1024 * 1024;
        Configuration settings = Configuration.create(Path.of(args[2]));
        int threadsPerKind = args.length > 3 ? Integer.parseInt(args[3]) : 100;

        long started = System.nanoTime();
        try (Recording recording = new Recording(settings)) {
            recording.setToDisk(true);
            recording.setMaxAge(null);
            recording.setMaxSize(0);
            recording.start();
            Path repository = Path.of(System.getProperty("jdk.jfr.repository"));
            long size = 0;
            try (BlockingWorkload workload = new BlockingWorkload(threadsPerKind)) {
                while ((size = Math.max(recording.getSize(), chunkBytes(repository))) < targetBytes) {
                    Thread.sleep(POLL.toMillis());
                    System.err.printf("generator: %.1f s, %d MB of %d%n", (System.nanoTime() - started) / 1e9,
                            size >> 20, targetBytes >> 20);
                }
            }
            recording.stop();
            recording.dump(output);
        }
        System.out.printf("file=%s bytes=%d seconds=%.1f%n", output, Files.size(output),
                (System.nanoTime() - started) / 1e9);
    }

    /** The bytes of the chunk files in the JFR repository: what has been flushed so far. */
    private static long chunkBytes(Path repository) throws IOException {
        try (Stream<Path> files = Files.list(repository)) {
            return files.filter(f -> f.toString().endsWith(".jfr")).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
