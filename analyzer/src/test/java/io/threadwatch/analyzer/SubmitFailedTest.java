package io.threadwatch.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.report.Report;
import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.CatalogLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Virtual threads refused by their scheduler are counted and reported at the submitting site.
 *
 * <p>The JDK's default scheduler cannot be made to refuse a virtual thread on JDK 25 (it cannot be
 * shut down and grows its queues until the heap runs out; see samples/README.md), so this test
 * records, with a real JFR recording, an event of the same name and fields as
 * {@code jdk.VirtualThreadSubmitFailed}, and reads it back through the whole pipeline.
 */
class SubmitFailedTest {

    @TempDir
    Path dir;

    /** Stands in for the JDK's event: same name, same fields, a stack trace. */
    @Name("jdk.VirtualThreadSubmitFailed")
    @StackTrace(true)
    static final class RefusedVirtualThread extends Event {
        long javaThreadId;
        String exceptionMessage;
    }

    /** Application code whose virtual threads are refused. */
    static final class Dispatcher {
        void dispatch(long threadId) {
            RefusedVirtualThread event = new RefusedVirtualThread();
            event.javaThreadId = threadId;
            event.exceptionMessage = "java.util.concurrent.RejectedExecutionException: scheduler shut down";
            event.commit();
        }
    }

    @Test
    void refusedVirtualThreadsAreCountedAndReportedAtTheSubmittingSite() throws Exception {
        Path jfr = dir.resolve("refused.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(RefusedVirtualThread.class).withStackTrace();
            recording.start();
            Dispatcher dispatcher = new Dispatcher();
            for (long id = 1000; id < 1003; id++) {
                dispatcher.dispatch(id);
            }
            recording.stop();
            recording.dump(jfr);
        }

        // Threadwatch's own packages are infrastructure by default (its frames are never a site);
        // this test's Dispatcher lives in one, so the catalog's infrastructure list is emptied here.
        Catalog builtIn = CatalogLoader.builtIn();
        Report report = Analyzer.analyze(List.of(jfr), AnalysisOptions.defaults().withWindow(Duration.ofSeconds(5))
                .withCatalog(new Catalog(List.of(), builtIn.idleWaits(), builtIn.serviceThreads())));

        ReportAssertions.validJson(report);
        assertThat(report.slis()).filteredOn(p -> p.name().equals("vthreads.submit.failed"))
                .singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(3.0));
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo("vthread-submit-failed");
            assertThat(finding.severity()).isEqualTo("critical");
            assertThat(finding.site().frame()).startsWith(Dispatcher.class.getName() + ".dispatch(");
            assertThat(finding.evidence()).singleElement().satisfies(evidence -> {
                assertThat(evidence.role()).isEqualTo("submit-failures");
                assertThat(evidence.count()).isEqualTo(3);
                assertThat(evidence.detail()).contains("RejectedExecutionException: scheduler shut down");
            });
        });
        assertThat(ReportAssertions.kindsAndSites(report)).extracting(s -> s.split(" ")[0])
                .containsExactly("vthread-submit-failed");
    }
}
