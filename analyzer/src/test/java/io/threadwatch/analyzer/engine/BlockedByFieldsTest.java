package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.event.Blocked;
import io.threadwatch.analyzer.event.BlockingKind;
import io.threadwatch.analyzer.event.Stack;
import io.threadwatch.analyzer.event.ThreadStarted;
import io.threadwatch.analyzer.result.Finding;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Threadwatch's own parser hands waits to the engine by their fields ({@link AnalysisEngine#blocked}),
 * the other parsers as {@link Blocked} records: the two ways in give the same result, window for
 * window, on waits that fire findings, waits that time out and waits the engine judges idle.
 */
class BlockedByFieldsTest {

    private static final long MS = 1_000_000L;

    @Test
    void waitsByTheirFieldsGiveTheSameSlisFindingsAndExplanationsAsTheirRecords() {
        EngineRun run = new EngineRun(Duration.ofSeconds(4));
        Stack creator = run.stack("java.lang.Thread.start:1000",
                "java.util.concurrent.ThreadPoolExecutor.addWorker:899",
                "io.threadwatch.samples.leakypool.OrderServer.start:30");
        Stack borrow = run.stack("jdk.internal.misc.Unsafe.park:-1",
                "java.util.concurrent.locks.LockSupport.parkNanos:252",
                "java.util.concurrent.LinkedBlockingQueue.poll:460",
                "io.threadwatch.samples.leakypool.ConnectionPool.borrow:24",
                "io.threadwatch.samples.leakypool.OrderHandler.handle:45",
                "io.threadwatch.samples.leakypool.OrderHandler.run:36",
                "java.util.concurrent.ThreadPoolExecutor.runWorker:1136",
                "java.util.concurrent.ThreadPoolExecutor$Worker.run:635",
                "java.lang.Thread.run:840");
        Stack append = run.stack("io.threadwatch.samples.hotlock.AuditLog.append:23",
                "io.threadwatch.samples.hotlock.CheckoutHandler.handle:29",
                "com.sun.net.httpserver.Filter$Chain.doFilter:98");
        Stack take = run.stack("jdk.internal.misc.Unsafe.park:-1",
                "java.util.concurrent.locks.LockSupport.park:371",
                "java.util.concurrent.LinkedBlockingQueue.take:435",
                "io.threadwatch.samples.consumer.Consumer.run:18",
                "java.lang.Thread.run:1583");
        for (int thread = 0; thread < 8; thread++) {
            run.add(new ThreadStarted(run.at(0.1 * thread), 20 + thread, "order-" + thread, 1, creator));
        }
        run.add(new ThreadStarted(run.at(0.05), 40, "consumer", 1, creator));
        for (int second = 1; second < 60; second++) {
            for (int thread = 0; thread < 8; thread++) {
                long id = 20 + thread;
                double end = second + 0.1 * thread;
                // Borrows with a 2 s timeout: half give up, half get a connection after 1.5 s;
                // and a queue on the audit log's monitor.
                boolean gaveUp = thread % 2 == 0;
                run.add(new Blocked(run.at(end), BlockingKind.PARK, id, (gaveUp ? 2_000 : 1_500) * MS, borrow, true,
                        gaveUp, "java.util.concurrent.LinkedBlockingQueue"));
                run.add(new Blocked(run.at(end + 0.05), BlockingKind.MONITOR_ENTER, id, (400 + 30L * thread) * MS,
                        append, false, false, "io.threadwatch.samples.hotlock.AuditLog"));
            }
            // A consumer that waits for work back to back: idle, not blocked.
            run.add(new Blocked(run.at(second + 0.999), BlockingKind.PARK, 40, 990 * MS, take, false, false,
                    "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject"));
        }

        EngineResult records = run.finish(60);
        EngineResult fields = run.finishByFields(60);

        assertThat(records.findings()).as("the scenario fires").isNotEmpty();
        assertThat(records.findings()).extracting(f -> f.kind().id()).containsExactlyInAnyOrder("contention", "long-blocking");
        assertThat(records.explanations()).as("and explains an idle wait").isNotEmpty();
        assertThat(fields.slis()).isEqualTo(records.slis());
        assertThat(fields.findings()).isEqualTo(records.findings());
        assertThat(fields.explanations()).isEqualTo(records.explanations());
        assertThat(fields.limitations()).isEqualTo(records.limitations());
    }
}
