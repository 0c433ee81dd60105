package io.threadwatch.analyzer.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.result.Confidence;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.Finding;
import io.threadwatch.rules.CatalogLoader;
import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.ProblemPattern;
import io.threadwatch.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The built-in patterns on synthetic findings whose stacks are taken from real recordings and
 * thread dumps; shapes no pattern describes stay unclassified.
 */
class PatternClassifierTest {

    private static final PatternClassifier BUILT_IN = new PatternClassifier(CatalogLoader.builtIn().patterns());

    private static Finding finding(String kind, String site, Evidence... evidence) {
        return new Finding(kind + ":0123456789abcdef", kind, FindingKind.fromId(kind), Severity.CRITICAL,
                Confidence.CONFIRMED, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"), 1,
                "a message", new Finding.FiredSli("threads.live", new TreeMap<>(Map.of()), 1, 1, "threads"),
                site == null ? null : new Finding.Site(site, "0123456789abcdef"), List.of(evidence));
    }

    private static Evidence evidence(String role, String detail, String... frames) {
        return new Evidence(role, 1, List.of(), List.of(frames), detail);
    }

    private static String pattern(Finding finding) {
        return BUILT_IN.classify(finding).pattern();
    }

    @Test
    void aSchedulerCreatedPerCallIsAnExecutorNeverShutDown() {
        // scheduler-leak.threadwatch-jdk25: a new single-thread scheduler per reload.
        Finding leak = finding("thread-leak", "com.acme.ConfigReloader.reload(ConfigReloader.java:38)",
                evidence("creation-site", "27 threads started here",
                        "at java.lang.System$1.start(System.java:2231)",
                        "at jdk.internal.vm.SharedThreadContainer.start(SharedThreadContainer.java:147)",
                        "at java.util.concurrent.ThreadPoolExecutor.addWorker(ThreadPoolExecutor.java:899)",
                        "at java.util.concurrent.ThreadPoolExecutor.ensurePrestart(ThreadPoolExecutor.java:1556)",
                        "at java.util.concurrent.ScheduledThreadPoolExecutor.scheduleAtFixedRate(ScheduledThreadPoolExecutor.java:619)",
                        "at com.acme.ConfigReloader.reload(ConfigReloader.java:38)"),
                evidence("live-threads", "27 threads from this site alive at the end",
                        "at jdk.internal.misc.Unsafe.park(java.base@25.0.3/Native Method)",
                        "- parking to wait for  <0x000000069dc515f8> (a java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject)",
                        "at java.util.concurrent.locks.LockSupport.parkNanos(java.base@25.0.3/LockSupport.java:271)",
                        "at java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take(java.base@25.0.3/ScheduledThreadPoolExecutor.java:1166)",
                        "at java.util.concurrent.ThreadPoolExecutor.getTask(java.base@25.0.3/ThreadPoolExecutor.java:1016)"));
        Finding classified = BUILT_IN.classify(leak);
        assertThat(classified.pattern()).isEqualTo("executor-per-call-never-shutdown");
        assertThat(classified.fix()).contains("shut it down");
    }

    /**
     * A helper's service that builds a Curator client per request and never closes it (JDK 25):
     * with Curator and the ZooKeeper client handle in the catalog, its four thread families are
     * one site at the application's start() call, and the fix is the client's, not a bounded pool.
     */
    @Test
    void aCuratorClientStartedPerRequestIsAClientPerRequest() {
        Finding leak = finding("thread-leak", "sick.Main.featureFlag(Main.java:19)",
                evidence("creation-site", "488 threads started here",
                        "at org.apache.zookeeper.ClientCnxn.start(ClientCnxn.java:429)",
                        "at org.apache.zookeeper.ZooKeeper.<init>(ZooKeeper.java:655)",
                        "at org.apache.zookeeper.admin.ZooKeeperAdmin.<init>(ZooKeeperAdmin.java:214)",
                        "at org.apache.curator.utils.DefaultZookeeperFactory.newZooKeeper(DefaultZookeeperFactory.java:30)",
                        "at org.apache.curator.HandleHolder.getZooKeeper(HandleHolder.java:51)",
                        "at org.apache.curator.ConnectionState.start(ConnectionState.java:100)",
                        "at org.apache.curator.CuratorZookeeperClient.start(CuratorZookeeperClient.java:249)",
                        "at org.apache.curator.framework.imps.CuratorFrameworkImpl.start(CuratorFrameworkImpl.java:362)",
                        "at sick.Main.featureFlag(Main.java:19)"));
        assertThat(pattern(leak)).isEqualTo("client-per-request");
        assertThat(io.threadwatch.analyzer.engine.FrameClassifier.withDefaults().siteIndex(List.of(
                new io.threadwatch.analyzer.event.Frame("org.apache.zookeeper.admin.ZooKeeperAdmin", "<init>", 214),
                new io.threadwatch.analyzer.event.Frame("sick.Main", "featureFlag", 19)))).isEqualTo(1);
    }

