package io.threadwatch.samples.kafka;

import com.sun.net.httpserver.HttpServer;
import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.NamedThreadFactory;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The order pipeline of the Kafka samples, shaped like a Kafka consumer service. An ingest
 * endpoint ({@code POST /produce?first=<n>&count=<n>&malformed=<i>}, 2 workers) appends records
 * to an in-process topic ({@link Broker}); one consumer thread ({@code orders-consumer-1}) polls
 * it with a 2 s timeout and hands each record to a bounded queue (100) drained by one writer
 * thread ({@code orders-writer-1}), committing every 100 records. Records come in bursts of 60 to
 * 140 every 3 to 5 s ({@link OrderFeed}), so many polls end empty by their timeout; record 250
 * (third burst, about 8 s) is malformed. The variants differ only in their {@link OrderBatchWriter}:
 * {@code kafkahealthy} and {@code kafkapoison}.
 */
public final class OrderPipelineService {

    static final int HAND_OFF_CAPACITY = 100;

    private OrderPipelineService() {
    }

    /** Runs the pipeline with the writer {@code writers} makes for the hand-off queue, for the duration in {@code args}. */
    public static void run(String[] args, Function<BlockingQueue<OrderRecord>, OrderBatchWriter> writers)
            throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        Broker broker = new Broker();
        BlockingQueue<OrderRecord> handOff = new ArrayBlockingQueue<>(HAND_OFF_CAPACITY);
        new NamedThreadFactory("orders-writer").newThread(writers.apply(handOff)).start();
        new NamedThreadFactory("orders-consumer").newThread(new OrderConsumer(broker, handOff)).start();

        ThreadPoolExecutor ingestWorkers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), new NamedThreadFactory("ingest-worker"));
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        http.setExecutor(ingestWorkers);
        http.createContext("/produce", exchange -> {
            String[] params = exchange.getRequestURI().getRawQuery().split("&");
            long first = Long.parseLong(params[0].substring(params[0].indexOf('=') + 1));
            int count = Integer.parseInt(params[1].substring(params[1].indexOf('=') + 1));
            long malformed = Long.parseLong(params[2].substring(params[2].indexOf('=') + 1));
            for (long n = first; n < first + count; n++) {
                broker.publish("order-" + n, n == malformed ? "sku=sku-" + n % 40 + ";qty=two" : "sku=sku-" + n % 40 + ";qty=" + (1 + n % 5));
            }
            byte[] body = ("PUBLISHED " + count + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();

        LoadGenerator load = LoadGenerator.start(OrderFeed.class, http.getAddress().getPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
