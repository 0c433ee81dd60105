package io.threadwatch.samples.hikarihealthy;

import io.threadwatch.samples.hikari.OrderHttpService;

/**
 * Healthy control: the order service of {@link OrderHttpService} (8 request workers, a HikariCP
 * pool of 8 connections, 5 s connection timeout) whose {@link OrderDao} closes every connection
 * with try-with-resources, also when an order names an unknown SKU (one order in eight). Bursts
 * of 40 orders every 6 to 8 s. Expected findings: none.
 */
public final class OrderService {

    private OrderService() {
    }

    public static void main(String[] args) throws Exception {
        OrderHttpService.run(args, OrderDao::new);
    }
}
