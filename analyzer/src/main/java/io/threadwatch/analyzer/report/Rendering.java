package io.threadwatch.analyzer.report;

import io.threadwatch.analyzer.result.SliSample;
import io.threadwatch.analyzer.result.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders what the engine found ({@code io.threadwatch.analyzer.result}) as report v1 writes it:
 * instants as ISO-8601 text with milliseconds, values rounded to 6 significant digits, the
 * severity, kind and confidence as their ids. Offline reports and the live agent's lines and
 * files go through here, so both read the same.
 */
public final class Rendering {

    private Rendering() {
    }

    /** The finding as report v1 writes it. */
    public static Finding finding(io.threadwatch.analyzer.result.Finding found) {
        io.threadwatch.analyzer.result.Finding.FiredSli sli = found.sli();
        io.threadwatch.analyzer.result.Finding.Site site = found.site();
        return new Finding(found.id(), found.rule(), found.kind().id(), found.severity().id(), found.confidence().id(),
                Values.instant(found.first()), Values.instant(found.last()), found.episodes(), found.message(),
                new Finding.FiredSli(sli.name(), sli.labels(), Values.round(sli.value()), sli.threshold(), sli.unit()),
                site == null ? null : new Finding.Site(site.frame(), site.fingerprint()), found.evidence(),
                found.pattern(), found.fix());
    }

    /** Each finding, in the order given. */
    public static List<Finding> findings(List<io.threadwatch.analyzer.result.Finding> found) {
        List<Finding> rendered = new ArrayList<>(found.size());
        for (io.threadwatch.analyzer.result.Finding finding : found) {
            rendered.add(finding(finding));
        }
        return rendered;
    }

    /** Each sample, in the order given. */
    public static List<SliPoint> slis(List<SliSample> samples) {
        List<SliPoint> points = new ArrayList<>(samples.size());
        // The samples of one window share their time: format it once per window, not per sample.
        SliSample previous = null;
        String time = null;
        for (SliSample sample : samples) {
            if (previous == null || !previous.time().equals(sample.time())) {
                time = Values.instant(sample.time());
            }
            points.add(new SliPoint(time, sample.name(), sample.labels(), Values.round(sample.value())));
            previous = sample;
        }
        return points;
    }
}
