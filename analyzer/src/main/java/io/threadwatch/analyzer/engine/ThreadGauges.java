package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.CpuCount;
import io.threadwatch.analyzer.event.ThreadCount;
import io.threadwatch.analyzer.sli.Sli;
import io.threadwatch.rules.Sample;
import io.threadwatch.rules.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * How many platform threads are alive and how many of them are the application's per CPU:
 * {@link Sli#THREADS_LIVE} from the JVM's own count ({@code jdk.JavaThreadStatistics}) when the
 * recording has it, since the ledger only knows the threads it saw start or in a dump, and
 * {@link Sli#THREADS_ACTIVE_RATIO} once the recording says how many CPUs there are.
 */
final class ThreadGauges implements SliProducer {

    private final ThreadLedger ledger;
    private ThreadCount latestCount;
    private CpuCount cpus;

    ThreadGauges(ThreadLedger ledger) {
        this.ledger = ledger;
    }

    void counted(ThreadCount count) {
        latestCount = count;
    }

    /** A CPU count; the most authoritative one wins (a flag over a container over the hardware), and of equals the latest. */
    void counted(CpuCount count) {
        if (cpus == null || count.origin().compareTo(cpus.origin()) >= 0) {
            cpus = count;
        }
    }

    /** Nothing was recorded for a while: the count waits for the next statistics event. */
    void forgetCount() {
        latestCount = null;
    }

    /** The recording's CPU count, or {@code null} when it has none. */
    Integer cpus() {
        return cpus == null ? null : cpus.cpus();
    }

    @Override
    public List<Sample> closeWindow(Window window) {
        List<Sample> samples = new ArrayList<>(2);
        if (latestCount != null) {
            samples.add(Sli.THREADS_LIVE.sample(latestCount.live()));
        } else if (ledger.liveCount() > 0) {
            samples.add(Sli.THREADS_LIVE.sample(ledger.liveCount()));
        }
        if (cpus != null) {
            samples.add(Sli.THREADS_ACTIVE_RATIO.sample((double) ledger.applicationCount() / cpus.cpus()));
        }
        return samples;
    }
}
