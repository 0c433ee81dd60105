package io.threadwatch.samples.hikarileak;

import io.threadwatch.samples.hikari.OrderStore;
import io.threadwatch.samples.hikari.UnknownSkuException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
final class OrderDao extends OrderStore {

    OrderDao(DataSource dataSource) {
        super(dataSource);
    }

    /** Prices and stores an order; returns its total in cents. */
    @Override
    protected long insert(long id, String sku, int qty) throws SQLException, UnknownSkuException {
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
}
