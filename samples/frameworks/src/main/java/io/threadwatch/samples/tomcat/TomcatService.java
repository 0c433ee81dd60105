package io.threadwatch.samples.tomcat;

import io.threadwatch.samples.support.LoadGenerator;
import io.threadwatch.samples.support.SampleRun;
import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardThreadExecutor;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.AbstractProtocol;

/**
 * An embedded Tomcat serving one servlet, as the Tomcat samples run it: the NIO connector on
 * loopback shares a named executor ({@code <name>-exec-N}: 4 spare threads, at most 40, idle ones
 * above 4 end after 3 s), the way an {@code <Executor>} in {@code server.xml} configures it.
 */
public final class TomcatService {

    private TomcatService() {
    }

    /**
     * Serves {@code servlet} at {@code path} under the load of {@code load} (a main class run in a
     * child JVM), for the duration in {@code args}.
     */
    public static void run(String[] args, String name, String path, HttpServlet servlet, Class<?> load) throws Exception {
        Duration duration = SampleRun.duration(args);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(name + "-tomcat").toString());

        StandardThreadExecutor executor = new StandardThreadExecutor();
        executor.setName(name + "Pool");
        executor.setNamePrefix(name + "-exec-");
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
        Tomcat.addServlet(context, name, servlet).addMapping(path);
        tomcat.start();

        LoadGenerator generator = LoadGenerator.start(load, connector.getLocalPort(), duration);
        SampleRun.runThenExit(duration, generator);
    }
}
