package io.threadwatch.samples.netty;

/** The inventory backend as the quote handler sees it: each variant's own client. */
public interface Inventory {

    /** The backend's answer for {@code symbol} ({@code IN-STOCK <units>}); blocks until it comes. */
    String fetch(String symbol) throws Exception;
}
