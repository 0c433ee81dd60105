package io.threadwatch.junit5.internal;

import io.threadwatch.analyzer.engine.FrameClassifier;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.Pinned;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.rules.Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.regex.Pattern;

/**
 * Decides, from evidence, which threads left after a test are the test's problem: who started them
 * (the test's thread or a thread it started, per {@code jdk.ThreadStart}), which frame made them,
 * and where they wait now. A thread waiting in one of the catalog's idle waits is left running
 * ({@code thread-leak}); one waiting without a timeout for anything else, or blocked on a monitor, is
 * stuck ({@code blocked-forever}).
 */
public final class ThreadJudge {

    static final String THREAD_LEAK = "thread-leak";
    static final String BLOCKED_FOREVER = "blocked-forever";
    static final String PINNING = "vthread-pinning";
    /** The class of the virtual-thread scheduler's workers (JDK 21+); a JDK-internal type, so named here. */
    private static final String CARRIER = "jdk.internal.misc.CarrierThread";
    /**
     * The class of the JDK's own system threads (the cleaner, the process reaper, JDK 21's
     * {@code VirtualThread-unblocker}): the JDK starts them for itself on first use, wherever that is.
     */
    private static final String JDK_SYSTEM_THREAD = "jdk.internal.misc.InnocuousThread";
    /**
     * The test tools' own code: a thread whose first frame outside the JDK is theirs was started by
     * the tool for itself, e.g. JUnit's {@code junit-jupiter-timeout-watcher}, which the first test
     * with a {@code @Timeout} starts and every later one shares.
     */
    static final List<String> TEST_TOOL_PACKAGES = List.of("org.junit.", "org.opentest4j.",
            "org.apache.maven.surefire.", "org.gradle.");

    private final Catalog catalog;
    private final FrameClassifier frames;
    private final GuardPatterns patterns;

    /** A judge reading {@code catalog}'s infrastructure and idle waits. */
    public ThreadJudge(Catalog catalog) {
        this.catalog = catalog;
        this.frames = new FrameClassifier(catalog);
        this.patterns = new GuardPatterns(catalog);
    }

    /**
     * The new threads that may still be the test's problem: cheap checks only (no JFR), run while
     * the grace period lasts. Threads allowed by name, and the idle workers of the pools the JVM
     * shares between all code (the common pool; the virtual-thread scheduler, whose workers are
     * the JDK's {@code CarrierThread}s), are not: the first test to submit work starts them, and
     * they end by themselves after the pool's keep-alive (60 s for the common pool).
     */
    public List<Thread> suspects(TestWindow window, GuardOptions options) {
        List<Thread> suspects = new ArrayList<>();
        for (Thread thread : window.newThreads()) {
            if (thread.isAlive() && !matchesWhole(options.allowThreads(), thread.getName())
                    && !idleInSharedPool(thread) && !thread.getClass().getName().equals(JDK_SYSTEM_THREAD)) {
                suspects.add(thread);
            }
        }
        return suspects;
    }

    private boolean idleInSharedPool(Thread thread) {
        return thread instanceof ForkJoinWorkerThread worker
                && (worker.getPool() == ForkJoinPool.commonPool() || worker.getClass().getName().equals(CARRIER))
                && idleWait(LiveThreads.stack(thread)).isPresent();
    }

    /** The findings about the threads still suspect at the end of the grace period. */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is JDK 19+, and this compiles for 17.
    public List<GuardFinding> judge(List<Thread> suspects, TestWindow window, GuardStream stream,
                                    GuardOptions options) {
        Map<String, List<Thread>> bySite = new LinkedHashMap<>();
        Map<String, ThreadStarted> firstStart = new LinkedHashMap<>();
        for (Thread thread : suspects) {
            Optional<ThreadStarted> started = stream.start(thread.getId()).map(GuardStream.Start::started);
            if (started.isEmpty() || !startedByTest(started.get(), window, stream)
                    || startedByJdkInitializer(started.get().creatorStack().frames())
                    || startedByTestTool(started.get().creatorStack().frames())
                    || allowedSite(options, started.get().creatorStack().frames())) {
                continue;
            }
            List<Frame> now = LiveThreads.stack(thread);
            String kind = stuck(thread.getState(), now) ? BLOCKED_FOREVER : THREAD_LEAK;
            List<Frame> siteStack = kind.equals(BLOCKED_FOREVER) && frames.siteIndex(now) >= 0
                    ? now : started.get().creatorStack().frames();
            String key = kind + " " + site(siteStack);
            bySite.computeIfAbsent(key, k -> new ArrayList<>()).add(thread);
            firstStart.putIfAbsent(key, started.get());
        }
        List<GuardFinding> findings = new ArrayList<>();
        bySite.forEach((key, threads) -> {
            String kind = key.substring(0, key.indexOf(' '));
            List<GuardFinding.ThreadState> states = threads.stream()
                    .map(t -> new GuardFinding.ThreadState(t.getName(), t.getState().name(), LiveThreads.stack(t)))
                    .toList();
            findings.add(patterns.classify(new GuardFinding(kind, key.substring(key.indexOf(' ') + 1),
                    summary(kind, threads.size(), options.grace()), states,
                    firstStart.get(key).creatorStack().frames())));
        });
        return findings;
    }

