package io.threadwatch.samples.largeflatheap;

/**
 * The product catalog, loaded once at start-up and never changed: 100,000 products of 2 KB each
 * (attributes and description), about 200 MB in all. It stands for a snapshot read from the
 * catalog database; the content is generated.
 *
 * <p>The records are packed into 50 segments of 2,000 records (4 MB each) rather than 100,000
 * small arrays: a compact layout for read-only data, and with G1 each segment is allocated
 * directly in the old generation (a humongous object), so loading the catalog does not make the
 * young collections copy 200 MB around.
 */
final class Catalog {

    static final int PRODUCTS = 100_000;
    static final int RECORD_BYTES = 2_048;
    private static final int RECORDS_PER_SEGMENT = 2_000;

    private final byte[][] segments;

    private Catalog(byte[][] segments) {
        this.segments = segments;
    }

    static Catalog load() {
        byte[][] segments = new byte[PRODUCTS / RECORDS_PER_SEGMENT][];
        long seed = 42;
        for (int s = 0; s < segments.length; s++) {
            byte[] segment = new byte[RECORDS_PER_SEGMENT * RECORD_BYTES];
            for (int i = 0; i < segment.length; i++) {
                seed = seed * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
                int letter = (int) ((seed >>> 33) % 32);
                segment[i] = letter < 26 ? (byte) ('a' + letter) : (byte) ' '; // words of about six letters
            }
            segments[s] = segment;
        }
        return new Catalog(segments);
    }

    /** A copy of one product's record. */
    byte[] record(int id) {
        int product = Math.floorMod(id, PRODUCTS);
        byte[] record = new byte[RECORD_BYTES];
        System.arraycopy(segments[product / RECORDS_PER_SEGMENT], (product % RECORDS_PER_SEGMENT) * RECORD_BYTES,
                record, 0, RECORD_BYTES);
        return record;
    }
}
