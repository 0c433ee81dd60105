package io.threadwatch.samples.jetty;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The pricing backend: a small Jetty server on loopback that prices a product in 5 to 20 ms. */
final class PricingBackend {

    private PricingBackend() {
    }

    static Server start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("pricing-backend");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, 21)); // the price lookup
                String query = request.getHttpURI().getQuery();
                String price = Integer.toString(199 + Math.floorMod(String.valueOf(query).hashCode(), 5_000));
                response.write(true, StandardCharsets.UTF_8.encode(price), callback);
                return true;
            }
        });
        server.start();
        return server;
    }
}
