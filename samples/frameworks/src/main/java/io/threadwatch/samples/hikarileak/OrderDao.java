package io.threadwatch.samples.hikarileak;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Stores orders.
 *
 * <p><b>Bug:</b> {@link #insert} closes its connection at the end of the happy path only: when an
 * order names an unknown SKU it throws before {@code close()}, and the connection never goes
 * back to the pool (HikariCP's leak detection is off, as by default). Each such order takes one
 * of the 8 connections for good; after eight of them the pool is dry and every
 * {@code getConnection()} waits the full {@code connectionTimeout} (5 s) and fails, again and
 * again. <b>Fix:</b> try-with-resources around the connection (and statements), so that every
 * path closes it; {@code leakDetectionThreshold} to find such paths.
 */
final class OrderDao {

    private static final int SKUS = 40;

    private final DataSource dataSource;

    OrderDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void createSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE product (sku VARCHAR(20) PRIMARY KEY, price_cents BIGINT)");
            statement.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, sku VARCHAR(20), qty INT, total_cents BIGINT)");
            for (int i = 0; i < SKUS; i++) {
                statement.execute("INSERT INTO product VALUES ('sku-" + i + "', " + (199 + i * 37) + ")");
            }
        }
    }

    /** Prices and stores an order; returns its total in cents. */
    long insert(long id, String sku, int qty) throws SQLException, UnknownSkuException {
        Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT price_cents FROM product WHERE sku = ?");
        query.setString(1, sku);
        ResultSet row = query.executeQuery();
        if (!row.next()) {
            throw new UnknownSkuException(sku); // the bug: the connection is never closed on this path
        }
        long price = row.getLong(1);
        query.close();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)");
        insert.setLong(1, id);
        insert.setString(2, sku);
        insert.setInt(3, qty);
        insert.setLong(4, price * qty);
        insert.executeUpdate();
        insert.close();
        networkLatency();
        connection.close();
        return price * qty;
    }

    /** Stands in for the round trips to a remote database (10 to 30 ms per order). */
    private static void networkLatency() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 31));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
