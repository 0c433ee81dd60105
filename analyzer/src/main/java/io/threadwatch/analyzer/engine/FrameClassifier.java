package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import java.util.List;
import java.util.Set;

/**
 * Tells application code from the JDK and infrastructure, and idle waits from real ones.
 *
 * <p>The <em>site</em> of a stack is its first application frame: where a person would change
 * code. An <em>idle wait</em> is a thread waiting for work rather than for a result: a pool
 * worker in {@code getTask}, an acceptor in {@code accept}, an event loop in {@code select}. Idle
 * waits are healthy however long they last, so they never count as blocking or stuck.
 */
public final class FrameClassifier {

    /** Packages of the JDK itself; never a site. */
    public static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /**
     * Infrastructure whose frames are skipped when looking for a site, so the site is the
     * application code that called it (an executor's {@code submit}, a pool's {@code getConnection}).
     */
    public static final List<String> DEFAULT_INFRASTRUCTURE_PACKAGES = List.of(
            "kotlin.", "kotlinx.coroutines.", "scala.", "groovy.", "org.codehaus.groovy.",
            "io.netty.", "org.eclipse.jetty.", "org.apache.tomcat.", "org.apache.catalina.", "org.apache.coyote.",
            "io.undertow.", "org.xnio.", "io.vertx.", "reactor.", "io.reactivex.", "rx.",
            "org.springframework.", "io.micronaut.", "io.quarkus.", "io.helidon.",
            "com.zaxxer.hikari.", "org.apache.commons.pool2.", "org.apache.commons.dbcp2.", "com.mchange.v2.",
            "okhttp3.", "okio.", "org.apache.http.", "org.apache.hc.", "com.google.common.util.concurrent.",
            "io.grpc.", "org.apache.kafka.clients.", "io.micrometer.", "io.opentelemetry.", "ch.qos.logback.",
            "org.apache.logging.log4j.", "org.slf4j.", "io.threadwatch.analyzer.", "io.threadwatch.recorder.");

    /**
     * Methods in which a thread waits for work. A blocked stack containing one of them is idle.
     * Written as {@code class.method}.
     */
    public static final Set<String> IDLE_WAIT_METHODS = Set.of(
            "java.util.concurrent.ThreadPoolExecutor.getTask",
            "java.util.concurrent.ForkJoinPool.awaitWork",
            "java.util.TimerThread.mainLoop",
            "java.net.ServerSocket.accept",
            "java.net.ServerSocket.implAccept",
            "sun.nio.ch.ServerSocketChannelImpl.accept",
            "sun.nio.ch.SelectorImpl.select",
            "sun.nio.ch.SelectorImpl.lockAndDoSelect",
            "java.lang.ref.ReferenceQueue.remove",
            // A thread inside System.exit waits for the shutdown hooks: the JVM is going away.
            "java.lang.Shutdown.exit");

    private final List<String> infrastructure;

    /** A classifier that skips the JDK and these infrastructure package prefixes. */
    public FrameClassifier(List<String> infrastructurePackages) {
        this.infrastructure = List.copyOf(infrastructurePackages);
    }

    /** A classifier with {@link #DEFAULT_INFRASTRUCTURE_PACKAGES}. */
    public static FrameClassifier withDefaults() {
        return new FrameClassifier(DEFAULT_INFRASTRUCTURE_PACKAGES);
    }

    /** Whether the frame is in the JDK. */
    public static boolean isJdk(Frame frame) {
        for (String prefix : JDK_PACKAGES) {
            if (frame.className().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the frame is application code: not JDK, not infrastructure, not a generated lambda class. */
    public boolean isApplication(Frame frame) {
        String type = frame.className();
        if (type.isEmpty() || isJdk(frame) || type.contains("$$Lambda") || type.contains("/0x")) {
            return false;
        }
        for (String prefix : infrastructure) {
            if (type.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    /** The index of the first application frame, or {@code -1}. */
    public int siteIndex(List<Frame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (isApplication(frames.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a blocked thread with these frames waits for work rather than for a result: it has
     * no application frame, it is inside an {@link #IDLE_WAIT_METHODS idle-wait method}, or its
     * only application frame is a {@code main} method at the bottom (the launcher keeping the JVM
     * alive with {@code join} or {@code await}).
     */
    public boolean isIdleWait(List<Frame> frames) {
        int site = siteIndex(frames);
        if (site < 0) {
            return true;
        }
        for (int i = 0; i < site; i++) {
            if (IDLE_WAIT_METHODS.contains(frames.get(i).method())) {
                return true;
            }
        }
        if ("main".equals(frames.get(site).methodName())) {
            boolean onlyApplicationFrame = true;
            for (int i = site + 1; i < frames.size(); i++) {
                if (isApplication(frames.get(i))) {
                    onlyApplicationFrame = false;
                    break;
                }
            }
            return onlyApplicationFrame;
        }
        return false;
    }
}
