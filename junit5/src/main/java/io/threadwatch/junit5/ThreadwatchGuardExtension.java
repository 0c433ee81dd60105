package io.threadwatch.junit5;

import io.threadwatch.junit5.internal.FindingMessage;
import io.threadwatch.junit5.internal.GuardFinding;
import io.threadwatch.junit5.internal.GuardOptions;
import io.threadwatch.junit5.internal.GuardStream;
import io.threadwatch.junit5.internal.TestWindow;
import io.threadwatch.junit5.internal.ThreadJudge;
import io.threadwatch.rules.CatalogLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The guard as a JUnit Jupiter extension: registered by {@link ThreadwatchGuard}, or for every test
 * through JUnit's extension auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true};
 * this jar lists it in {@code META-INF/services}), then configured only by the
 * {@code threadwatch.guard.*} parameters.
 *
 * <p>Its window spans the test's {@code @BeforeEach} and {@code @AfterEach} methods: a server one
 * starts and the other stops is not a leak.
 */
public final class ThreadwatchGuardExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            ThreadwatchGuardExtension.class);
    /** JFR's start-up took 5 to 15 s on a busy 2-core machine (see the recorder's awaitStreaming). */
    private static final Duration STREAM_START = Duration.ofSeconds(60);
    /** How long the stream may take to catch up with a test's end: a flush is due every second. */
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    /** How often the grace period looks again at the threads left. */
    private static final long POLL_MILLIS = 20;

    /** Public for JUnit's {@code ServiceLoader}; registered by {@link ThreadwatchGuard}. */
    public ThreadwatchGuardExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        GuardOptions options = options(context);
        if (!options.enabled()) {
            return;
        }
        GuardStream stream = stream(context);
        stream.forgetEnded();
        TestWindow window = TestWindow.open();
        stream.forgetPinnedBefore(window.began());
        context.getStore(NAMESPACE).put(TestWindow.class, window);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        TestWindow window = context.getStore(NAMESPACE).remove(TestWindow.class, TestWindow.class);
        if (window == null) {
            return;
        }
        GuardOptions options = options(context);
        GuardStream stream = stream(context);
        // Loading the catalog (YAML) took about 5 ms: once per run, not per test.
        ThreadJudge judge = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ThreadJudge.class,
                type -> new ThreadJudge(CatalogLoader.builtIn()), ThreadJudge.class);
        List<Thread> suspects = awaitGrace(judge, window, options);
        List<GuardFinding> findings = new ArrayList<>();
        if (!suspects.isEmpty() || options.pinnedBound().isPresent()) {
            if (!stream.catchUp(CATCH_UP)) {
                context.publishReportEntry("threadwatch.guard", "JFR did not catch up within "
                        + CATCH_UP.toSeconds() + " s: threads left by this test were not judged");
                return;
            }
            findings.addAll(judge.judge(judge.suspects(window, options), window, stream, options));
            options.pinnedBound().ifPresent(bound ->
                    findings.addAll(judge.pinned(stream.pinnedSince(window.began()), bound)));
        }
        if (!findings.isEmpty()) {
            throw new AssertionFailedError(FindingMessage.of(name(context), findings));
        }
    }

    /** Waits until no suspect is left or the grace period is over; returns those left. */
    private static List<Thread> awaitGrace(ThreadJudge judge, TestWindow window, GuardOptions options)
            throws InterruptedException {
        long deadline = System.nanoTime() + options.grace().toNanos();
        List<Thread> suspects = judge.suspects(window, options);
        while (!suspects.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            suspects = judge.suspects(window, options);
        }
        return suspects;
    }

    /** The JVM's one stream: kept in the root store, which JUnit closes when the run ends. */
    private static GuardStream stream(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(GuardStream.class, type -> {
            try {
                return GuardStream.start(STREAM_START);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while JFR started", e);
            }
        }, GuardStream.class);
    }

    private static GuardOptions options(ExtensionContext context) {
        Optional<ThreadwatchGuard> guard = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, ThreadwatchGuard.class))
                .or(() -> context.getTestClass()
                        .flatMap(type -> AnnotationSupport.findAnnotation(type, ThreadwatchGuard.class)));
        return GuardOptions.of(context, guard);
    }

    private static String name(ExtensionContext context) {
        return context.getTestClass().map(Class::getSimpleName).orElse("?") + "."
                + context.getTestMethod().map(method -> method.getName() + "()").orElse(context.getDisplayName());
    }
}
