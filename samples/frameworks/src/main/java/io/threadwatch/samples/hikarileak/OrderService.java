package io.threadwatch.samples.hikarileak;

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

/**
 * An order service ({@code POST /orders?id=<n>&sku=<sku>&qty=<n>}, 8 request workers) that
 * stores orders in an in-memory H2 database through a HikariCP pool sized for the load (8
 * connections, pool {@code orders-db}, {@code connectionTimeout} 5 s). One order in eight names an
 * unknown SKU. Bursts of 40 orders every 6 to 8 s.
 *
 * <p><b>Problem:</b> {@link OrderDao#insert} leaks its connection when the SKU is unknown (5 per
 * burst): the pool is dry in the middle of the second burst (about 10 s), and from then on every
 * request worker waits 5 s in {@code getConnection()} and fails, again and again (long blocking,
 * a timed park, at {@code OrderDao.insert}). See {@link OrderDao} for the fix.
 */
public final class OrderService {

    static final int WORKERS = 8;

    private OrderService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException, SQLException {
        Duration duration = SampleRun.duration(args);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPoolName("orders-db");
        config.setMaximumPoolSize(WORKERS);
        config.setConnectionTimeout(5_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        OrderDao orders = new OrderDao(dataSource);
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
