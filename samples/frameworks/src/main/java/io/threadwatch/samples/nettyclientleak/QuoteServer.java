package io.threadwatch.samples.nettyclientleak;

import io.threadwatch.samples.netty.QuoteService;

/**
 * The Netty 4.2 quote server of {@link QuoteService}, one line {@code QUOTE <symbol>} per
 * connection, that asks an inventory backend (a second Netty server on loopback) for every quote
 * through {@link InventoryClient}. Boss, worker and lookup groups are created once, as in the
 * healthy variant.
 *
 * <p><b>Problem:</b> {@link InventoryClient#fetch} creates a client event-loop group per request
 * and never shuts it down; the group's event-loop thread starts on {@code connect} and lives on,
 * idle in its selector: one thread leaked per request ({@code inventory-client-N-1}), a thread
 * leak at {@code InventoryClient.fetch}. See {@link InventoryClient} for the fix.
 */
public final class QuoteServer {

    private QuoteServer() {
    }

    public static void main(String[] args) throws Exception {
        QuoteService.run(args, InventoryClient::new);
    }
}
