package io.threadwatch.samples.fullheap;

import io.threadwatch.samples.support.LoadDriver;

/** Load for {@link RateService}: 50 rate requests a second at a steady pace. */
public final class RateLoad {

    private static final long REQUEST_EVERY_MILLIS = 20;

    private RateLoad() {
    }

    public static void main(String[] args) {
        LoadDriver.fromArgs(args).startPaced(REQUEST_EVERY_MILLIS, n -> "RATE " + (n * 31) % 100_000);
    }
}
