package io.threadwatch.analyzer.engine;

import static io.threadwatch.analyzer.engine.FrameClassifierTest.f;
import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Explanation;
import io.threadwatch.analyzer.result.Finding;
import io.threadwatch.analyzer.result.Limitation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Idle versus stuck, decided from what the recording shows, on synthetic recordings of 40 s with
 * thread dumps every 10 s (as {@code threadwatch.jfc} takes them) and real stacks. The healthy
 * shapes here are the ones that raised false alarms on public recordings: threads waiting for work
 * in code no catalog names.
 */
class IdleVersusStuckTest {

    private static final Duration WINDOW = Duration.ofSeconds(4);
    private static final Duration LENGTH = Duration.ofSeconds(40);

    /** Dumps at 10, 20 and 30 s of the threads {@code at} gives for that second. */
    private static SyntheticRecording dumpsOf(SyntheticRecording recording, java.util.function.IntFunction<List<SyntheticRecording.Waiting>> at) {
        for (int s = 10; s < 40; s += 10) {
            recording.dump(Duration.ofSeconds(s), at.apply(s));
        }
        return recording;
    }

    private static List<SyntheticRecording.Waiting> threads(long from, int count, LongFunction<SyntheticRecording.Waiting> one) {
        List<SyntheticRecording.Waiting> threads = new ArrayList<>();
        for (long id = from; id < from + count; id++) {
            threads.add(one.apply(id));
        }
        return threads;
    }

    private static SyntheticRecording.Waiting parked(long id, String name, List<Frame> frames, String object) {
        return SyntheticRecording.Waiting.parked(id, name, false, frames, object);
    }

    private static List<String> idleReasons(EngineResult result, String frame) {
        return result.explanations().stream().filter(e -> e.decision().equals("idle") && e.frame().startsWith(frame))
                .map(Explanation::reason).toList();
    }

    @Test
    void mainWaitingForShutdownThroughAHelperIsIdle() {
        EngineResult result = dumpsOf(new SyntheticRecording(),
                s -> List.of(parked(1, "main", Stacks.MAIN_AWAITS_SHUTDOWN, "0x00000006a0000100")))
                .analyze(WINDOW, LENGTH);
        assertThat(result.findings()).isEmpty();
        assertThat(idleReasons(result, "com.acme.grpc.QuoteServer.blockUntilShutdown"))
                .containsExactly(WaitJudge.Reason.THREAD_LIFETIME.text);
    }

