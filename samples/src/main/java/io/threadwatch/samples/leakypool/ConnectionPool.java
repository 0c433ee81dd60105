package io.threadwatch.samples.leakypool;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * A fixed pool of database connections.
 *
 * <p><b>Bug (with {@link OrderHandler}):</b> {@link #borrow} waits for a free connection without
 * a timeout, so when connections leak the callers wait longer and longer, and forever once the
 * pool is empty. <b>Fix:</b> wait with a timeout ({@code poll(2, SECONDS)}) and fail the request
 * when it expires; and return connections in a {@code finally} block (see {@link OrderHandler}).
 */
final class ConnectionPool {

    private final LinkedBlockingQueue<DbConnection> idle = new LinkedBlockingQueue<>();

    ConnectionPool(int size) {
        for (int i = 1; i <= size; i++) {
            idle.add(new DbConnection(i));
        }
    }

    DbConnection borrow() throws InterruptedException {
        return idle.take(); // the bug: no timeout
    }

    void release(DbConnection connection) {
        idle.add(connection);
    }
}
