package io.threadwatch.samples.leakypool;

import java.util.concurrent.ThreadLocalRandom;

/** Stands in for a database connection: an insert takes 20 to 60 ms. */
final class DbConnection {

    private final int id;

    DbConnection(int id) {
        this.id = id;
    }

    long insertOrder(Order order) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(20, 61)); // simulated round trip to the database
        return order.id() * 100L + id;
    }
}
