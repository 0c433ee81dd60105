package io.threadwatch.samples.commonpoolstarvation;

import io.threadwatch.samples.support.LoadDriver;

/** Load for {@link PriceService}: 10 price requests a second at a steady pace (clients give up after 2 s). */
public final class PriceLoad {

    private static final long REQUEST_EVERY_MILLIS = 100;

    private PriceLoad() {
    }

    public static void main(String[] args) {
        LoadDriver.fromArgs(args).startPaced(REQUEST_EVERY_MILLIS, n -> "PRICE " + (n * 37) % 10_000);
    }
}
