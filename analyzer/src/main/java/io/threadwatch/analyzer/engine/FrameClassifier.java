package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.CatalogLoader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells application code from the JDK and infrastructure, and reads the shape of a stack.
 *
 * <p>The <em>site</em> of a stack is its first application frame: where a person would change
 * code. Infrastructure (frameworks, pools, clients) comes from the {@link Catalog}; the JDK's
 * packages and generated lambda classes are never application code. The <em>position</em> of a
 * wait is read from the frames below the outermost application frame: nothing but the thread's
 * root ({@code Thread.run}, a virtual thread's continuation, the {@code run()} of a {@code Thread}
 * subclass at the bottom of a complete stack) or a {@code main} at the bottom means the thread's
 * own code; anything else (an executor's {@code runWorker}, a framework's dispatcher) means the
 * application code runs as a task.
 */
public final class FrameClassifier {

    /** Packages of the JDK itself; never a site. */
    public static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    /**
     * Frames that start a thread, which run whatever the thread was given: below the outermost
     * application frame they mean "the thread's own code", not "a task".
     */
    private static final Set<String> THREAD_ROOTS = Set.of("java.lang.Thread.run", "java.lang.Thread.runWith",
            "java.lang.Thread.run0", "java.lang.VirtualThread.run", "jdk.internal.misc.InnocuousThread.run",
            "jdk.internal.vm.Continuation.enter", "jdk.internal.vm.Continuation.enter0",
            "jdk.internal.vm.Continuation.enterSpecial");

    /** The JDK's blocking queues, whose take and poll wait for an element. */
    private static final Set<String> QUEUES = Set.of("java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.ArrayBlockingQueue", "java.util.concurrent.LinkedBlockingDeque",
            "java.util.concurrent.LinkedTransferQueue", "java.util.concurrent.PriorityBlockingQueue",
            "java.util.concurrent.DelayQueue", "java.util.concurrent.SynchronousQueue",
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue");
    /** Their methods that wait for an element. */
    private static final Set<String> QUEUE_TAKES = Set.of("take", "poll", "takeFirst", "takeLast", "pollFirst",
            "pollLast");

    /** Where a JDK pool's worker asks the pool's work queue for its next task, and runs none. */
    private static final String POOL_GET_TASK = "java.util.concurrent.ThreadPoolExecutor.getTask";

    /** Reflection and method handles between a launcher and {@code main}. */
    private static final List<String> REFLECTION = List.of("java.lang.reflect.", "jdk.internal.reflect.",
            "java.lang.invoke.", "sun.reflect.");

    private final Catalog catalog;
    private final List<String> infrastructure;
    private final List<Pattern> generated;

    /** A classifier that skips the JDK and the catalog's infrastructure, and knows its idle waits. */
    public FrameClassifier(Catalog catalog) {
        this.catalog = catalog;
        this.infrastructure = catalog.infrastructurePrefixes();
        this.generated = catalog.infrastructurePatterns();
    }

    /** A classifier with the built-in catalog. */
    public static FrameClassifier withDefaults() {
        return new FrameClassifier(CatalogLoader.builtIn());
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
        for (Pattern pattern : generated) {
            if (pattern.matcher(type).matches()) {
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

    /** The service-thread entry of the catalog that names this thread, if any. */
    Optional<Catalog.Entry> serviceThread(String threadName) {
        return catalog.serviceThread(threadName);
    }

    /** The catalog this classifier reads. */
    Catalog catalog() {
        return catalog;
    }

    /**
     * The shape of a stack, its site made by {@code sites}.
     *
     * @param complete whether the stack holds every frame down to where its thread entered Java
     *                 (not cut at the recording's stack depth; a thread dump's always is)
     */
    StackShape shape(List<Frame> frames, boolean complete, Sites sites) {
        if (frames.isEmpty()) {
            return StackShape.EMPTY;
        }
        int site = -1;
        int outermost = -1;
        int depth = 0;
        for (int i = 0; i < frames.size(); i++) {
            if (isApplication(frames.get(i))) {
                if (site < 0) {
                    site = i;
                }
                outermost = i;
                depth++;
            }
        }
        Catalog.Entry idle = null;
        // The wait itself may be the site's own method (a framework no infrastructure entry covers,
        // such as an OSGi dispatcher's getNextEvent); never a frame below it, which runs the site.
        int searchTo = site < 0 ? frames.size() : site + 1;
        for (int i = 0; i < searchTo && idle == null; i++) {
            idle = catalog.idleWait(frames.get(i).method()).orElse(null);
        }
        if (idle == null && site >= 0) {
            // A pool's own work queue (Artemis's, Tomcat's TaskQueue): the application frames right
            // above ThreadPoolExecutor.getTask can only be the queue it asks for its next task.
            int below = site;
            while (below < frames.size() && isApplication(frames.get(below))) {
                below++;
            }
            if (below < frames.size() && frames.get(below).method().equals(POOL_GET_TASK)) {
                idle = catalog.idleWait(POOL_GET_TASK).orElse(null);
            }
        }
        if (site < 0) {
            return new StackShape(null, StackShape.Position.NO_APPLICATION_FRAME, 0, idle, false);
        }
        return new StackShape(sites.site(frames.get(site)), position(frames, outermost, complete), depth, idle,
                takesFromQueue(frames, site));
    }

    /** Whether a frame above the site (or the site) takes from one of the JDK's blocking queues. */
    private static boolean takesFromQueue(List<Frame> frames, int site) {
        for (int i = 0; i <= site; i++) {
            Frame frame = frames.get(i);
            if (QUEUE_TAKES.contains(frame.methodName()) && QUEUES.contains(frame.className())) {
                return true;
            }
        }
        return false;
    }

    /** The thread's own code, or a task run by the code below {@code outermost}. */
    private static StackShape.Position position(List<Frame> frames, int outermost, boolean complete) {
        Frame bottom = frames.get(frames.size() - 1);
        if (bottom.methodName().equals("main")) {
            // The main thread (or a launcher's main calling the application's by reflection).
            return StackShape.Position.THREAD_ENTRY;
        }
        if (!THREAD_ROOTS.contains(bottom.method()) && !complete) {
            // Cut at the recording's stack depth (64 frames by default): what runs it is unknown.
            return StackShape.Position.TASK;
        }
        // The bottom frame of a complete stack is where its thread entered Java: Thread.run, or
        // the run() of a Thread subclass, which is the thread's own code (Quartz's pool workers
        // wait in theirs; taking them for tasks made their idle poll a blocking finding).
        for (int i = outermost + 1; i < frames.size() - 1; i++) {
            Frame frame = frames.get(i);
            if (!THREAD_ROOTS.contains(frame.method()) && !isReflection(frame) && !isGenerated(frame)) {
                return StackShape.Position.TASK;
            }
        }
        return StackShape.Position.THREAD_ENTRY;
    }

    /** A lambda's generated class: the application's own code, not a dispatcher. */
    private static boolean isGenerated(Frame frame) {
        return frame.className().contains("$$Lambda") || frame.className().contains("/0x");
    }

    private static boolean isReflection(Frame frame) {
        for (String prefix : REFLECTION) {
            if (frame.className().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
