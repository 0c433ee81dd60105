package io.threadwatch.samples.leakypool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Handles one order request.
 *
 * <p><b>Bug:</b> the connection is borrowed before the order is validated, and the early return
 * for an invalid order skips {@code release}: every invalid order leaks one connection.
 * <b>Fix:</b> validate before borrowing, and release in a {@code finally} block.
 */
final class OrderHandler implements Runnable {

    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final Socket client;
    private final ConnectionPool pool;

    OrderHandler(Socket client, ConnectionPool pool) {
        this.client = client;
        this.pool = pool;
    }

    @Override
    public void run() {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            client.setSoTimeout(READ_TIMEOUT_MILLIS);
            String line = in.readLine();
            out.println(handle(line));
        } catch (IOException e) {
            // The client went away (it gave up waiting): there is nobody left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String handle(String line) throws InterruptedException {
        DbConnection connection = pool.borrow();
        Order order = Order.parse(line);
        if (order == null) {
            return "REJECTED invalid order"; // the bug: returns without releasing the connection
        }
        long confirmation = connection.insertOrder(order);
        pool.release(connection);
        return "OK " + confirmation;
    }
}
