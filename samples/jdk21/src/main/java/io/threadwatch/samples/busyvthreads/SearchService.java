package io.threadwatch.samples.busyvthreads;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A product-search service: one line {@code SEARCH <terms...>} per connection, each request on a
 * new virtual thread ({@code search-1}, {@code search-2}, ...). Healthy control: about 80
 * requests a second; most wait 20–50 ms for an index shard (simulated remote call, the virtual
 * thread unmounts), the others rank results in memory for a few milliseconds of CPU. Every
 * virtual thread ends within about 60 ms, so the number of live virtual threads stays flat (a
 * handful), nothing pins and nothing leaks.
 */
public final class SearchService {

    private final ServerSocket serverSocket;
    private final ExecutorService handlers;
    private final SearchHandler handler;

    SearchService(ServerSocket serverSocket, ExecutorService handlers, SearchHandler handler) {
        this.serverSocket = serverSocket;
        this.handlers = handlers;
        this.handler = handler;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration duration = SampleRun.duration(args);
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("search-", 1).factory());
        ServerSocket serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        SearchService service = new SearchService(serverSocket, handlers, new SearchHandler());
        new Thread(service::acceptLoop, "search-acceptor").start();

        LoadGenerator load = LoadGenerator.start(SearchLoad.class, serverSocket.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }

    void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                handlers.execute(() -> handler.handle(client));
            } catch (IOException e) {
                return; // the server socket was closed
            }
        }
    }
}
