package io.threadwatch.analyzer.engine;

import static io.threadwatch.analyzer.engine.FrameClassifierTest.f;

import io.threadwatch.analyzer.event.Frame;
import java.util.List;

/**
 * Real stacks, copied from the thread dumps and events of the sample recordings (JDK 25), for the
 * detectors' unit tests.
 */
final class Stacks {

    private Stacks() {
    }

    /** {@code future-get.threadwatch-jdk25}: a worker waiting forever for a reply that was lost. */
    static final List<Frame> FUTURE_GET = List.of(
            f("jdk.internal.misc.Unsafe.park", -1),
            f("java.util.concurrent.locks.LockSupport.park", 223),
            f("java.util.concurrent.CompletableFuture$Signaller.block", 1885),
            f("java.util.concurrent.ForkJoinPool.unmanagedBlock", 4364),
            f("java.util.concurrent.ForkJoinPool.managedBlock", 4310),
            f("java.util.concurrent.CompletableFuture.waitingGet", 1919),
            f("java.util.concurrent.CompletableFuture.get", 2093),
            f("io.threadwatch.samples.futureget.QuoteHandler.handle", 51),
            f("io.threadwatch.samples.futureget.QuoteHandler.run", 37),
            f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1090),
            f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 614),
            f("java.lang.Thread.runWith", 1487),
            f("java.lang.Thread.run", 1474));

    /** {@code leaky-pool.threadwatch-jdk25}: a worker waiting forever to borrow a connection. */
    static final List<Frame> LEAKY_POOL_BORROW = List.of(
            f("jdk.internal.misc.Unsafe.park", -1),
            f("java.util.concurrent.locks.LockSupport.park", 369),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode.block", 520),
            f("java.util.concurrent.ForkJoinPool.unmanagedBlock", 4364),
            f("java.util.concurrent.ForkJoinPool.managedBlock", 4310),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await", 1752),
            f("java.util.concurrent.LinkedBlockingQueue.take", 435),
            f("io.threadwatch.samples.leakypool.ConnectionPool.borrow", 24),
            f("io.threadwatch.samples.leakypool.OrderHandler.handle", 45),
            f("io.threadwatch.samples.leakypool.OrderHandler.run", 36),
            f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1090),
            f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 614),
            f("java.lang.Thread.runWith", 1487),
            f("java.lang.Thread.run", 1474));

    /** {@code idle-pool.threadwatch-jdk25}: an idle worker of a fixed pool. */
    static final List<Frame> IDLE_POOL_WORKER = List.of(
            f("jdk.internal.misc.Unsafe.park", -1),
            f("java.util.concurrent.locks.LockSupport.park", 369),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode.block", 520),
            f("java.util.concurrent.ForkJoinPool.unmanagedBlock", 4364),
            f("java.util.concurrent.ForkJoinPool.managedBlock", 4310),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await", 1752),
            f("java.util.concurrent.LinkedBlockingQueue.take", 435),
            f("java.util.concurrent.ThreadPoolExecutor.getTask", 1016),
            f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1076),
            f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 614),
            f("java.lang.Thread.runWith", 1487),
            f("java.lang.Thread.run", 1474));

    /** {@code idle-pool.threadwatch-jdk25}: the acceptor, a lambda given to {@code new Thread}. */
    static final List<Frame> ACCEPT_LOOP = List.of(
            f("sun.nio.ch.Net.accept", -1),
            f("sun.nio.ch.NioSocketImpl.accept", 751),
            f("java.net.ServerSocket.implAccept", 593),
            f("java.net.ServerSocket.platformImplAccept", 560),
            f("java.net.ServerSocket.implAccept", 536),
            f("java.net.ServerSocket.implAccept", 482),
            f("java.net.ServerSocket.accept", 441),
            f("io.threadwatch.samples.idlepool.InventoryServer.acceptLoop", 52),
            f("io.threadwatch.samples.idlepool.InventoryServer$$Lambda/0x0000000052045c00.run", -1),
            f("java.lang.Thread.runWith", 1487),
            f("java.lang.Thread.run", 1474));

    /** A hand-written consumer: its own thread, a loop on {@code take()}. */
    static final List<Frame> CONSUMER_LOOP_TAKE = List.of(
            f("jdk.internal.misc.Unsafe.park", -1),
            f("java.util.concurrent.locks.LockSupport.park", 369),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await", 1752),
            f("java.util.concurrent.LinkedBlockingQueue.take", 435),
            f("com.acme.ingest.EventConsumer.run", 41),
            f("java.lang.Thread.runWith", 1487),
            f("java.lang.Thread.run", 1474));

    /** {@code main} waiting for shutdown through a helper that awaits a latch. */
    static final List<Frame> MAIN_AWAITS_SHUTDOWN = List.of(
            f("jdk.internal.misc.Unsafe.park", -1),
            f("java.util.concurrent.locks.LockSupport.park", 369),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire", 756),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireSharedInterruptibly", 1099),
            f("java.util.concurrent.CountDownLatch.await", 230),
            f("com.acme.grpc.QuoteServer.blockUntilShutdown", 88),
            f("com.acme.grpc.QuoteServer.main", 31));

    /** {@code scheduler-leak.threadwatch-jdk25}: a scheduler's thread started by {@code scheduleAtFixedRate} in a reload. */
    static final List<Frame> SCHEDULER_PER_RELOAD_CREATED = List.of(
            f("java.lang.System$1.start", 2231),
            f("jdk.internal.vm.SharedThreadContainer.start", 147),
            f("java.util.concurrent.ThreadPoolExecutor.addWorker", 899),
            f("java.util.concurrent.ThreadPoolExecutor.ensurePrestart", 1556),
            f("java.util.concurrent.ScheduledThreadPoolExecutor.delayedExecute", 351),
            f("java.util.concurrent.ScheduledThreadPoolExecutor.scheduleAtFixedRate", 619),
            f("java.util.concurrent.Executors$DelegatedScheduledExecutorService.scheduleAtFixedRate", 786),
            f("io.threadwatch.samples.schedulerleak.ConfigReloader.reload", 38),
            f("io.threadwatch.samples.schedulerleak.ConfigService.lambda$main$1", 47),
            f("com.sun.net.httpserver.Filter$Chain.doFilter", 98),
            f("sun.net.httpserver.AuthFilter.doFilter", 76),
            f("com.sun.net.httpserver.Filter$Chain.doFilter", 101));

    /** {@code scheduler-leak.threadwatch-jdk25}: a leaked scheduler's thread waiting for its next run. */
    static final List<Frame> SCHEDULER_WAITING = List.of(
            f("jdk.internal.misc.Unsafe.park", -1),
            f("java.util.concurrent.locks.LockSupport.parkNanos", 271),
            f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitNanos", 1803),
            f("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take", 1166),
            f("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take", 883),
            f("java.util.concurrent.ThreadPoolExecutor.getTask", 1016),
            f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1076),
            f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 614),
            f("java.lang.Thread.runWith", 1487),
            f("java.lang.Thread.run", 1474));

    /** {@code warmup-pool.threadwatch-jdk25}: a pool worker started by {@code execute} from a request handler. */
    static final List<Frame> POOL_WORKER_CREATED = List.of(
            f("java.lang.System$1.start", 2231),
            f("jdk.internal.vm.SharedThreadContainer.start", 147),
            f("java.util.concurrent.ThreadPoolExecutor.addWorker", 899),
            f("java.util.concurrent.ThreadPoolExecutor.execute", 1327),
            f("io.threadwatch.samples.warmuppool.ThumbnailHandler.handle", 25),
            f("com.sun.net.httpserver.Filter$Chain.doFilter", 98));
}
