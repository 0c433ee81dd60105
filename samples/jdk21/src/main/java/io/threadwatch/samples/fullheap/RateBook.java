package io.threadwatch.samples.fullheap;

import java.util.Random;

/**
 * Every rate card, in memory: {@value #CARDS} cards of {@value #CARD_BYTES} bytes (about 56 MB),
 * loaded at start-up and kept for the life of the service.
 */
final class RateBook {

    static final int CARDS = 875;
    private static final int CARD_BYTES = 64 * 1024;

    private final byte[][] cards;

    private RateBook(byte[][] cards) {
        this.cards = cards;
    }

    static RateBook load() {
        Random random = new Random(42);
        byte[][] cards = new byte[CARDS][];
        for (int i = 0; i < CARDS; i++) {
            cards[i] = new byte[CARD_BYTES];
            random.nextBytes(cards[i]);
        }
        return new RateBook(cards);
    }

    byte[] card(int lane) {
        return cards[Math.floorMod(lane, CARDS)];
    }
}
