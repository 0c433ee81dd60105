package io.threadwatch.samples.hikari;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The order service of the HikariCP samples ({@code POST /orders?id=<n>&sku=<sku>&qty=<n>}, 8
 * request workers {@code order-worker-N}): it stores orders in an in-memory H2 database through a
 * HikariCP pool sized for the load (8 connections, pool {@code orders-db}: its housekeeper thread
 * ticks every 30 s; {@code connectionTimeout} 5 s), under {@link OrderLoad}. The variants differ
 * only in their {@link OrderStore}: {@code hikarihealthy} and {@code hikarileak}.
 */
public final class OrderHttpService {

    static final int WORKERS = 8;

    private OrderHttpService() {
    }

    /** Runs the service with the store {@code stores} makes from the pool, for the duration in {@code args}. */
    public static void run(String[] args, Function<DataSource, OrderStore> stores)
            throws IOException, InterruptedException, SQLException {
        Duration duration = SampleRun.duration(args);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPoolName("orders-db");
        config.setMaximumPoolSize(WORKERS);
        config.setConnectionTimeout(5_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        OrderStore orders = stores.apply(dataSource);
        orders.createSchema();

        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("order-worker"));
        workers.prestartAllCoreThreads();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(workers);
        http.createContext("/orders", exchange -> {
            String[] params = exchange.getRequestURI().getRawQuery().split("&");
            try {
                long total = orders.insert(Long.parseLong(value(params[0])), value(params[1]), Integer.parseInt(value(params[2])));
                respond(exchange, 200, "OK " + total);
            } catch (UnknownSkuException e) {
                respond(exchange, 422, e.getMessage());
            } catch (SQLException e) {
                respond(exchange, 503, "database unavailable: " + e.getMessage());
            }
        });
        http.start();

        LoadGenerator load = LoadGenerator.start(OrderLoad.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    private static String value(String param) {
        return param.substring(param.indexOf('=') + 1);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
