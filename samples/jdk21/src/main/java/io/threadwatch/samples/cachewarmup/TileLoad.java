package io.threadwatch.samples.cachewarmup;

import io.threadwatch.samples.support.LoadDriver;

/**
 * Load for {@link TileService}: 100 tiles a second at a steady pace. The first pass asks for every
 * tile of the map once (in about 12 s, while the cache fills), then clients ask for tiles spread
 * over the whole map, all of them cached.
 */
public final class TileLoad {

    /** Tiles on the map. */
    static final int TILES = 1_200;
    private static final long REQUEST_EVERY_MILLIS = 10;

    private TileLoad() {
    }

    public static void main(String[] args) {
        LoadDriver.fromArgs(args).startPaced(REQUEST_EVERY_MILLIS, n -> "TILE " + (n < TILES ? n : (n * 7_919) % TILES));
    }
}
