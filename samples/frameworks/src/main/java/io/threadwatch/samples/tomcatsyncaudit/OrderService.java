package io.threadwatch.samples.tomcatsyncaudit;

import io.threadwatch.samples.tomcat.TomcatService;

/**
 * An order service on embedded Tomcat: {@code POST /orders?customer=<id>&items=<n>}, served by a
 * named connector executor ({@code order-exec-N}, 4 to 40 threads, see {@link TomcatService}).
 * Every order is recorded by one shared {@link AuditService} before the answer.
 *
 * <p><b>Problem:</b> {@link AuditService#record} is {@code synchronized} and calls the remote
 * audit store inside the lock (20 to 30 ms), so Tomcat's request threads queue on its monitor
 * (contention at {@code AuditService.record}). See {@link AuditService} for the fix.
 */
public final class OrderService {

    private OrderService() {
    }

    public static void main(String[] args) throws Exception {
        TomcatService.run(args, "order", "/orders", new OrderServlet(new AuditService()), OrderLoad.class);
    }
}
