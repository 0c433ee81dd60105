package io.threadwatch.samples.cachewarmup;

import io.threadwatch.samples.support.LoadDriver;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
        LoadDriver driver = LoadDriver.fromArgs(args);
        ExecutorService clients = Executors.newCachedThreadPool();
        LoadDriver.startClient("pacer", () -> {
            for (long n = 0; ; n++) {
                long tile = n < TILES ? n : (n * 7_919) % TILES;
                String request = "TILE " + tile;
                clients.execute(() -> driver.request(request, Duration.ofSeconds(2)));
                LoadDriver.pause(REQUEST_EVERY_MILLIS);
            }
        });
    }
}
