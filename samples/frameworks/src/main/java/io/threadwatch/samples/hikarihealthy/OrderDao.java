package io.threadwatch.samples.hikarihealthy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/** Stores orders; every connection is closed by try-with-resources, on every path. */
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
        try (Connection connection = dataSource.getConnection()) {
            long price;
            try (PreparedStatement query = connection.prepareStatement("SELECT price_cents FROM product WHERE sku = ?")) {
                query.setString(1, sku);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new UnknownSkuException(sku); // the connection is closed all the same
                    }
                    price = row.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, sku);
                insert.setInt(3, qty);
                insert.setLong(4, price * qty);
                insert.executeUpdate();
            }
            networkLatency();
            return price * qty;
        }
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
