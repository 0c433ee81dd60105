package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.rules.CatalogLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sites and the shape of stacks, on stacks copied from the sample recordings' thread dumps. */
class FrameClassifierTest {

    private final FrameClassifier classifier = FrameClassifier.withDefaults();
    private final Sites sites = new Sites(classifier);

    static Frame f(String method, int line) {
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
    void poolWorkersWaitingForTasksSitInTheCatalogsIdleWait() {
        StackShape shape = sites.shape(Stacks.IDLE_POOL_WORKER);
        assertThat(shape.hasSite()).isFalse();
        assertThat(shape.catalogIdle().match()).isEqualTo("java.util.concurrent.ThreadPoolExecutor.getTask");
    }

    @Test
    void aRequestWaitingOnAFutureInsideAPoolWorkerIsATasksCallChain() {
        StackShape shape = sites.shape(Stacks.FUTURE_GET);
        assertThat(shape.site().label()).isEqualTo("io.threadwatch.samples.futureget.QuoteHandler.handle(QuoteHandler.java:51)");
        assertThat(shape.position()).isEqualTo(StackShape.Position.TASK);
        assertThat(shape.depth()).isEqualTo(2);
        assertThat(shape.inCallChain()).isTrue();
        assertThat(shape.catalogIdle()).isNull();
    }

    @Test
    void aBorrowFromAQueueThreeFramesDeepIsACallChain() {
        StackShape shape = sites.shape(Stacks.LEAKY_POOL_BORROW);
        assertThat(shape.site().label()).startsWith("io.threadwatch.samples.leakypool.ConnectionPool.borrow");
        assertThat(shape.depth()).isEqualTo(3);
        assertThat(shape.inCallChain()).isTrue();
    }

    @Test
    void aConsumerLoopInItsOwnThreadAndAMainWaitingForShutdownAreTheThreadsOwnCode() {
        assertThat(sites.shape(Stacks.CONSUMER_LOOP_TAKE).position()).isEqualTo(StackShape.Position.THREAD_ENTRY);
        StackShape main = sites.shape(Stacks.MAIN_AWAITS_SHUTDOWN);
        assertThat(main.position()).isEqualTo(StackShape.Position.THREAD_ENTRY);
        assertThat(main.depth()).isEqualTo(2);
        assertThat(main.inCallChain()).isFalse();
    }

    @Test
    void anAcceptLoopIsInTheCatalogEvenThoughItHasAnApplicationFrame() {
        StackShape shape = sites.shape(Stacks.ACCEPT_LOOP);
        assertThat(shape.site().label()).startsWith("io.threadwatch.samples.idlepool.InventoryServer.acceptLoop");
        assertThat(shape.position()).as("a lambda between Thread.run and the loop is the application's own")
                .isEqualTo(StackShape.Position.THREAD_ENTRY);
        assertThat(shape.catalogIdle().match()).startsWith("java.net.ServerSocket.");
    }

    @Test
    void aTaskBlockingInsideATimerThreadIsNotTheTimersIdleWait() {
        StackShape shape = sites.shape(List.of(f("java.lang.Object.wait", -1), f("com.acme.Job.run", 9),
                f("java.util.TimerThread.mainLoop", 556), f("java.util.TimerThread.run", 506)));
        assertThat(shape.catalogIdle()).as("the catalog wait is below the site: the job runs inside the timer").isNull();
        assertThat(shape.position()).isEqualTo(StackShape.Position.TASK);
    }

    @Test
    void aUserCatalogMakesAFrameworkInfrastructureAndItsWaitIdle() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("catalog", ".yaml");
        java.nio.file.Files.writeString(file, """
                infrastructure:
                  - {prefix: "com.acme.bus.", why: "our event bus"}
                idleWaits:
                  - {method: "com.acme.bus.Dispatcher.nextEvent", why: "the bus dispatcher waiting for events"}
                """);
        FrameClassifier custom = new FrameClassifier(CatalogLoader.load(CatalogLoader.builtIn(), file));
        StackShape shape = custom.shape(List.of(f("java.lang.Object.wait", -1), f("com.acme.bus.Dispatcher.nextEvent", 40),
                f("com.acme.bus.Dispatcher.run", 20), f("java.lang.Thread.run", 833)), new Sites(custom));
        assertThat(shape.hasSite()).isFalse();
        assertThat(shape.catalogIdle().why()).isEqualTo("the bus dispatcher waiting for events");
        assertThat(shape.catalogIdle().source()).isEqualTo(file.toString());
        java.nio.file.Files.delete(file);
    }
}
