package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Frame;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameClassifierTest {

    private final FrameClassifier classifier = FrameClassifier.withDefaults();

    private static Frame f(String method, int line) {
        int dot = method.lastIndexOf('.');
        return new Frame(method.substring(0, dot), method.substring(dot + 1), line);
    }

    @Test
    void theSiteIsTheFirstFrameOutsideTheJdkInfrastructureAndLambdas() {
        List<Frame> frames = List.of(f("java.util.concurrent.ThreadPoolExecutor.addWorker", 1),
                f("com.zaxxer.hikari.pool.HikariPool.getConnection", 2),
                f("com.acme.Repo$$Lambda$12/0x0000000800c0b000.run", -1),
                f("com.acme.Repo.load", 42), f("com.acme.Main.main", 7));
        assertThat(classifier.siteIndex(frames)).isEqualTo(3);
    }

    @Test
    void poolWorkersWaitingForTasksAreIdle() {
        assertThat(classifier.isIdleWait(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.LinkedBlockingQueue.take", 435),
                f("java.util.concurrent.ThreadPoolExecutor.getTask", 1062),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1122)))).isTrue();
    }

    @Test
    void aRequestWaitingOnAFutureIsNotIdleEvenInAPoolWorker() {
        assertThat(classifier.isIdleWait(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.CompletableFuture.get", 2072), f("com.acme.Handler.handle", 51),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1136)))).isFalse();
    }

    @Test
    void anApplicationBorrowingFromAQueueIsNotIdle() {
        assertThat(classifier.isIdleWait(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.LinkedBlockingQueue.take", 435), f("com.acme.Pool.borrow", 24),
                f("com.acme.Handler.handle", 45)))).isFalse();
    }

    @Test
    void anAcceptLoopAndTheLauncherKeepingTheJvmAliveAreIdle() {
        assertThat(classifier.isIdleWait(List.of(f("sun.nio.ch.Net.accept", -1), f("java.net.ServerSocket.implAccept", 1),
                f("java.net.ServerSocket.accept", 2), f("com.acme.Server.acceptLoop", 30)))).isTrue();
        assertThat(classifier.isIdleWait(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.CountDownLatch.await", 1), f("com.acme.Main.main", 12)))).isTrue();
    }

    @Test
    void aTaskBlockingInsideATimerThreadIsNotIdle() {
        assertThat(classifier.isIdleWait(List.of(f("java.lang.Object.wait", -1), f("com.acme.Job.run", 9),
                f("java.util.TimerThread.mainLoop", 556)))).isFalse();
    }
}
