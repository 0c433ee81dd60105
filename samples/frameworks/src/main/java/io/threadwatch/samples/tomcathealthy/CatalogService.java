package io.threadwatch.samples.tomcathealthy;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardThreadExecutor;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.AbstractProtocol;

/**
 * Healthy control: a product-catalog service on embedded Tomcat ({@code GET /products?id=<n>},
 * a servlet that reads from a slow database, 20 to 60 ms). The NIO connector shares a named
 * executor ({@code catalog-exec-N}: 4 spare threads, at most 40, idle ones above 4 end after
 * 3 s), the way a {@code <Executor>} in {@code server.xml} configures it. Requests come in
 * bursts of 48 every 6 to 8 s: the executor grows to about 12 threads and shrinks back to 4 in
 * between, and Tomcat's acceptor, poller and utility threads wait for work. Expected findings:
 * none.
 */
public final class CatalogService {

    private CatalogService() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = SampleRun.duration(args);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("catalog-tomcat").toString());

        StandardThreadExecutor executor = new StandardThreadExecutor();
        executor.setName("catalogPool");
        executor.setNamePrefix("catalog-exec-");
        executor.setMinSpareThreads(4);
        executor.setMaxThreads(40);
        executor.setMaxIdleTime(3_000);
        tomcat.getService().addExecutor(executor);

        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        ((AbstractProtocol<?>) connector.getProtocolHandler()).setExecutor(executor);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "products", new ProductServlet()).addMapping("/products");
        tomcat.start();

        LoadGenerator load = LoadGenerator.start(CatalogLoad.class, connector.getLocalPort(), duration);
        SampleRun.runThenExit(duration, load);
    }
}
