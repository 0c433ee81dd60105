package io.threadwatch.recorder.cli;

import io.threadwatch.analyzer.cli.CommandFailure;
import io.threadwatch.analyzer.cli.Converters;
import io.threadwatch.analyzer.cli.ExitCodes;
import io.threadwatch.analyzer.cli.ThreadwatchCommand;
import io.threadwatch.recorder.Threadwatch;
import io.threadwatch.recorder.Watch;
import io.threadwatch.recorder.WatchOptions;
import io.threadwatch.rules.RuleFileException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.remote.JMXConnectionNotification;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code threadwatch watch --jmx HOST:PORT}: watch another JVM without touching its command line. */
@Command(name = "watch",
        description = {"Watches another JVM over JMX (RemoteRecordingStream) and writes JSON Lines, and the evidence "
                + "of each finding that fires, as the agent would inside it.",
                "The JVM must accept JMX connections, e.g. -Dcom.sun.management.jmxremote.port=9010 "
                        + "(see the JDK's monitoring guide for authentication and TLS). Its thread dumps arrive as "
                        + "text (.threads.txt); snapshots (.jfr) are copied here.",
                "When the watched JVM exits or its JMX connection fails, the watch ends by itself (within a few "
                        + "seconds) and says so; what it saw is written."},
        mixinStandardHelpOptions = true,
        versionProvider = ThreadwatchCommand.VersionProvider.class,
        sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Success.", ExitCodes.USAGE_HELP,
                "3:The JVM cannot be reached over JMX, or it has no JFR.", ExitCodes.INTERNAL_HELP})
final class WatchCommand implements Callable<Integer> {

    /**
     * How often the JMX client checks that the watched JVM is still there. The JDK's RMI connector
     * checks every 60 s by default; a watch of a JVM that exited would sit that long before noticing.
     */
    static final Duration CONNECTION_CHECK = Duration.ofSeconds(2);
    /** The RMI connector's environment key for that period (the JDK's {@code EnvHelp}). */
    private static final String CONNECTION_CHECK_PERIOD = "jmx.remote.x.client.connection.check.period";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--jmx", required = true, paramLabel = "HOST:PORT",
            description = "The JVM's JMX address: HOST:PORT of its RMI registry, or a service:jmx: URL.")
    String jmx;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Stop after this long. Default: until interrupted (Ctrl-C).")
    Duration duration;

    @Mixin
    WatchFlags flags;

    @Override
    public Integer call() throws Exception {
        WatchOptions options;
        try {
            options = flags.toOptions(WatchFlags.NONE, "-");
        } catch (RuleFileException | IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
        JMXServiceURL url = url(jmx);
        JMXConnector connector;
        try {
            connector = JMXConnectorFactory.connect(url, Map.of(CONNECTION_CHECK_PERIOD, CONNECTION_CHECK.toMillis()));
        } catch (IOException | SecurityException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "cannot connect to " + url + ": " + rootCause(e));
        }
        CountDownLatch stop = new CountDownLatch(1);
        AtomicBoolean lost = new AtomicBoolean();
        long started = System.nanoTime();
        connector.addConnectionNotificationListener((notification, handback) -> {
            if (JMXConnectionNotification.FAILED.equals(notification.getType())) {
                lost.set(true);
                stop.countDown();
            }
        }, null, null);
        try {
            Watch watch;
            try {
                watch = Threadwatch.watchRemote(connector.getMBeanServerConnection(), options);
            } catch (IOException | RuntimeException e) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "cannot stream JFR from " + url + ": " + e);
            }
            Thread hook = new Thread(stop::countDown, "threadwatch-watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try (watch) {
                if (duration == null) {
                    stop.await();
                } else {
                    stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Interrupted by Ctrl-C: the JVM is already on its way out.
                }
            }
        } finally {
            close(connector, lost.get());
        }
        if (lost.get()) {
            System.err.println("threadwatch watch: " + url + " went away after "
                    + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
                    + " s (the JVM exited or its JMX connection failed); what the watch saw is written");
        }
        return ExitCodes.OK;
    }

    /** Closing a connection to a JVM that is gone fails by nature: that is not the watch's failure. */
    private static void close(JMXConnector connector, boolean lost) throws IOException {
        try {
            connector.close();
        } catch (IOException e) {
            if (!lost) {
                throw e;
            }
        }
    }

    /** JMX wraps the reason (a refused connection, an unknown host) several levels deep. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private JMXServiceURL url(String address) {
        String url = address.startsWith("service:jmx:") ? address
                : "service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi";
        try {
            return new JMXServiceURL(url);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--jmx': '" + address + "' (expected HOST:PORT or a service:jmx: URL)");
        }
    }
}