    /**
     * On JDK 17 with 2 CPUs the common pool's parallelism is 1, and CompletableFuture's async
     * calls given no executor start a thread each: the JDK HttpClient's sendAsync completing its
     * responses, and Caffeine's refreshes. Both once read as a client built per request, whose fix
     * sent the reader looking for a bug the code did not have.
     */
    @Test
    void threadsStartedPerAsyncTaskByCompletableFutureAreTheCommonPoolsFallback() {
        Finding httpClient = finding("creation-storm",
                "java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor.execute(CompletableFuture.java:444) [Thread-#]",
                evidence("creation-site", "1680 threads started here during the recording, 0 still alive at its end",
                        "at java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor.execute(CompletableFuture.java:444)",
                        "at java.util.concurrent.CompletableFuture$UniCompletion.claim(CompletableFuture.java:572)",
                        "at java.util.concurrent.CompletableFuture.uniWhenComplete(CompletableFuture.java:854)",
                        "at java.util.concurrent.CompletableFuture$UniWhenComplete.tryFire(CompletableFuture.java:841)",
                        "at java.util.concurrent.CompletableFuture.postComplete(CompletableFuture.java:510)",
                        "at java.util.concurrent.CompletableFuture.complete(CompletableFuture.java:2147)",
                        "at jdk.internal.net.http.ResponseSubscribers.lambda$getBodyAsync$2(ResponseSubscribers.java:1157)"));
        Finding cache = finding("creation-storm", "com.acme.quotes.QuoteCache.lookup(QuoteCache.java:37)",
                evidence("creation-site", "5600 threads started here during the recording, 0 still alive at its end",
                        "at java.util.concurrent.CompletableFuture$ThreadPerTaskExecutor.execute(CompletableFuture.java:444)",
                        "at java.util.concurrent.CompletableFuture.asyncSupplyStage(CompletableFuture.java:1782)",
                        "at java.util.concurrent.CompletableFuture.supplyAsync(CompletableFuture.java:2005)",
                        "at com.github.benmanes.caffeine.cache.CacheLoader.asyncReload(CacheLoader.java:200)",
                        "at com.github.benmanes.caffeine.cache.LocalLoadingCache.get(LocalLoadingCache.java:60)",
                        "at com.acme.quotes.QuoteCache.lookup(QuoteCache.java:37)"));

        for (Finding storm : List.of(httpClient, cache)) {
            Finding classified = BUILT_IN.classify(storm);
            assertThat(classified.pattern()).isEqualTo("completable-future-thread-per-task");
            assertThat(classified.fix()).contains("executor", "ForkJoinPool.common.parallelism");
        }
    }

    @Test
    void aTimerPerCallIsATimerNeverCancelled() {
        // JDK 17: a Timer's thread starts in its constructor.
        assertThat(pattern(finding("thread-leak", "com.acme.Poller.start(Poller.java:21)",
                evidence("creation-site", "12 threads started here",
                        "at java.lang.Thread.start(Thread.java:798)",
                        "at java.util.Timer.<init>(Timer.java:188)",
                        "at java.util.Timer.<init>(Timer.java:156)",
                        "at com.acme.Poller.start(Poller.java:21)")))).isEqualTo("timer-never-cancelled");
    }

