package io.threadwatch.samples.commonpoolstarvation;

import io.threadwatch.samples.support.LineServer;
import java.util.concurrent.CompletableFuture;

/**
 * Handles one {@code PRICE <sku>} request.
 *
 * <p><b>Bug:</b> {@link #quote} runs the blocking stock lookup with {@code supplyAsync} and no
 * executor: on the common {@code ForkJoinPool}, whose few workers the slow lookups hold.
 */
final class PriceHandler implements LineServer.Requests {

    private final InventoryClient inventory;

    PriceHandler(InventoryClient inventory) {
        this.inventory = inventory;
    }

    @Override
    public String answer(String[] request) {
        long sku = Long.parseLong(request[1]);
        return quote(sku);
    }

    private String quote(long sku) {
        CompletableFuture<Long> stock = CompletableFuture.supplyAsync(() -> inventory.stockLevel(sku)); // the bug
        return "OK " + sku + " " + (1_000 + sku % 9_000) + " " + stock.join();
    }
}
