package io.threadwatch.samples.cachewarmup;

import io.threadwatch.samples.support.LineServer;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;

/**
 * A map-tile service: one line {@code TILE <id>} per connection, answered with the size and
 * checksum of the rendered tile (about 64 KB). A fixed pool of 8 workers ({@link LineServer})
 * renders tiles and keeps them in a bounded {@link TileCache}. Healthy control for the heap rules:
 * the map has 1,200 tiles, so the cache fills up during the first seconds of traffic (the heap
 * used after GC rises by about 75 MB in about 12 s) and then every request is a hit and the heap
 * after GC holds. Each render also allocates about 1 MB that dies young, so young collections
 * dominate.
 */
public final class TileService {

    private static final int WORKERS = 8;

    private TileService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        LineServer.run(SampleRun.duration(args), "tile", WORKERS, "TILE <id>",
                new TileHandler(new TileCache(TileLoad.TILES), new TileRenderer()), TileLoad.class);
    }
}
