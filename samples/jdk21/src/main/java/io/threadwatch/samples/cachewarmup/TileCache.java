package io.threadwatch.samples.cachewarmup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Rendered tiles by id, bounded: at most {@code capacity} tiles, least recently used evicted
 * first. Keyed by what a tile depends on (its id) only, so repeated requests are hits.
 */
final class TileCache {

    private final Map<Integer, byte[]> tiles;

    TileCache(int capacity) {
        this.tiles = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached tile, or a freshly rendered one (rendered outside the lock, so workers never queue on it). */
    byte[] get(int id, IntFunction<byte[]> render) {
        synchronized (tiles) {
            byte[] tile = tiles.get(id);
            if (tile != null) {
                return tile;
            }
        }
        byte[] tile = render.apply(id);
        synchronized (tiles) {
            tiles.putIfAbsent(id, tile);
        }
        return tile;
    }
}
