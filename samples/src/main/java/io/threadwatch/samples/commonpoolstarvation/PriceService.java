package io.threadwatch.samples.commonpoolstarvation;

import io.threadwatch.samples.support.LineServer;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.time.Duration;

/**
 * A price service: one line {@code PRICE <sku>} per connection, answered with the price and the
 * stock level, which it asks of an inventory backend ({@link InventoryBackend}, 1 to 3 s per
 * answer) on a fixed pool of 16 request workers ({@link LineServer}). It runs on a 4-core server's
 * common {@code ForkJoinPool} ({@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=3}).
 *
 * <p><b>Problem:</b> {@link PriceHandler#quote} looks the stock up with
 * {@code CompletableFuture.supplyAsync(...)} and no executor, so the blocking socket read runs on
 * the common pool, and waits for it with {@code join()}. Three workers reading a slow backend
 * serve about one lookup a second against ten requests a second: the lookups queue in the common
 * pool, and every request worker soon waits in {@code join()} for a lookup that has not started.
 * <b>Fix:</b> give the blocking lookups an executor of their own, sized for them
 * ({@code supplyAsync(task, inventoryExecutor)}), with a read timeout on the backend's socket.
 */
public final class PriceService {

    private static final int WORKERS = 16;

    private PriceService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        InventoryBackend backend = InventoryBackend.start();
        LineServer.run(duration, "price", WORKERS, "PRICE <sku>",
                new PriceHandler(new InventoryClient(backend.port())), PriceLoad.class);
    }
}
