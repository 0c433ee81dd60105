package io.threadwatch.samples.tomcatsyncaudit;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardThreadExecutor;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.AbstractProtocol;

/**
 * An order service on embedded Tomcat: {@code POST /orders?customer=<id>&items=<n>}, served by a
 * named connector executor ({@code order-exec-N}, 4 to 40 threads). Every order is recorded by
 * one shared {@link AuditService} before the answer.
 *
 * <p><b>Problem:</b> {@link AuditService#record} is {@code synchronized} and calls the remote
 * audit store inside the lock (20 to 30 ms), so Tomcat's request threads queue on its monitor
 * (contention at {@code AuditService.record}). See {@link AuditService} for the fix.
 */
public final class OrderService {

    private OrderService() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = SampleRun.duration(args);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("orders-tomcat").toString());

        StandardThreadExecutor executor = new StandardThreadExecutor();
        executor.setName("orderPool");
        executor.setNamePrefix("order-exec-");
        executor.setMinSpareThreads(4);
        executor.setMaxThreads(40);
        executor.setMaxIdleTime(3_000);
        tomcat.getService().addExecutor(executor);

        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        ((AbstractProtocol<?>) connector.getProtocolHandler()).setExecutor(executor);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "orders", new OrderServlet(new AuditService())).addMapping("/orders");
        tomcat.start();

        LoadGenerator load = LoadGenerator.start(OrderLoad.class, connector.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