    @Test
    void threadsThatLeakBecauseEachIsStuckNameTheStuckWait() {
        // A thread per connection, each stuck in a read without a timeout (silent-clients' stack, grown).
        assertThat(pattern(finding("thread-leak", "com.acme.DeviceHandler.readRecord(DeviceHandler.java:44)",
                evidence("creation-site", "300 threads started here",
                        "at java.lang.Thread.start(Thread.java:809)",
                        "at com.acme.Acceptor.accept(Acceptor.java:30)"),
                evidence("live-threads", "300 threads from this site alive at the end",
                        "at sun.nio.ch.SocketDispatcher.read0(java.base@17.0.9/Native Method)",
                        "at sun.nio.ch.NioSocketImpl.read(java.base@17.0.9/NioSocketImpl.java:330)",
                        "at java.net.Socket$SocketInputStream.read(java.base@17.0.9/Socket.java:966)",
                        "at java.io.BufferedReader.readLine(java.base@17.0.9/BufferedReader.java:392)",
                        "at com.acme.DeviceHandler.readRecord(DeviceHandler.java:44)"))))
                .isEqualTo("leak-of-stuck-threads");
    }

    @Test
    void theApplicationStartingAThreadPerRequestIsUnbounded() {
        // thread-per-request.threadwatch-jdk25: the creation stack starts at the application's own start().
        assertThat(pattern(finding("creation-storm", "com.acme.Server.acceptLoop(Server.java:58)",
                evidence("creation-site", "3398 threads started here",
                        "at com.acme.Server.acceptLoop(Server.java:58)",
                        "at java.lang.Thread.run(Thread.java:1474)")))).isEqualTo("thread-per-request-unbounded");
        // A library that starts its own threads is not the application's thread per request: no guess.
        assertThat(pattern(finding("creation-storm", "com.acme.Server.handle(Server.java:58)",
                evidence("creation-site", "3398 threads started here",
                        "at java.lang.Thread.start(Thread.java:809)",
                        "at org.example.workers.Spawner.spawn(Spawner.java:12)",
                        "at com.acme.Server.handle(Server.java:58)")))).isEqualTo(ProblemPattern.UNCLASSIFIED);
    }

    @Test
    void untimedWaitsAreNamedByTheApiTheyWaitIn() {
        assertThat(pattern(blocked("WAITING on java.util.concurrent.CountDownLatch$Sync",
                "at jdk.internal.misc.Unsafe.park(java.base@17.0.9/Native Method)",
                "at java.util.concurrent.locks.LockSupport.park(java.base@17.0.9/LockSupport.java:211)",
                "at java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireSharedInterruptibly(java.base@17.0.9/AbstractQueuedSynchronizer.java:1048)",
                "at java.util.concurrent.CountDownLatch.await(java.base@17.0.9/CountDownLatch.java:230)")))
                .isEqualTo("latch-never-counted-down");
        assertThat(pattern(blocked("WAITING on java.util.concurrent.locks.ReentrantLock$NonfairSync",
                "at jdk.internal.misc.Unsafe.park(java.base@17.0.9/Native Method)",
                "at java.util.concurrent.locks.LockSupport.park(java.base@17.0.9/LockSupport.java:211)",
                "at java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire(java.base@17.0.9/AbstractQueuedSynchronizer.java:715)",
                "at java.util.concurrent.locks.ReentrantLock$Sync.lock(java.base@17.0.9/ReentrantLock.java:153)",
                "at java.util.concurrent.locks.ReentrantLock.lock(java.base@17.0.9/ReentrantLock.java:322)")))
                .isEqualTo("lock-never-released");
        assertThat(pattern(blocked("WAITING on java.util.concurrent.FutureTask",
                "at jdk.internal.misc.Unsafe.park(java.base@17.0.9/Native Method)",
                "at java.util.concurrent.locks.LockSupport.park(java.base@17.0.9/LockSupport.java:211)",
                "at java.util.concurrent.FutureTask.awaitDone(java.base@17.0.9/FutureTask.java:447)",
                "at java.util.concurrent.FutureTask.get(java.base@17.0.9/FutureTask.java:190)")))
                .isEqualTo("future-get-without-timeout");
    }

    @Test
    void aMonoBlockedOnWithoutTimeoutIsTheReactiveBlockNotTheLatchItAwaits() {
        // Reactor 3.7's Mono.block() waits on a CountDownLatch of its own (JDK 25 thread dump).
        assertThat(pattern(blocked("WAITING on java.util.concurrent.CountDownLatch$Sync",
                "at jdk.internal.misc.Unsafe.park(java.base@25.0.3/Native Method)",
                "at java.util.concurrent.locks.LockSupport.park(java.base@25.0.3/LockSupport.java:223)",
                "at java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire(java.base@25.0.3/AbstractQueuedSynchronizer.java:790)",
                "at java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireSharedInterruptibly(java.base@25.0.3/AbstractQueuedSynchronizer.java:1139)",
                "at java.util.concurrent.CountDownLatch.await(java.base@25.0.3/CountDownLatch.java:230)",
                "at reactor.core.publisher.BlockingSingleSubscriber.blockingGet(BlockingSingleSubscriber.java:91)",
                "at reactor.core.publisher.Mono.block(Mono.java:1779)")))
                .isEqualTo("reactive-block-without-timeout");
    }