    /** The pinned waits longer than {@code bound} since the test began, one finding per site. */
    public List<GuardFinding> pinned(List<Pinned> waits, Duration bound) {
        Map<String, List<Pinned>> bySite = new LinkedHashMap<>();
        for (Pinned wait : waits) {
            if (wait.durationNanos() > bound.toNanos()) {
                bySite.computeIfAbsent(site(wait.stack().frames()), k -> new ArrayList<>()).add(wait);
            }
        }
        List<GuardFinding> findings = new ArrayList<>();
        bySite.forEach((site, list) -> {
            long worst = list.stream().mapToLong(Pinned::durationNanos).max().orElse(0) / 1_000_000L;
            List<GuardFinding.ThreadState> states = list.stream()
                    .map(w -> new GuardFinding.ThreadState("virtual thread #" + w.threadId(),
                            "pinned " + w.durationNanos() / 1_000_000L + " ms"
                                    + (w.reason().isEmpty() ? "" : " (" + w.reason() + ")"),
                            w.stack().frames()))
                    .toList();
            findings.add(patterns.classify(new GuardFinding(PINNING, site, list.size() + " pinned wait(s) longer than "
                    + bound.toMillis() + " ms, the longest " + worst + " ms", states, List.of())));
        });
        return findings;
    }

    /**
     * Whether the test's thread, or a thread started (transitively) by it during the test, started
     * this thread. The chain stops at a thread alive before the test: the JVM's, the build tool's,
     * another test's.
     */
    static boolean startedByTest(ThreadStarted started, TestWindow window, GuardStream stream) {
        ThreadStarted current = started;
        for (int depth = 0; depth < 1_000; depth++) {
            long parent = current.parentThreadId();
            if (parent == window.testThreadId()) {
                return true;
            }
            if (parent < 0 || window.before().contains(parent)) {
                return false;
            }
            Optional<GuardStream.Start> grandparent = stream.start(parent);
            if (grandparent.isEmpty()) {
                return false;
            }
            current = grandparent.get().started();
        }
        return false;
    }

    /**
     * Stuck: blocked on a monitor, or waiting without a timeout anywhere but in an idle wait.
     * A thread in a timed wait or running is alive by design: left running, not stuck.
     */
    private boolean stuck(Thread.State state, List<Frame> now) {
        return state == Thread.State.BLOCKED || state == Thread.State.WAITING && idleWait(now).isEmpty();
    }

    /** The catalog's idle wait in this stack, looked for above its first application frame. */
    private Optional<Catalog.Entry> idleWait(List<Frame> stack) {
        int site = frames.siteIndex(stack);
        int searchTo = site < 0 ? stack.size() : site + 1;
        for (int i = 0; i < searchTo; i++) {
            Optional<Catalog.Entry> idle = catalog.idleWait(stack.get(i).method());
            if (idle.isPresent()) {
                return idle;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a JDK class initializer, above the application's frame, started the thread: a JVM-wide
     * singleton that the first code to touch the class starts (observed on JDK 25: the first virtual
     * thread starts {@code VirtualThread-unblocker} from {@code VirtualThread.<clinit>}).
     */
    private boolean startedByJdkInitializer(List<Frame> creation) {
        int site = frames.siteIndex(creation);
        int searchTo = site < 0 ? creation.size() : site;
        for (int i = 0; i < searchTo; i++) {
            Frame frame = creation.get(i);
            if (frame.methodName().equals("<clinit>") && FrameClassifier.isJdk(frame)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startedByTestTool(List<Frame> creation) {
        for (Frame frame : creation) {
            if (!FrameClassifier.isJdk(frame)) {
                return TEST_TOOL_PACKAGES.stream().anyMatch(frame.className()::startsWith);
            }
        }
        return false;
    }

    private String site(List<Frame> stack) {
        int index = frames.siteIndex(stack);
        return index < 0 ? GuardFinding.NO_SITE : stack.get(index).toString();
    }

    private static boolean allowedSite(GuardOptions options, List<Frame> creation) {
        for (Frame frame : creation) {
            String printed = frame.toString();
            for (Pattern pattern : options.allowSites()) {
                if (pattern.matcher(printed).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesWhole(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    private static String summary(String kind, int count, Duration grace) {
        String threads = count == 1 ? "1 thread this test started is" : count + " threads this test started are";
        return kind.equals(BLOCKED_FOREVER)
                ? threads + " still waiting, without a timeout, " + grace.toMillis() + " ms after it ended"
                : threads + " still running " + grace.toMillis() + " ms after it ended";
    }
}
