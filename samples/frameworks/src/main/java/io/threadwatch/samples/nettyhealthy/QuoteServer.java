package io.threadwatch.samples.nettyhealthy;

import io.threadwatch.samples.netty.QuoteService;

/**
 * Healthy control: the Netty 4.2 quote server of {@link QuoteService} (boss, worker and lookup
 * groups created once) that asks the inventory backend for every quote through
 * {@link InventoryClient}, whose one client event-loop group lives as long as the service. Bursts
 * of 40 requests every 6 to 8 s; the event loops and executors sit idle in between. Expected
 * findings: none.
 */
public final class QuoteServer {

    private QuoteServer() {
    }

    public static void main(String[] args) throws Exception {
        QuoteService.run(args, InventoryClient::new);
    }
}