    @Test
    void aFrameworksKeepAliveThreadAndAnIdeLaunchersReaderAreIdle() {
        List<Frame> keepAlive = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.park", 221),
                f("java.util.concurrent.CountDownLatch.await", 230),
                f("org.acme.framework.KeepAlive.run", 58), f("java.lang.Thread.run", 840));
        List<Frame> controlSocket = List.of(f("sun.nio.ch.SocketDispatcher.read0", -1),
                f("sun.nio.ch.SocketDispatcher.read", 47), f("sun.nio.ch.NioSocketImpl.implRead", 261),
                f("sun.nio.ch.NioSocketImpl.read", 308), f("java.io.BufferedReader.readLine", 326),
                f("org.acme.ide.RemoteTestRunner$ReaderThread.run", 140), f("java.lang.Thread.run", 840));
        EngineResult result = dumpsOf(new SyntheticRecording(), s -> List.of(
                parked(2, "framework-keepalive", keepAlive, "0x00000006a0000200"),
                new SyntheticRecording.Waiting(3, "ReaderThread", "RUNNABLE", controlSocket, "", "", "", List.of())))
                .analyze(WINDOW, LENGTH);
        assertThat(result.findings()).isEmpty();
        assertThat(idleReasons(result, "org.acme.framework.KeepAlive.run")).isNotEmpty();
        assertThat(idleReasons(result, "org.acme.ide.RemoteTestRunner$ReaderThread.run")).isNotEmpty();
    }

    @Test
    void anEventDispatcherInItsOwnLoopIsIdleWithOrWithoutTheCatalog() {
        List<Frame> osgi = List.of(f("java.lang.Object.wait0", -1), f("java.lang.Object.wait", 366),
                f("org.eclipse.osgi.framework.eventmgr.EventManager$EventThread.getNextEvent", 400),
                f("org.eclipse.osgi.framework.eventmgr.EventManager$EventThread.run", 336));
        List<Frame> unknown = List.of(f("java.lang.Object.wait0", -1), f("java.lang.Object.wait", 366),
                f("com.acme.bus.Dispatcher.nextEvent", 77), f("com.acme.bus.Dispatcher.run", 41),
                f("java.lang.Thread.run", 840));
        EngineResult result = dumpsOf(new SyntheticRecording(), s -> List.of(
                new SyntheticRecording.Waiting(4, "Framework Event Dispatcher", "WAITING (on object monitor)", osgi,
                        "waiting on", "0x00000006a0000400", "org.eclipse.osgi.framework.eventmgr.EventManager", List.of()),
                new SyntheticRecording.Waiting(5, "bus-dispatcher", "WAITING (on object monitor)", unknown,
                        "waiting on", "0x00000006a0000500", "java.lang.Object", List.of())))
                .analyze(WINDOW, LENGTH);
        assertThat(result.findings()).isEmpty();
        assertThat(idleReasons(result, "org.eclipse.osgi")).singleElement().asString().startsWith("catalog: ");
        assertThat(idleReasons(result, "com.acme.bus.Dispatcher.nextEvent"))
                .containsExactly(WaitJudge.Reason.THREAD_LIFETIME.text);
    }

    @Test
    void requestsWaitingForeverOnFuturesInsideAPoolAreStuckAndConfirmed() {
        EngineResult result = dumpsOf(new SyntheticRecording(),
                s -> threads(20, 16, id -> parked(id, "quote-worker-" + id, Stacks.FUTURE_GET,
                        String.format("0x00000006a%07x", id))))
                .analyze(WINDOW, LENGTH);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind().id()).isEqualTo("blocked-forever");
            assertThat(finding.site().frame()).startsWith("io.threadwatch.samples.futureget.QuoteHandler.handle");
            assertThat(finding.confidence().id()).isEqualTo("confirmed");
            assertThat(finding.evidence().get(0).detail()).contains(WaitJudge.Reason.CALL_CHAIN.text);
        });
    }

    @Test
    void idleConsumersStartedTogetherAreIdleButThreadsPilingUpInTheirOwnCodeAreStuck() {
        // Eight consumers on one empty queue, all there from the start: waiting for work.
        EngineResult consumers = dumpsOf(new SyntheticRecording(),
                s -> threads(30, 8, id -> parked(id, "ingest-" + id, Stacks.CONSUMER_LOOP_TAKE, "0x00000006a0000300")))
                .analyze(WINDOW, LENGTH);
        assertThat(consumers.findings()).isEmpty();

        // A thread per connection, each stuck reading in its own run(): one more every two seconds.
        List<Frame> perConnection = List.of(f("sun.nio.ch.SocketDispatcher.read0", -1),
                f("sun.nio.ch.NioSocketImpl.read", 308), f("java.io.BufferedReader.readLine", 326),
                f("com.acme.telemetry.ConnectionThread.run", 33), f("java.lang.Thread.run", 840));
        SyntheticRecording perRequest = new SyntheticRecording();
        for (long id = 40; id < 58; id++) {
            perRequest.started(Duration.ofSeconds(2 * (id - 39)), id, "conn-" + id,
                    List.of(f("com.acme.telemetry.Acceptor.loop", 20), f("java.lang.Thread.run", 840)));
        }
        EngineResult stuck = dumpsOf(perRequest, s -> threads(40, 18, id -> id < 40 + s / 2
                ? new SyntheticRecording.Waiting(id, "conn-" + id, "RUNNABLE", perConnection, "", "", "", List.of())
                : null).stream().filter(java.util.Objects::nonNull).toList())
                .analyze(WINDOW, LENGTH);
        assertThat(stuck.findings()).extracting(f -> f.kind().id()).contains("blocked-forever");
        assertThat(stuck.findings()).filteredOn(f -> f.kind().id().equals("blocked-forever")).singleElement()
                .satisfies(finding -> assertThat(finding.evidence().get(0).detail())
                        .contains(WaitJudge.Reason.PILE_UP.text));
    }

    @Test
    void aConsumerAwayFromItsPollLoopIsStuckWhereItWaits() {
        List<Frame> poll = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 271),
                f("java.util.concurrent.LinkedBlockingQueue.poll", 460),
                f("com.acme.ingest.Broker.poll", 52), f("com.acme.ingest.OrderConsumer.run", 40),
                f("java.lang.Thread.run", 840));
        List<Frame> put = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.park", 221),
                f("java.util.concurrent.ArrayBlockingQueue.put", 370),
                f("com.acme.ingest.OrderConsumer.handOff", 71), f("com.acme.ingest.OrderConsumer.run", 45),
                f("java.lang.Thread.run", 840));
        SyntheticRecording recording = new SyntheticRecording();
        // Polls of 2 s that find nothing, back to back, until 8 s; then it blocks in put for good.
        for (int s = 2; s <= 8; s += 2) {
            recording.blocked(Duration.ofSeconds(s), BlockingKind.PARK, 60, Duration.ofSeconds(2), poll, true, true);
        }
        EngineResult result = dumpsOf(recording, s -> List.of(parked(60, "order-consumer", put, "0x00000006a0000600")))
                .analyze(WINDOW, LENGTH);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind().id()).isEqualTo("blocked-forever");
            assertThat(finding.site().frame()).startsWith("com.acme.ingest.OrderConsumer.handOff");
            assertThat(finding.evidence().get(0).detail()).contains(WaitJudge.Reason.LEFT_ITS_LOOP.text);
        });
        assertThat(result.findings()).noneMatch(f -> f.kind().id().equals("long-blocking"));
    }

    /**
     * Two healthy servers recorded outside the samples (Netty, Jetty 12) read CRITICAL: their
     * {@code main} connected its clients or sent warm-up requests, waiting on each in turn (a
     * repeated wait, so taken for its loop), then waited in {@code closeFuture().sync()} or
     * {@code server.join()} for the rest of the run, "away from its loop". Waiting at a later line
     * of the same method is the thread moving on; a consumer stuck inside its loop's work is not
     * ({@link #aConsumerAwayFromItsPollLoopIsStuckWhereItWaits}).
     */
    @Test
    void aMainThatWaitsForItsServerAfterAStartupLoopIsIdle() {
        List<Frame> connect = List.of(f("java.lang.Object.wait0", -1), f("java.lang.Object.wait", 389),
                f("java.lang.Object.wait", 351), f("io.netty.util.concurrent.DefaultPromise.await", 254),
                f("io.netty.channel.DefaultChannelPromise.await", 131), f("io.netty.util.concurrent.DefaultPromise.sync", 405),
                f("io.netty.channel.DefaultChannelPromise.sync", 119), f("app.Main.main", 48));
        List<Frame> closeFuture = List.of(f("java.lang.Object.wait0", -1), f("java.lang.Object.wait", 389),
                f("java.lang.Object.wait", 351), f("io.netty.util.concurrent.DefaultPromise.await", 254),
                f("io.netty.channel.DefaultChannelPromise.await", 131), f("io.netty.util.concurrent.DefaultPromise.sync", 405),
                f("io.netty.channel.DefaultChannelPromise.sync", 119), f("app.Main.main", 63));
        SyntheticRecording recording = new SyntheticRecording();
        for (int i = 0; i < 3; i++) {
            recording.blocked(Duration.ofMillis(1_000 + 80 * i), BlockingKind.MONITOR_WAIT, 1, Duration.ofMillis(70),
                    connect, false, false);
        }
        EngineResult result = dumpsOf(recording,
                s -> List.of(SyntheticRecording.Waiting.parked(1, "main", false, closeFuture, "0x00000006a0000700")))
                .analyze(WINDOW, LENGTH);
        assertThat(result.findings()).isEmpty();
        assertThat(idleReasons(result, "app.Main.main(Main.java:63)"))
                .containsExactly(WaitJudge.Reason.THREAD_LIFETIME.text);
    }

    @Test
    void aThreadWaitingWhileHoldingALockOthersQueueForIsStuck() {
        List<Frame> holder = List.of(f("java.lang.Object.wait0", -1), f("java.lang.Object.wait", 366),
                f("com.acme.cache.Loader.awaitRefresh", 90), f("com.acme.cache.Loader.run", 30),
                f("java.lang.Thread.run", 840));
        List<Frame> blocked = List.of(f("com.acme.cache.Cache.get", 44), f("com.acme.web.Handler.handle", 20),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1136),
                f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 635), f("java.lang.Thread.run", 840));
        EngineResult result = dumpsOf(new SyntheticRecording(), s -> {
            List<SyntheticRecording.Waiting> threads = new ArrayList<>();
            threads.add(new SyntheticRecording.Waiting(70, "cache-loader", "WAITING (on object monitor)", holder,
                    "waiting on", "0x00000006a0000700", "java.lang.Object", List.of()).holding("0x00000006a0000777"));
            threads.addAll(threads(71, 3, id -> new SyntheticRecording.Waiting(id, "web-" + id,
                    "BLOCKED (on object monitor)", blocked, "waiting to lock", "0x00000006a0000777",
                    "com.acme.cache.Cache", List.of())));
            return threads;
        }).analyze(WINDOW, LENGTH);
        assertThat(result.findings()).extracting(f -> f.site().frame().replaceAll("\\(.*", ""))
                .containsExactlyInAnyOrder("com.acme.cache.Loader.awaitRefresh", "com.acme.cache.Cache.get");
    }

    @Test
    void aRecordingShorterThanTheStuckThresholdMakesWaitersSuspectsAndSaysSo() {
        SyntheticRecording recording = new SyntheticRecording();
        recording.dump(Duration.ofMillis(9_500), threads(80, 16, id -> parked(id, "order-worker-" + id,
                Stacks.LEAKY_POOL_BORROW, "0x00000006a0000800")));
        EngineResult result = recording.analyze(Duration.ofSeconds(1), Duration.ofSeconds(10));

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind().id()).isEqualTo("blocked-forever");
            assertThat(finding.confidence().id()).isEqualTo("suspected");
            assertThat(finding.evidence().get(0).count()).isEqualTo(16);
            assertThat(finding.evidence().get(0).detail()).contains("suspected");
        });
        assertThat(result.limitations()).extracting(Limitation::id).contains("short-recording");
    }

    @Test
    void aLoneWaiterInAShortRecordingIsNotASuspect() {
        SyntheticRecording recording = new SyntheticRecording();
        recording.dump(Duration.ofMillis(9_500), List.of(parked(80, "order-worker-1", Stacks.LEAKY_POOL_BORROW,
                "0x00000006a0000800")));
        assertThat(recording.analyze(Duration.ofSeconds(1), Duration.ofSeconds(10)).findings()).isEmpty();
    }

    @Test
    void aWorkerPollingItsDelayQueueInItsOwnLoopIsNotLongBlocking() {
        List<Frame> delayQueue = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 252),
                f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitNanos", 1679),
                f("java.util.concurrent.DelayQueue.take", 229),
                f("datadog.trace.agent.common.writer.TraceProcessingWorker$Daemon.run", 121),
                f("java.lang.Thread.run", 829));
        SyntheticRecording recording = new SyntheticRecording();
        long end = 0;
        for (int i = 0; i < 6; i++) {
            end += 6_000;
            recording.blocked(Duration.ofMillis(end), BlockingKind.PARK, 90, Duration.ofSeconds(6), delayQueue, true,
                    true);
        }
        EngineResult result = recording.analyze(WINDOW, LENGTH);
        assertThat(result.findings()).isEmpty();
        assertThat(idleReasons(result, "datadog.trace")).isNotEmpty();
    }

    @Test
    void aPoolRunningDryMakesRequestsWaitUntilTheirTimeoutAgainAndAgain() {
        List<Frame> borrow = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 269),
                f("java.util.concurrent.SynchronousQueue.poll", 903),
                f("com.zaxxer.hikari.util.ConcurrentBag.borrow", 158),
                f("com.zaxxer.hikari.pool.HikariPool.getConnection", 166),
                f("com.zaxxer.hikari.HikariDataSource.getConnection", 128),
                f("com.acme.orders.OrderDao.insert", 41), f("com.acme.orders.OrderServlet.doPost", 28),
                f("org.apache.tomcat.util.threads.ThreadPoolExecutor.runWorker", 1190),
                f("java.lang.Thread.run", 1583));
        SyntheticRecording recording = new SyntheticRecording();
        // Ten request threads, each giving up after Hikari's 5 s, then serving other requests for 1 s.
        for (long id = 100; id < 110; id++) {
            for (long end = 5_000 + 100 * (id - 100); end < 40_000; end += 6_000) {
                recording.blocked(Duration.ofMillis(end), BlockingKind.PARK, id, Duration.ofSeconds(5), borrow, true,
                        true);
            }
        }
        EngineResult result = recording.analyze(WINDOW, LENGTH);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind().id()).isEqualTo("long-blocking");
            assertThat(finding.site().frame()).startsWith("com.acme.orders.OrderDao.insert");
        });
    }

    @Test
    void aTaskThatLoopsOnATimedPollWithoutLeavingItIsIdle() {
        List<Frame> taskPoll = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 269),
                f("java.util.concurrent.LinkedBlockingQueue.poll", 460),
                f("com.acme.export.Exporter.lambda$start$0", 35),
                f("java.util.concurrent.FutureTask.run", 317),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1144),
                f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 642), f("java.lang.Thread.run", 1583));
        SyntheticRecording recording = new SyntheticRecording();
        for (long end = 2_000; end < 40_000; end += 2_000) {
            recording.blocked(Duration.ofMillis(end), BlockingKind.PARK, 95, Duration.ofSeconds(2), taskPoll, true,
                    true);
        }
        EngineResult result = recording.analyze(WINDOW, LENGTH);
        assertThat(result.findings()).isEmpty();
        assertThat(idleReasons(result, "com.acme.export.Exporter"))
                .contains(WaitJudge.Reason.OWN_LOOP.text);
    }

    @Test
    void aLibrarysOwnLockQueueIsNotCalledIdleButLeftOutForHavingNoApplicationFrame() {
        // OkHttp's connection pool clean-up, on its TaskRunner thread: no frame of the application's.
        List<Frame> pool = List.of(f("okhttp3.internal.connection.RealConnectionPool.closeConnections", 484),
                f("okhttp3.internal.connection.RealConnectionPool$cleanupTask$1.runOnce", 60),
                f("okhttp3.internal.concurrent.TaskRunner.runTask", 171),
                f("okhttp3.internal.concurrent.TaskRunner$runnable$1.run", 63),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1144),
                f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 642), f("java.lang.Thread.run", 1583));
        List<Frame> watchdog = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 269),
                f("okio.AsyncTimeout$Companion.awaitTimeout", 352), f("okio.AsyncTimeout$Watchdog.run", 211));
        SyntheticRecording recording = new SyntheticRecording();
        for (int s = 1; s < 40; s++) {
            recording.blocked(Duration.ofSeconds(s), BlockingKind.MONITOR_ENTER, 80, Duration.ofMillis(40), pool,
                    false, false);
            recording.blocked(Duration.ofSeconds(s).plusMillis(500), BlockingKind.PARK, 81, Duration.ofMillis(900),
                    watchdog, true, true);
        }
        EngineResult result = dumpsOf(recording, s -> List.of(new SyntheticRecording.Waiting(80,
                "OkHttp TaskRunner", "BLOCKED (on object monitor)", pool, "waiting to lock", "0x00000006a0000880",
                "okhttp3.internal.connection.RealConnectionPool", List.of()))).analyze(WINDOW, LENGTH);

        assertThat(result.findings()).isEmpty();
        assertThat(result.explanations()).noneMatch(e -> e.decision().equals("idle"));
        assertThat(result.explanations()).filteredOn(e -> e.frame().startsWith("okhttp3.internal.connection"))
                .as("the lock queue, by its blocking events and in the dumps")
                .extracting(Explanation::decision, Explanation::reason, Explanation::observations)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no-site",
                        WaitJudge.Reason.NO_APPLICATION_FRAME_LOCK.text, 42L));
        assertThat(result.explanations()).filteredOn(e -> e.frame().startsWith("okio.AsyncTimeout"))
                .extracting(Explanation::decision, Explanation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no-site", WaitJudge.Reason.NO_APPLICATION_FRAME.text));
    }

    @Test
    void aFixedPoolWhoseRequestsAreStuckEachOnItsOwnFutureIsNotCalledAPoolPerCall() {
        // One pool of 6 workers started at start-up; Apache HttpClient 5's connection pool is
        // exhausted, so each worker waits for a connection on its own future (its own condition).
        List<Frame> creator = List.of(f("java.lang.Thread.start", 1553),
                f("java.util.concurrent.ThreadPoolExecutor.addWorker", 945),
                f("java.util.concurrent.ThreadPoolExecutor.execute", 1364),
                f("com.acme.shop.Server.start", 41), f("com.acme.shop.Main.main", 17));
        List<Frame> lease = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.parkNanos", 271),
                f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await", 1892),
                f("org.apache.hc.core5.concurrent.BasicFuture.get", 120),
                f("org.apache.hc.core5.pool.StrictConnPool$1.get", 183),
                f("org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager$3.get", 344),
                f("org.apache.hc.client5.http.impl.classic.InternalExecRuntime.acquireEndpoint", 111),
                f("org.apache.hc.client5.http.impl.classic.CloseableHttpClient.execute", 123),
                f("com.acme.shop.CatalogClient.fetchProduct", 20), f("com.acme.shop.ProductService.handle", 7),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1144),
                f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 642), f("java.lang.Thread.run", 1583));
        SyntheticRecording recording = new SyntheticRecording();
        for (long id = 90; id < 96; id++) {
            recording.started(Duration.ofMillis(100 + id), id, "http-worker-" + (id - 89), creator);
        }
        EngineResult result = dumpsOf(recording, s -> threads(90, 6, id -> SyntheticRecording.Waiting.parked(id,
                "http-worker-" + (id - 89), true, lease, "0x00000006a00009" + id))).analyze(WINDOW, LENGTH);

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.site().frame()).startsWith("com.acme.shop.CatalogClient.fetchProduct");
            assertThat(finding.message()).doesNotContain("no timeout");
            assertThat(finding.evidence()).filteredOn(e -> e.role().equals("creation-site")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).doesNotContain("per call"));
        });
    }

    @Test
    void requestsWaitingOnAsyncTasksBehindACommonPoolWhoseWorkersAreAllBusyAreNamedAsSuch() {
        // CompletableFuture.supplyAsync with no executor: the common pool's 3 workers all read a
        // slow socket, and the request threads join futures queued behind them (JDK 17 dump).
        List<Frame> join = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.park", 211),
                f("java.util.concurrent.CompletableFuture$Signaller.block", 1864),
                f("java.util.concurrent.ForkJoinPool.unmanagedBlock", 3465),
                f("java.util.concurrent.ForkJoinPool.managedBlock", 3436),
                f("java.util.concurrent.CompletableFuture.waitingGet", 1898),
                f("java.util.concurrent.CompletableFuture.join", 2117), f("com.acme.price.PriceService.quote", 14),
                f("com.acme.price.Server.lambda$main$0", 19), f("java.util.concurrent.FutureTask.run", 264),
                f("java.util.concurrent.ThreadPoolExecutor.runWorker", 1136),
                f("java.util.concurrent.ThreadPoolExecutor$Worker.run", 635), f("java.lang.Thread.run", 840));
        List<Frame> busy = List.of(f("sun.nio.ch.SocketDispatcher.read0", -1),
                f("sun.nio.ch.SocketDispatcher.read", 47), f("sun.nio.ch.NioSocketImpl.tryRead", 266),
                f("sun.nio.ch.NioSocketImpl.implRead", 317), f("sun.nio.ch.NioSocketImpl.read", 355),
                f("java.net.Socket$SocketInputStream.read", 966), f("java.io.BufferedReader.readLine", 396),
                f("com.acme.price.InventoryClient.stockLevel", 13), f("com.acme.price.PriceService.lambda$quote$0", 13),
                f("java.util.concurrent.CompletableFuture$AsyncSupply.run", 1768),
                f("java.util.concurrent.CompletableFuture$AsyncSupply.exec", 1760),
                f("java.util.concurrent.ForkJoinTask.doExec", 373),
                f("java.util.concurrent.ForkJoinPool$WorkQueue.topLevelExec", 1182),
                f("java.util.concurrent.ForkJoinPool.scan", 1655), f("java.util.concurrent.ForkJoinPool.runWorker", 1622),
                f("java.util.concurrent.ForkJoinWorkerThread.run", 165));
        List<Frame> idle = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.park", 341),
                f("java.util.concurrent.ForkJoinPool.awaitWork", 1724),
                f("java.util.concurrent.ForkJoinPool.runWorker", 1623),
                f("java.util.concurrent.ForkJoinWorkerThread.run", 165));
        for (boolean oneIdle : new boolean[] {false, true}) {
            EngineResult result = dumpsOf(new SyntheticRecording(), s -> {
                List<SyntheticRecording.Waiting> threads = new ArrayList<>(threads(100, 4,
                        id -> SyntheticRecording.Waiting.parked(id, "http-worker-" + id, false, join, "0x0000069e99" + id)));
                for (long id = 1; id <= 3; id++) {
                    threads.add(oneIdle && id == 3
                            ? SyntheticRecording.Waiting.parked(200 + id, "ForkJoinPool.commonPool-worker-" + id, false,
                                    idle, "0x00000006a0000f00")
                            : new SyntheticRecording.Waiting(200 + id, "ForkJoinPool.commonPool-worker-" + id,
                                    "RUNNABLE", busy, "", "", "", List.of()));
                }
                return threads;
            }).analyze(WINDOW, LENGTH);
            assertThat(result.findings()).filteredOn(finding -> finding.site().frame().startsWith("com.acme.price.PriceService.quote"))
                    .singleElement().satisfies(finding -> {
                        String blocked = finding.evidence().stream().filter(e -> e.role().equals("blocked-stacks"))
                                .map(Evidence::detail).findFirst().orElseThrow();
                        if (oneIdle) {
                            assertThat(blocked).as("a worker waits for work: the pool is not what holds them")
                                    .doesNotContain("ForkJoinPool");
                            assertThat(finding.pattern()).isEqualTo("future-get-without-timeout");
                        } else {
                            assertThat(blocked).contains("the common ForkJoinPool's 3 workers were all busy");
                            assertThat(finding.pattern()).isEqualTo("common-pool-starved");
                        }
                    });
        }
    }

    @Test
    void aSecondGroupOfIdleWorkersStartingLaterIsNotAPileUp() {
        // Two Hazelcast members in one JVM: each starts its event workers, which wait in their own
        // loop on a queue that stays empty; the second member starts 12 s after the first.
        List<Frame> eventWorker = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.park", 371),
                f("java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await", 1752),
                f("java.util.concurrent.LinkedBlockingQueue.take", 435),
                f("com.hazelcast.internal.util.executor.StripedExecutor$Worker.run", 226),
                f("com.hazelcast.internal.util.executor.HazelcastManagedThread.executeRun", 76),
                f("com.hazelcast.internal.util.executor.HazelcastManagedThread.run", 111));
        List<Frame> creator = List.of(f("java.lang.Thread.start", 1553),
                f("com.hazelcast.internal.util.executor.HazelcastManagedThread.start", 92),
                f("com.hazelcast.internal.util.executor.StripedExecutor.<init>", 88),
                f("com.hazelcast.spi.impl.eventservice.impl.EventServiceImpl.<init>", 150),
                f("com.acme.cache.Main.main", 30));
        SyntheticRecording recording = new SyntheticRecording();
        for (long id = 60; id < 65; id++) {
            recording.started(Duration.ofMillis(1_000 + 20 * id), id, "hz.first.event-" + id, creator);
            recording.started(Duration.ofMillis(13_000 + 20 * id), id + 10, "hz.second.event-" + id, creator);
        }
        EngineResult result = dumpsOf(recording, s -> {
            List<SyntheticRecording.Waiting> threads = new ArrayList<>(threads(60, 5,
                    id -> parked(id, "hz.first.event-" + id, eventWorker, "0x00000006a00006" + id)));
            if (s > 13) {
                threads.addAll(threads(70, 5, id -> parked(id, "hz.second.event-" + (id - 10), eventWorker,
                        "0x00000006a00007" + id)));
            }
            return threads;
        }).analyze(WINDOW, LENGTH);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void threadsThatKeepComingBackToAWaitAreNotPilingUpThere() {
        // Hazelcast's response threads: a queue of its own that parks in takeAll, in their own loop.
        // Four of them get work now and then (and so are in the wait at some dumps only); two never do.
        List<Frame> takeAll = List.of(f("jdk.internal.misc.Unsafe.park", -1),
                f("java.util.concurrent.locks.LockSupport.park", 369),
                f("com.hazelcast.internal.util.concurrent.MPSCQueue.takeAll", 229),
                f("com.hazelcast.internal.util.concurrent.MPSCQueue.take", 151),
                f("com.hazelcast.spi.impl.operationservice.impl.InboundResponseHandlerSupplier$ResponseThread.doRun", 295),
                f("com.hazelcast.internal.util.executor.HazelcastManagedThread.run", 111));
        SyntheticRecording recording = new SyntheticRecording();
        for (long id = 80; id < 84; id++) {
            for (int s = 1; s < 40; s += 2) {
                recording.blocked(Duration.ofSeconds(s).plusMillis(10 * id), BlockingKind.PARK, id,
                        Duration.ofMillis(1_500), takeAll, false, false);
            }
        }
        EngineResult result = dumpsOf(recording, s -> {
            List<SyntheticRecording.Waiting> threads = new ArrayList<>(threads(90, 2,
                    id -> SyntheticRecording.Waiting.parked(id, "hz.response-" + id, false, takeAll, "0x00000006a0000b00")));
            // At the dumps, none, then two, then all four of the busy ones happen to be waiting.
            threads.addAll(threads(80, s == 10 ? 0 : s == 20 ? 2 : 4,
                    id -> SyntheticRecording.Waiting.parked(id, "hz.response-" + id, false, takeAll, "0x00000006a0000c" + id)));
            return threads;
        }).analyze(WINDOW, LENGTH);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aJdkPoolsIdleWorkersAreExplainedAtTheCatalogsWaitNotAtThePark() {
        EngineResult result = dumpsOf(new SyntheticRecording(), s -> threads(110, 4,
                id -> parked(id, "pool-1-thread-" + id, Stacks.IDLE_POOL_WORKER, "0x00000006a0000d00")))
                .analyze(WINDOW, LENGTH);
        assertThat(result.findings()).isEmpty();
        assertThat(result.explanations()).filteredOn(e -> e.reason().contains("ThreadPoolExecutor.getTask"))
                .singleElement().satisfies(e -> {
                    assertThat(e.frame()).startsWith("java.util.concurrent.ThreadPoolExecutor.getTask(");
                    assertThat(e.threads()).isEqualTo(4);
                });
    }
}
