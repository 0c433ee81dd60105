package io.threadwatch.junit5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.rules.CatalogLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard's findings get the report's pattern and fix, from stacks as a test leaves them. */
class GuardPatternsTest {

    private final GuardPatterns patterns = new GuardPatterns(CatalogLoader.builtIn());

    @Test
    void aPoolStartedByTheTestIsAnExecutorNeverShutDown() {
        List<Frame> creation = List.of(new Frame("java.lang.Thread", "start", 1526),
                new Frame("java.util.concurrent.ThreadPoolExecutor", "addWorker", 945),
                new Frame("java.util.concurrent.ThreadPoolExecutor", "execute", 1364),
                new Frame("com.acme.ReportJob", "run", 31));
        GuardFinding found = patterns.classify(new GuardFinding(ThreadJudge.THREAD_LEAK,
                "com.acme.ReportJob.run(ReportJob.java:31)", "1 thread", List.of(idle("pool-3-thread-1")), creation));

        assertThat(found.pattern()).isEqualTo("executor-per-call-never-shutdown");
        assertThat(found.fix()).startsWith("create the executor once");
    }

    @Test
    void aThreadTheTestStartedItselfIsAThreadPerRequest() {
        List<Frame> creation = List.of(new Frame("java.lang.Thread", "start", 1526),
                new Frame("com.acme.Handler", "handle", 12));
        GuardFinding found = patterns.classify(new GuardFinding(ThreadJudge.THREAD_LEAK,
                "com.acme.Handler.handle(Handler.java:12)", "1 thread", List.of(idle("worker")), creation));

        assertThat(found.pattern()).isEqualTo("thread-per-request-unbounded");
    }

    @Test
    void aSocketReadWithoutTimeoutIsNamedFromWhereTheThreadWaits() {
        List<Frame> now = List.of(new Frame("sun.nio.ch.NioSocketImpl", "read", 354),
                new Frame("java.net.Socket$SocketInputStream", "read", 967),
                new Frame("com.acme.Feed", "poll", 40));
        GuardFinding found = patterns.classify(new GuardFinding(ThreadJudge.BLOCKED_FOREVER,
                "com.acme.Feed.poll(Feed.java:40)", "1 thread",
                List.of(new GuardFinding.ThreadState("feed", "RUNNABLE", now)), List.of()));

        assertThat(found.pattern()).isEqualTo("socket-read-without-timeout");
        assertThat(found.fix()).contains("setSoTimeout");
    }

    @Test
    void aShapeNoPatternDescribesIsUnclassifiedWithoutAFix() {
        List<Frame> now = List.of(new Frame("com.acme.Spin", "loop", 7));
        GuardFinding found = patterns.classify(new GuardFinding(ThreadJudge.BLOCKED_FOREVER, GuardFinding.NO_SITE,
                "1 thread", List.of(new GuardFinding.ThreadState("spin", "BLOCKED", now)), List.of()));

        assertThat(found.pattern()).isEqualTo("unclassified");
        assertThat(found.fix()).isNull();
    }

    private static GuardFinding.ThreadState idle(String name) {
        return new GuardFinding.ThreadState(name, "WAITING", List.of(
                new Frame("jdk.internal.misc.Unsafe", "park", -1),
                new Frame("java.util.concurrent.locks.LockSupport", "park", 371),
                new Frame("java.util.concurrent.LinkedBlockingQueue", "take", 435),
                new Frame("java.util.concurrent.ThreadPoolExecutor", "getTask", 1070)));
    }
}
