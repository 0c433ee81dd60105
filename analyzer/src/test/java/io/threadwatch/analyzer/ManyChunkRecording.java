package io.threadwatch.analyzer;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Recording;

/** A real recording of many chunks, made by recording the test JVM itself. */
public final class ManyChunkRecording {

    private static final int SIZE_AT = 8;

    private ManyChunkRecording() {
    }

    /**
     * Records this JVM for {@code length} with blocking and thread churn, starting and stopping a
     * second recording every 200 ms: each start and stop rotates the chunk.
     */
    public static Path record(Path target, Duration length) throws Exception {
        Path jfc = Path.of(System.getProperty("threadwatch.jfc", "../threadwatch.jfc")).toAbsolutePath();
        try (Recording recording = new Recording(jdk.jfr.Configuration.create(jfc))) {
            recording.start();
            Object lock = new Object();
            List<Thread> workers = new ArrayList<>();
            CountDownLatch stop = new CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                Thread worker = new Thread(() -> {
                    while (stop.getCount() > 0) {
                        synchronized (lock) {
                            LockSupport.parkNanos(25_000_000L);
                        }
                        Thread shortLived = new Thread(() -> LockSupport.parkNanos(30_000_000L), "short-lived");
                        shortLived.start();
                        LockSupport.parkNanos(25_000_000L);
                    }
                }, "contender-" + i);
                worker.start();
                workers.add(worker);
            }
            long end = System.nanoTime() + length.toNanos();
            while (System.nanoTime() < end) {
                try (Recording rotation = new Recording()) {
                    rotation.start();
                    Thread.sleep(200);
                }
            }
            stop.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            recording.dump(target);
        }
        return target;
    }

    /**
     * Writes each chunk of {@code recording} to a file of its own in {@code dir}, as a JVM's
     * repository holds them ({@code chunk-0.jfr}, ...), and returns them in file order.
     */
    public static List<Path> splitIntoChunkFiles(Path recording, Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(recording);
        List<Path> files = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int size = (int) ByteBuffer.wrap(bytes, at + SIZE_AT, Long.BYTES).getLong();
            Path file = dir.resolve("chunk-" + files.size() + ".jfr");
            Files.write(file, java.util.Arrays.copyOfRange(bytes, at, at + size));
            files.add(file);
            at += size;
        }
        return files;
    }
}
