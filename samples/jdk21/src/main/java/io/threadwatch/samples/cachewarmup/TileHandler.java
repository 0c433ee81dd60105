package io.threadwatch.samples.cachewarmup;

import io.threadwatch.samples.support.LineServer;
import java.util.zip.CRC32;

/** Handles one {@code TILE <id>} request on a pool worker. */
final class TileHandler implements LineServer.Requests {

    private final TileCache cache;
    private final TileRenderer renderer;

    TileHandler(TileCache cache, TileRenderer renderer) {
        this.cache = cache;
        this.renderer = renderer;
    }

    @Override
    public String answer(String[] request) {
        int id = Integer.parseInt(request[1]);
        byte[] tile = cache.get(id, renderer::render);
        CRC32 crc = new CRC32();
        crc.update(tile);
        return "OK " + tile.length + " " + Long.toHexString(crc.getValue()) + " " + renderer.project(tile, id % 4);
    }
}
