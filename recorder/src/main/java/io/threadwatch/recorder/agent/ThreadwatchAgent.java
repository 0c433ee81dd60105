package io.threadwatch.recorder.agent;

import io.threadwatch.recorder.Threadwatch;
import io.threadwatch.recorder.Watch;
import io.threadwatch.recorder.WatchOptions;
import io.threadwatch.recorder.safety.DaemonThreads;
import java.lang.instrument.Instrumentation;
import java.time.Duration;

/**
 * The java agent: {@code -javaagent:threadwatch-agent.jar[=key=value,...]} at startup, or loaded
 * into a running JVM by {@code threadwatch attach PID}. It starts the watch on a daemon thread, so
 * JFR's start-up never delays the application's, and it never throws into the host: a bad option
 * or a failed start is one line on standard error, and the application runs on unwatched.
 */
public final class ThreadwatchAgent {

    /** How long {@code sync-start} holds the application back at most. */
    private static final Duration SYNC_START_TIMEOUT = Duration.ofSeconds(60);

    private ThreadwatchAgent() {
    }

    /** At JVM startup. */
    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs);
    }

    /** Loaded into a running JVM. */
    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs);
    }

    private static void start(String agentArgs) {
        AgentOptions.Parsed parsed;
        try {
            parsed = AgentOptions.parse(agentArgs);
        } catch (IllegalArgumentException e) {
            System.err.println("threadwatch agent: not started: " + e.getMessage());
            return;
        }
        Thread starter = DaemonThreads.named("threadwatch-start").newThread(() -> startWatch(parsed));
        starter.start();
        if (parsed.syncStart()) {
            try {
                starter.join(SYNC_START_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void startWatch(AgentOptions.Parsed parsed) {
        WatchOptions options = parsed.watch();
        try {
            boolean running = Threadwatch.current().isPresent();
            Watch watch = Threadwatch.start(options);
            if (running) {
                System.err.println("threadwatch agent: already watching this JVM; options unchanged");
                return;
            }
            if (parsed.syncStart() && !watch.awaitStreaming(SYNC_START_TIMEOUT)) {
                System.err.println("threadwatch agent: JFR is not streaming yet; the application starts anyway");
            }
            System.err.println("threadwatch agent: watching this JVM"
                    + options.evidence().map(d -> "; evidence in " + d.toAbsolutePath()).orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            System.err.println("threadwatch agent: not started: " + e);
        }
    }
}