    @Test
    void aSocketReadEventIsASocketReadWithoutTimeoutByItsTypeOnJdk22AndLater() {
        // From JDK 22 a jdk.SocketRead event's stack starts at the reader above the socket (JDK 25).
        String[] frames = {"at sun.nio.cs.StreamDecoder.readBytes(StreamDecoder.java:279)",
                "at sun.nio.cs.StreamDecoder.implRead(StreamDecoder.java:322)",
                "at sun.nio.cs.StreamDecoder.read(StreamDecoder.java:186)",
                "at java.io.InputStreamReader.read(InputStreamReader.java:183)",
                "at java.io.BufferedReader.fill(BufferedReader.java:166)",
                "at java.io.BufferedReader.readLine(BufferedReader.java:333)",
                "at java.io.BufferedReader.readLine(BufferedReader.java:400)",
                "at com.acme.InventoryClient.stockLevel(InventoryClient.java:13)"};
        String site = "com.acme.InventoryClient.stockLevel(InventoryClient.java:13)";
        assertThat(pattern(finding("long-blocking", site, evidence("blocking-events", "socket-read over the whole "
                + "recording: 27 events, p99 5001.215 ms, max 5001.215 ms, 96.818 s in total, mostly on localhost:38803, "
                + "27 without timeout", frames)))).isEqualTo("socket-read-without-timeout");
        assertThat(pattern(finding("long-blocking", site, evidence("blocking-events", "socket-read over the whole "
                + "recording: 27 events, p99 5001.215 ms, max 5001.215 ms, 96.818 s in total, mostly on localhost:38803",
                frames)))).as("every read had a timeout: a slow peer, not a missing timeout")
                .isEqualTo(ProblemPattern.UNCLASSIFIED);
    }

    /**
     * A helper's Spring service (JDK 17): a load generator's HttpClient.send with a 3 s request
     * timeout against a server that hangs. The untimed CompletableFuture.get() is the JDK's own,
     * inside send: "use get(timeout, unit)" was advice for code the user does not have.
     */
    @Test
    void aBlockingHttpClientSendIsTheServerNotAFutureGet() {
        String site = "sick.Main.lambda$main$3(Main.java:90)";
        String[] frames = {"at jdk.internal.misc.Unsafe.park(Native Method)",
                "at java.util.concurrent.locks.LockSupport.park(LockSupport.java:211)",
                "at java.util.concurrent.CompletableFuture$Signaller.block(CompletableFuture.java:1864)",
                "at java.util.concurrent.ForkJoinPool.managedBlock(ForkJoinPool.java:3463)",
                "at java.util.concurrent.CompletableFuture.waitingGet(CompletableFuture.java:1898)",
                "at java.util.concurrent.CompletableFuture.get(CompletableFuture.java:2072)",
                "at jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:554)",
                "at jdk.internal.net.http.HttpClientFacade.send(HttpClientFacade.java:123)",
                "at " + site};
        assertThat(pattern(finding("long-blocking", site, evidence("blocking-events", "park over the whole recording: "
                + "312 events, p99 3201.023 ms, max 3207.5 ms, 880.1 s in total, 312 without timeout", frames))))
                .isEqualTo("http-send-waits-on-server");
    }

    /**
     * A helper's service whose Guava cache loader reads a socket with no timeout (JDK 25 dump): the
     * other request threads wait for that load in the cache, behind a SettableFuture. They never
     * call Future.get themselves; "use get(timeout, unit)" pointed at code they do not have.
     */
    @Test
    void threadsWaitingInAGuavaCacheForAnothersLoadWaitOnTheLoaderNotOnAFuture() {
        assertThat(pattern(blocked("WAITING on com.google.common.util.concurrent.SettableFuture",
                "at jdk.internal.misc.Unsafe.park(java.base@25.0.3/Native Method)",
                "at java.util.concurrent.locks.LockSupport.park(java.base@25.0.3/LockSupport.java:223)",
                "at com.google.common.util.concurrent.AbstractFuture.get(AbstractFuture.java:560)",
                "at com.google.common.util.concurrent.Uninterruptibles.getUninterruptibly(Uninterruptibles.java:247)",
                "at com.google.common.cache.LocalCache$LoadingValueReference.waitForValue(LocalCache.java:3626)")))
                .isEqualTo("cache-waits-for-anothers-load");
    }

