package io.threadwatch.samples.hikari;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The orders table and its catalog of 40 SKUs. How an order is stored ({@link #insert}: where the
 * connection goes back to the pool) is each variant's own.
 */
public abstract class OrderStore {

    private static final int SKUS = 40;

    protected final DataSource dataSource;

    protected OrderStore(DataSource dataSource) {
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
    protected abstract long insert(long id, String sku, int qty) throws SQLException, UnknownSkuException;

    /** Stands in for the round trips to a remote database (10 to 30 ms per order). */
    protected static void networkLatency() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 31));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
