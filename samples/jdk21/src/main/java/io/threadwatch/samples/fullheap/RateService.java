package io.threadwatch.samples.fullheap;

import io.threadwatch.samples.support.LineServer;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.time.Duration;

/**
 * A freight-rate service: one line {@code RATE <lane>} per connection, answered with the lane's
 * price. It keeps every rate card in memory ({@link RateBook}) and prices each request with a
 * few hundred KB of temporary work on a fixed pool of 4 workers ({@link LineServer}).
 *
 * <p><b>Problem:</b> the service runs with {@code -Xmx64m}, sized when the rate book was small;
 * the book has since grown to about 56 MB, so the live set nearly fills the heap. Young
 * collections have almost no room to work in, old collections free almost nothing, and the JVM
 * runs full collections back to back, each leaving the heap nearly as full as before. <b>Fix:</b>
 * size the heap for the live set (at least twice the rate book), or keep the book off-heap or
 * load only the lanes in use.
 */
public final class RateService {

    private static final int WORKERS = 4;

    private RateService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        RateBook book = RateBook.load();
        LineServer.run(duration, "rate", WORKERS, "RATE <lane>", new RateHandler(book), RateLoad.class);
    }
}