    @Test
    void aThreadStartedPerReloadThatIdlesInItsOwnLoopIsAWorkerNeverStopped() {
        String site = "com.acme.audit.AuditPublisher.<init>(AuditPublisher.java:16)";
        Evidence created = evidence("creation-site", "37 threads started here",
                "at java.lang.Thread.start(Thread.java:1553)",
                "at com.acme.audit.AuditPublisher.<init>(AuditPublisher.java:16)",
                "at com.acme.config.ConfigReloader.reload(ConfigReloader.java:6)");
        String[] consumer = {"at jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)",
                "at java.util.concurrent.locks.LockSupport.park(java.base@17.0.15/LockSupport.java:211)",
                "at java.util.concurrent.LinkedBlockingQueue.take(java.base@17.0.15/LinkedBlockingQueue.java:435)",
                "at com.acme.audit.AuditPublisher.consumeLoop(AuditPublisher.java:24)",
                "at java.lang.Thread.run(java.base@17.0.15/Thread.java:840)"};
        assertThat(pattern(finding("thread-leak", site, created, evidence("live-threads", "37 threads from this site "
                + "alive at the end; 37 of them wait at the stack shown in the latest dump; that wait is their own loop "
                + "(they keep coming back to it, waiting for work)", consumer)))).isEqualTo("worker-started-never-stopped");
        assertThat(pattern(finding("thread-leak", site, created, evidence("live-threads", "37 threads from this site "
                + "alive at the end; 37 of them wait at the stack shown in the latest dump", consumer))))
                .as("threads not shown idling in a loop: started per request").isEqualTo("thread-per-request-unbounded");
    }

    @Test
    void aTimedGetThatOutlastedTheThresholdIsNotAGetWithoutTimeout() {
        assertThat(pattern(blocked("TIMED_WAITING (a wait with a timeout that outlasted the stuck threshold) on java.util.concurrent.FutureTask",
                "at jdk.internal.misc.Unsafe.park(java.base@17.0.9/Native Method)",
                "at java.util.concurrent.locks.LockSupport.parkNanos(java.base@17.0.9/LockSupport.java:252)",
                "at java.util.concurrent.FutureTask.awaitDone(java.base@17.0.9/FutureTask.java:444)",
                "at java.util.concurrent.FutureTask.get(java.base@17.0.9/FutureTask.java:203)")))
                .isEqualTo(ProblemPattern.UNCLASSIFIED);
    }

    @Test
    void aWaitInTheApplicationsOwnMonitorIsUnclassified() {
        Finding finding = blocked("WAITING on com.acme.Mailbox",
                "at java.lang.Object.wait(java.base@17.0.9/Native Method)",
                "- waiting on <0x000000069d800048> (a com.acme.Mailbox)",
                "at java.lang.Object.wait(java.base@17.0.9/Object.java:338)");
        Finding classified = BUILT_IN.classify(finding);
        assertThat(classified.pattern()).isEqualTo(ProblemPattern.UNCLASSIFIED);
        assertThat(classified.fix()).isNull();
    }

    @Test
    void deadlocksAreALockOrderInversionUnlessClassInitializationIsInTheCycle() {
        Evidence monitors = evidence("deadlock-cycle", "teller-2 waiting to lock monitor 0x00007f0cc4004570 (object 0x000000069d800048, a com.acme.Account), which is held by teller-3",
                "at com.acme.Bank.transfer(Bank.java:32)",
                "- waiting to lock <0x000000069d800048> (a com.acme.Account)",
                "- locked <0x000000069d800060> (a com.acme.Account)");
        assertThat(pattern(finding("deadlock", "com.acme.Bank.transfer(Bank.java:32)", monitors)))
                .isEqualTo("lock-order-inversion");
        Evidence classInit = evidence("deadlock-cycle", "init-1 waiting on the Class initialization monitor for com.acme.B, which is held by init-2",
                "at com.acme.A.<clinit>(A.java:5)",
                "at com.acme.Main.lambda$main$0(Main.java:9)");
        assertThat(pattern(finding("deadlock", "com.acme.A.<clinit>(A.java:5)", classInit))).isEqualTo("class-init-cycle");
    }

