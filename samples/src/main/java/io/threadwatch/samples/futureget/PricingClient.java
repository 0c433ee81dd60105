package io.threadwatch.samples.futureget;

import io.threadwatch.samples.support.NamedThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for an asynchronous pricing backend reached over a message broker: a request
 * returns a future that the reply callback completes 10 to 30 ms later.
 *
 * <p>The broker loses one reply in twenty (deterministically, so that recordings are
 * comparable): that future never completes. Losing messages is not the bug; waiting for them
 * without a timeout is (see {@link QuoteHandler}).
 */
final class PricingClient {

    private static final int LOSE_ONE_REPLY_IN = 20;

    private final ScheduledExecutorService replies;
    private final AtomicLong requests = new AtomicLong();

    private PricingClient(ScheduledExecutorService replies) {
        this.replies = replies;
    }

    static PricingClient start() {
        ScheduledThreadPoolExecutor replies = new ScheduledThreadPoolExecutor(2, new NamedThreadFactory("pricing-reply"));
        replies.prestartAllCoreThreads();
        return new PricingClient(replies);
    }

    CompletableFuture<Long> requestQuote(String symbol) {
        CompletableFuture<Long> reply = new CompletableFuture<>();
        long n = requests.incrementAndGet();
        if (n % LOSE_ONE_REPLY_IN != 3) {
            long latencyMillis = ThreadLocalRandom.current().nextLong(10, 31);
            long priceCents = 1_000 + Math.floorMod(symbol.hashCode() + n, 90_000);
            replies.schedule(() -> reply.complete(priceCents), latencyMillis, TimeUnit.MILLISECONDS);
        }
        return reply;
    }
}
