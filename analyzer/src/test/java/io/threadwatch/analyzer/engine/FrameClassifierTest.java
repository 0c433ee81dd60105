package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.StackTable;
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

    /**
     * A thread whose class extends Thread enters Java in its own run(): at the bottom of a
     * complete stack that is the thread's own code, as Thread.run below a Runnable is. Only a stack
     * cut at the recording's depth leaves what runs it unknown.
     */
    @Test
    void theRunOfAThreadSubclassAtTheBottomOfACompleteStackIsTheThreadsOwnCode() {
        // A timed wait in a worker's own loop (Quartz's SimpleThreadPool$WorkerThread, JDK 25).
        List<Frame> frames = List.of(f("java.lang.Object.wait0", -1), f("java.lang.Object.wait", 389),
                f("com.acme.jobs.WorkerThread.run", 561));
        StackTable table = new StackTable();

        assertThat(sites.shape(table.intern(frames, false)).position()).isEqualTo(StackShape.Position.THREAD_ENTRY);
        assertThat(sites.shape(frames).position()).as("a thread dump's frames are complete")
                .isEqualTo(StackShape.Position.THREAD_ENTRY);
        assertThat(sites.shape(table.intern(frames, true)).position()).as("cut at the recording's stack depth")
                .isEqualTo(StackShape.Position.TASK);
        // A JDK Thread subclass running a task: the frames between are the task's runner.
        assertThat(sites.shape(table.intern(List.of(f("java.lang.Thread.sleep", -1), f("com.acme.Index.rebuild", 77),
                f("java.util.concurrent.ForkJoinTask.doExec", 507), f("java.util.concurrent.ForkJoinPool.runWorker", 1893),
                f("java.util.concurrent.ForkJoinWorkerThread.run", 188)), false)).position())
                .isEqualTo(StackShape.Position.TASK);
    }

    /**
     * Libraries whose pool workers wait between tasks were taken for the application: their idle
     * waits made blocking findings in healthy services (Quartz's worker poll, JBoss Threads' parks
     * under Undertow). The catalog names them, so the waits have no application frame.
     */
    @Test
    void quartzAndJbossThreadsPoolWorkersWaitingForTasksHaveNoSite() {
        assertThat(sites.shape(List.of(f("java.lang.Object.wait0", -1), f("java.lang.Object.wait", 389),
                f("org.quartz.simpl.SimpleThreadPool$WorkerThread.run", 561))).hasSite()).isFalse();
        assertThat(sites.shape(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 252),
                f("org.jboss.threads.EnhancedQueueExecutor$PoolThreadNode.park", 2474),
                f("org.jboss.threads.EnhancedQueueExecutor$ThreadBody.run", 1659),
                f("org.xnio.XnioWorker$WorkerThreadFactory$1$1.run", 1282), f("java.lang.Thread.run", 840))).hasSite())
                .isFalse();
    }

    /**
     * Two healthy services recorded outside the samples warned about their libraries' own loops:
     * an idle Camel SEDA consumer's 1 s polls (two Camel frames deep in a pool task, so neither a
     * loop nor a timed-out poll in the thread's own code) and a Hazelcast response thread's first
     * parks on its own queue. The catalog names the loops; a route's processor or a producer
     * blocked on a full SEDA queue is not the consumer's poll.
     */
    @Test
    void camelSedaConsumersAndHazelcastQueueThreadsWaitingForWorkAreInTheCatalog() {
        StackShape seda = sites.shape(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 271),
                f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitNanos", 1803),
                f("java.util.concurrent.LinkedBlockingQueue.poll", 460),
                f("org.apache.camel.component.seda.SedaConsumer.doRun", 178),
                f("org.apache.camel.component.seda.SedaConsumer.run", 129),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1090),
                f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 614),
                f("java.lang.Thread.runWith", 1487), f("java.lang.Thread.run", 1474)));
        assertThat(seda.catalogIdle().match()).isEqualTo("org.apache.camel.component.seda.SedaConsumer.doRun");
        StackShape hazelcast = sites.shape(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.park", 341),
                f("com.hazelcast.internal.util.concurrent.MPSCQueue.takeAll", 229),
                f("com.hazelcast.internal.util.concurrent.MPSCQueue.take", 151),
                f("com.hazelcast.spi.impl.operationservice.impl.InboundResponseHandlerSupplier$ResponseThread.doRun", 295),
                f("com.hazelcast.spi.impl.operationservice.impl.InboundResponseHandlerSupplier$ResponseThread.executeRun", 284),
                f("com.hazelcast.internal.util.executor.HazelcastManagedThread.run", 111)));
        assertThat(hazelcast.catalogIdle().match()).isEqualTo("com.hazelcast.internal.util.concurrent.MPSCQueue.takeAll");

        StackShape processor = sites.shape(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.CompletableFuture.get", 2117), f("com.acme.orders.PriceLookup.process", 41),
                f("org.apache.camel.processor.DelegateSyncProcessor.process", 40),
                f("org.apache.camel.component.seda.SedaConsumer.doRun", 178),
                f("org.apache.camel.component.seda.SedaConsumer.run", 129),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1090)));
        assertThat(processor.catalogIdle()).as("the route's processor runs inside the consumer's loop").isNull();
        StackShape producer = sites.shape(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.park", 371),
                f("java.util.concurrent.LinkedBlockingQueue.put", 343),
                f("org.apache.camel.component.seda.SedaProducer.addToQueue", 271),
                f("org.apache.camel.component.seda.SedaProducer.process", 148),
                f("org.apache.camel.processor.SendProcessor.process", 180),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1090)));
        assertThat(producer.catalogIdle()).as("a producer blocked on a full queue").isNull();
    }

    /**
     * A helper's healthy ZooKeeper client (JDK 25): Curator runs its background-operation loop as
     * one task on an executor of its own, so its idle take looked like a request's call chain, and
     * read CRITICAL blocked-forever. Curator is the application's client library: its own loops
     * have no site, and the application code that calls a recipe is the site.
     */
    @Test
    void curatorsBackgroundLoopHasNoSiteAndItsCallerIsTheSite() {
        assertThat(sites.shape(List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.park", 369),
                f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await", 1752),
                f("java.util.concurrent.DelayQueue.take", 243),
                f("org.apache.curator.framework.imps.CuratorFrameworkImpl.backgroundOperationsLoop", 1002),
                f("org.apache.curator.framework.imps.CuratorFrameworkImpl.access$300", 95),
                f("org.apache.curator.framework.imps.CuratorFrameworkImpl$4.call", 368),
                f("java.util.concurrent.FutureTask.run", 328),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1090))).hasSite()).isFalse();
        StackShape acquire = sites.shape(List.of(f("java.lang.Object.wait", -1),
                f("org.apache.curator.framework.recipes.locks.LockInternals.internalLockLoop", 301),
                f("org.apache.curator.framework.recipes.locks.InterProcessMutex.acquire", 105),
                f("com.acme.orders.Allocator.reserve", 57), f("java.lang.Thread.run", 840)));
        assertThat(acquire.site().label()).isEqualTo("com.acme.orders.Allocator.reserve(Allocator.java:57)");
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
                f("com.acme.bus.Dispatcher.run", 20), f("java.lang.Thread.run", 833)), true, new Sites(custom));
        assertThat(shape.hasSite()).isFalse();
        assertThat(shape.catalogIdle().why()).isEqualTo("the bus dispatcher waiting for events");
        assertThat(shape.catalogIdle().source()).isEqualTo(file.toString());
        java.nio.file.Files.delete(file);
    }

    @Test
    void applicationCodeRightAboveAPoolsGetTaskIsItsWorkQueueWaitingForWork() {
        // ActiveMQ Artemis's thread pool polls a work queue of its own (JDK 25 thread dump).
        List<Frame> artemis = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 271),
                f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitNanos", 1803),
                f("java.util.concurrent.LinkedBlockingQueue.poll", 460),
                f("org.apache.activemq.artemis.utils.ActiveMQThreadPoolExecutor$ThreadPoolQueue.poll", 112),
                f("org.apache.activemq.artemis.utils.ActiveMQThreadPoolExecutor$ThreadPoolQueue.poll", 45),
                f("java.util.concurrent.ThreadPoolExecutor.getTask", 1015),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1076),
                f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 614),
                f("org.apache.activemq.artemis.utils.ActiveMQThreadFactory$1.run", 118));
        StackShape queue = sites.shape(artemis);
        assertThat(queue.site().label()).startsWith("org.apache.activemq.artemis.utils.ActiveMQThreadPoolExecutor$ThreadPoolQueue.poll");
        assertThat(queue.catalogIdle()).as("the pool asking its queue for work").isNotNull();
        assertThat(queue.catalogIdle().match()).isEqualTo("java.util.concurrent.ThreadPoolExecutor.getTask");

        // A task the same pool runs waits in its own code: runWorker runs it, getTask is not below it.
        List<Frame> task = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 271),
                f("java.util.concurrent.LinkedBlockingQueue.poll", 460),
                f("org.apache.activemq.artemis.core.paging.PageSync.await", 70),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1144),
                f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 614),
                f("org.apache.activemq.artemis.utils.ActiveMQThreadFactory$1.run", 118));
        assertThat(sites.shape(task).catalogIdle()).isNull();
    }
}