    @Test
    void contentionInALoggerIsTheSynchronizedLogger() {
        assertThat(pattern(finding("contention", "com.acme.OrderHandler.handle(OrderHandler.java:40)",
                evidence("blocking-events", "monitor-enter over the whole recording: 900 events, mostly on java.io.PrintStream",
                        "at java.io.PrintStream.writeln(PrintStream.java:722)",
                        "at java.io.PrintStream.println(PrintStream.java:1028)",
                        "at com.acme.OrderHandler.handle(OrderHandler.java:40)")))).isEqualTo("synchronized-logger");
        assertThat(pattern(finding("contention", "com.acme.Cart.add(Cart.java:40)",
                evidence("blocking-events", "monitor-enter over the whole recording: 900 events, mostly on com.acme.Cart",
                        "at com.acme.Cart.add(Cart.java:40)")))).isEqualTo("hot-monitor");
    }

    @Test
    void heapGrowthNeedsAnAllocationThatShowsWhereItIsKept() {
        Evidence viaMap = evidence("leak-candidates", "200 of 204 sampled live objects were allocated here ([B)",
                "at java.util.Arrays.copyOf(Arrays.java:3537)",
                "at com.acme.Renderer.render(Renderer.java:37)",
                "at java.util.concurrent.ConcurrentHashMap.computeIfAbsent(ConcurrentHashMap.java:1724)",
                "at com.acme.ReportCache.get(ReportCache.java:25)");
        assertThat(pattern(finding("heap-growth", "com.acme.Renderer.render(Renderer.java:37)", viaMap)))
                .isEqualTo("heap-unbounded-growth");
        Evidence listener = evidence("leak-candidates", "120 of 130 sampled live objects were allocated here",
                "at java.util.Arrays.copyOf(Arrays.java:3537)",
                "at java.util.concurrent.CopyOnWriteArrayList.add(CopyOnWriteArrayList.java:410)",
                "at com.acme.EventBus.addOrderListener(EventBus.java:20)",
                "at com.acme.Session.open(Session.java:12)");
        assertThat(pattern(finding("heap-growth", "com.acme.Session.open(Session.java:12)", listener)))
                .isEqualTo("listeners-never-removed");
        Evidence plain = evidence("leak-candidates", "200 of 204 sampled live objects were allocated here ([B)",
                "at com.acme.Renderer.render(Renderer.java:37)");
        assertThat(pattern(finding("heap-growth", "com.acme.Renderer.render(Renderer.java:37)", plain)))
                .isEqualTo(ProblemPattern.UNCLASSIFIED);
        assertThat(pattern(finding("gc-pressure", null, evidence("gc-pauses", "collectors G1New / G1Old"))))
                .isEqualTo(ProblemPattern.UNCLASSIFIED);
    }

    @Test
    void aUserPatternIsTriedBeforeTheBuiltInOnes() {
        List<ProblemPattern> patterns = new ArrayList<>(CatalogLoader.builtIn().patterns());
        patterns.add(new ProblemPattern("acme-cart-lock", Set.of(FindingKind.CONTENTION), "the cart's lock",
                "use the striped cart", "", new ProblemPattern.Match(List.of(), List.of(), List.of("com.acme.Cart.add"),
                List.of(), List.of(), List.of(), List.of(), List.of(), null), "mine.yaml"));
        Finding classified = new PatternClassifier(patterns).classify(finding("contention", "com.acme.Cart.add(Cart.java:40)",
                evidence("blocking-events", "monitor-enter: 900 events", "at com.acme.Cart.add(Cart.java:40)")));
        assertThat(classified.pattern()).isEqualTo("acme-cart-lock");
        assertThat(classified.fix()).isEqualTo("use the striped cart");
    }

    private static Finding blocked(String detail, String... framesAboveSite) {
        List<String> frames = new ArrayList<>(List.of(framesAboveSite));
        frames.add("at com.acme.Handler.handle(Handler.java:51)");
        frames.add("at java.util.concurrent.ThreadPoolExecutor.runWorker(java.base@17.0.9/ThreadPoolExecutor.java:1136)");
        return finding("blocked-forever", "com.acme.Handler.handle(Handler.java:51)",
                new Evidence("blocked-stacks", 8, List.of(), frames, detail + "; blocked for at least 39 s"));
    }
}
