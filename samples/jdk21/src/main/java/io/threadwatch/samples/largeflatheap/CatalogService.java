package io.threadwatch.samples.largeflatheap;

import io.threadwatch.samples.support.LineServer;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.time.Duration;

/**
 * A product-catalog service: one line {@code PRODUCT <id>} per connection, answered with the size
 * and checksum of the rendered product page. Healthy control for the heap rules: at start-up it
 * loads the whole catalog into memory (about 200 MB of long-lived data, in about a second),
 * then serves about 50 pages a second on a fixed pool of 8 workers ({@link LineServer}). Each page
 * allocates a few MB that die young, so young collections happen every second or two, but the heap
 * used after GC stays flat at the catalog's size for the rest of the run.
 */
public final class CatalogService {

    private static final int WORKERS = 8;

    private CatalogService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        Catalog catalog = Catalog.load();
        LineServer.run(duration, "catalog", WORKERS, "PRODUCT <id>", new ProductPageHandler(catalog), CatalogLoad.class);
    }
}
