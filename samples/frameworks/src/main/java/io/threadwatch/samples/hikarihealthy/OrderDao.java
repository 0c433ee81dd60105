package io.threadwatch.samples.hikarihealthy;

import io.threadwatch.samples.hikari.OrderStore;
import io.threadwatch.samples.hikari.UnknownSkuException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Stores orders; every connection is closed by try-with-resources, on every path. */
final class OrderDao extends OrderStore {

    OrderDao(DataSource dataSource) {
        super(dataSource);
    }

    /** Prices and stores an order; returns its total in cents. */
    @Override
    protected long insert(long id, String sku, int qty) throws SQLException, UnknownSkuException {
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
}
