package io.threadwatch.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.result.Confidence;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.result.SliSample;
import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the engine found, as report v1 writes it. */
class RenderingTest {

    private static final Instant WHOLE_SECOND = Instant.parse("2026-11-29T19:43:58Z");

    @Test
    void aFindingReadsAsTheReportWritesIt() {
        Evidence created = new Evidence("creation-site", 3, List.of("pool-1-thread-1"),
                List.of("at com.acme.ConfigReloader.reload(ConfigReloader.java:38)"), "created 3 thread(s)");
        io.threadwatch.analyzer.result.Finding found = new io.threadwatch.analyzer.result.Finding(
                "thread-leak:0123456789abcdef", "thread-leak-fast", FindingKind.THREAD_LEAK, Severity.CRITICAL,
                Confidence.ESTIMATED, WHOLE_SECOND, WHOLE_SECOND.plusNanos(1_259_999_999L), 2, "leaks",
                new io.threadwatch.analyzer.result.Finding.FiredSli("threads.site.growth_rate",
                        new TreeMap<>(Map.of("site", "com.acme.ConfigReloader.reload(ConfigReloader.java:38)")),
                        1234.56789012, 60, "threads/hour"),
                new io.threadwatch.analyzer.result.Finding.Site(
                        "com.acme.ConfigReloader.reload(ConfigReloader.java:38)", "0123456789abcdef"),
                List.of(created)).classified("executor-per-call-never-shutdown", "shut it down");

        Finding rendered = Rendering.finding(found);

        assertThat(rendered.kind()).isEqualTo("thread-leak");
        assertThat(rendered.severity()).isEqualTo("critical");
        assertThat(rendered.confidence()).isEqualTo("estimated");
        assertThat(rendered.first()).as("a whole second keeps its three digits").isEqualTo("2026-11-29T19:43:58.000Z");
        assertThat(rendered.last()).as("cut, not rounded, to the millisecond").isEqualTo("2026-11-29T19:43:59.259Z");
        assertThat(rendered.sli().value()).as("6 significant digits").isEqualTo(1234.57);
        assertThat(rendered.sli().threshold()).isEqualTo(60);
        assertThat(rendered.site().frame()).isEqualTo("com.acme.ConfigReloader.reload(ConfigReloader.java:38)");
        assertThat(rendered.evidence()).containsExactly(created);
        assertThat(rendered.pattern()).isEqualTo("executor-per-call-never-shutdown");
        assertThat(rendered.fix()).isEqualTo("shut it down");
        assertThat(rendered.episodes()).isEqualTo(2);
    }

    @Test
    void aFindingWithoutAPlaceHasNoSite() {
        io.threadwatch.analyzer.result.Finding found = new io.threadwatch.analyzer.result.Finding(
                "heap-growth:heap-growth", "heap-growth", FindingKind.HEAP_GROWTH, Severity.WARNING,
                Confidence.SUSPECTED, WHOLE_SECOND, WHOLE_SECOND, 1, "grows",
                new io.threadwatch.analyzer.result.Finding.FiredSli("heap.after_gc.growth_rate", new TreeMap<>(), 0.0,
                        0.0, "bytes/hour"),
                null, List.of());

        Finding rendered = Rendering.finding(found);

        assertThat(rendered.site()).isNull();
        assertThat(rendered.pattern()).as("not classified yet").isNull();
        assertThat(rendered.severity()).isEqualTo("warning");
    }

    @Test
    void samplesKeepTheirOrderEachWithItsWindowsTime() {
        Instant later = WHOLE_SECOND.plusMillis(4_000);
        List<SliPoint> points = Rendering.slis(List.of(
                new SliSample(WHOLE_SECOND, "threads.live", new TreeMap<>(), 12),
                new SliSample(WHOLE_SECOND, "threads.stuck", new TreeMap<>(), 0),
                new SliSample(later, "threads.live", new TreeMap<>(), 1.0 / 3)));

        assertThat(points).extracting(SliPoint::time).containsExactly("2026-11-29T19:43:58.000Z",
                "2026-11-29T19:43:58.000Z", "2026-11-29T19:44:02.000Z");
        assertThat(points).extracting(SliPoint::name).containsExactly("threads.live", "threads.stuck", "threads.live");
        assertThat(points.get(2).value()).isEqualTo(0.333333);
    }
}
