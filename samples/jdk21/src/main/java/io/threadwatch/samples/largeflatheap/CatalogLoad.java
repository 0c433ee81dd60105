package io.threadwatch.samples.largeflatheap;

import io.threadwatch.samples.support.LoadDriver;

/** Load for {@link CatalogService}: 50 product pages a second at a steady pace. */
public final class CatalogLoad {

    private static final long REQUEST_EVERY_MILLIS = 20;

    private CatalogLoad() {
    }

    public static void main(String[] args) {
        LoadDriver.fromArgs(args).startPaced(REQUEST_EVERY_MILLIS, n -> "PRODUCT " + (n * 7_919) % 100_000);
    }
}
