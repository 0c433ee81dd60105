package io.threadwatch.samples.fullheap;

import io.threadwatch.samples.support.LineServer;

/** Handles one {@code RATE <lane>} request: prices the lane from its card and its neighbours' (temporary work). */
final class RateHandler implements LineServer.Requests {

    private static final int NEIGHBOURS = 4;

    private final RateBook book;

    RateHandler(RateBook book) {
        this.book = book;
    }

    @Override
    public String answer(String[] request) {
        int lane = Integer.parseInt(request[1]);
        try {
            return "OK " + price(lane);
        } catch (OutOfMemoryError e) {
            // As a server framework does, a request that runs out of heap fails alone; the service goes on.
            return "ERR out of memory";
        }
    }

    /** A lane's price: its card and its neighbours' decoded into a temporary table (about 1 MB). */
    private long price(int lane) {
        long total = 0;
        for (int n = 0; n <= NEIGHBOURS; n++) {
            byte[] card = book.card(lane + n * 13);
            int[] decoded = new int[card.length * 2];
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = card[i % card.length] * (n + 1);
            }
            total += decoded[lane & (decoded.length - 1)];
        }
        return total;
    }
}
