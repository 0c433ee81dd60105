package io.threadwatch.samples.cachewarmup;

import java.util.Random;

/** Renders a 64 KB tile from its vector features: about 1 MB of temporary geometry per render. */
final class TileRenderer {

    private static final int TILE_BYTES = 64 * 1024;
    private static final int FEATURES = 30_000;

    byte[] render(int id) {
        Random random = new Random(id);
        double[][] features = new double[FEATURES][];
        for (int i = 0; i < FEATURES; i++) {
            features[i] = new double[] {random.nextDouble(), random.nextDouble()};
        }
        byte[] tile = new byte[TILE_BYTES];
        for (double[] feature : features) {
            int pixel = (int) (feature[0] * 256) * 256 + (int) (feature[1] * 256);
            tile[pixel % TILE_BYTES]++;
        }
        return tile;
    }

    /**
     * The temporary work of serving a tile, cached or not: projecting it for the client's zoom, in
     * rows of 16 KB (about 1 MB in all, that dies young; rows, not one array, because G1 allocates
     * an array of half a region or more outside the young generation).
     */
    long project(byte[] tile, int zoom) {
        int rowLength = 4096;
        int[][] projected = new int[tile.length * 4 / rowLength][];
        long sum = 0;
        for (int row = 0; row < projected.length; row++) {
            projected[row] = new int[rowLength];
            for (int i = 0; i < rowLength; i++) {
                projected[row][i] = tile[(row * rowLength + i) % tile.length] << zoom;
                sum += projected[row][i];
            }
        }
        return sum;
    }
}
