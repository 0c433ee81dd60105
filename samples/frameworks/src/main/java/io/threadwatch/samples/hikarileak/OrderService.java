package io.threadwatch.samples.hikarileak;

import io.threadwatch.samples.hikari.OrderHttpService;

/**
 * The order service of {@link OrderHttpService} (8 request workers, a HikariCP pool of 8
 * connections, {@code connectionTimeout} 5 s). One order in eight names an unknown SKU. Bursts of
 * 40 orders every 6 to 8 s.
 *
 * <p><b>Problem:</b> {@link OrderDao#insert} leaks its connection when the SKU is unknown (5 per
 * burst): the pool is dry in the middle of the second burst (about 10 s), and from then on every
 * request worker waits 5 s in {@code getConnection()} and fails, again and again (long blocking,
 * a timed park, at {@code OrderDao.insert}). See {@link OrderDao} for the fix.
 */
public final class OrderService {

    private OrderService() {
    }

    public static void main(String[] args) throws Exception {
        OrderHttpService.run(args, OrderDao::new);
    }
}
