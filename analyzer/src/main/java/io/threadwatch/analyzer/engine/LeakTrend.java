package io.threadwatch.analyzer.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The trend of live threads per creation site: an ordinary least-squares line through the live
 * count at the end of each of the last {@code span} windows (Apache Commons Math).
 *
 * <p>A leak is a count that keeps rising: a steep, significant slope over the span, and growth in
 * its second half too. Warm-up (a pool filling up, then flat) has a slope while it fills, but its
 * recent growth drops to zero once it is full; a cached pool's ups and downs give no significant
 * slope.
 */
final class LeakTrend {

    /** Fewer points than this give no trend. */
    static final int MIN_POINTS = 4;

    /**
     * A site's trend.
     *
     * @param threadsPerHour the slope
     * @param pValue         the probability of a slope this steep if the count did not really change
     * @param recentGrowth   live threads now minus at the middle of the span
     * @param live           live threads now
     */
    record Trend(double threadsPerHour, double pValue, long recentGrowth, long live) {
    }

    private record Point(double seconds, long live) {
    }

    private final Instant origin;
    private final int span;
    private final Map<Site, Deque<Point>> points = new HashMap<>();

    LeakTrend(Instant origin, int span) {
        if (span < MIN_POINTS) {
            throw new IllegalArgumentException("a leak span of " + span + " windows is shorter than " + MIN_POINTS);
        }
        this.origin = origin;
        this.span = span;
    }

    /** Adds the live count of a site at the end of a window. */
    void add(Site site, Instant windowEnd, long live) {
        Deque<Point> series = points.computeIfAbsent(site, s -> new ArrayDeque<>(span));
        if (series.size() == span) {
            series.removeFirst();
        }
        series.addLast(new Point(Duration.between(origin, windowEnd).toNanos() / 1e9, live));
    }

    /** Whether the site has points in the span. */
    boolean tracks(Site site) {
        return points.containsKey(site);
    }

    /** Drops sites whose span holds no live thread at all, so that memory follows live sites. */
    void forgetIdle() {
        points.values().removeIf(series -> series.stream().allMatch(p -> p.live == 0));
    }

    /** The site's trend, or {@code null} with fewer than {@link #MIN_POINTS} points. */
    Trend trend(Site site) {
        Deque<Point> series = points.get(site);
        if (series == null || series.size() < MIN_POINTS) {
            return null;
        }
        SimpleRegression regression = new SimpleRegression();
        int middle = series.size() / 2;
        long atMiddle = 0;
        int index = 0;
        Point last = null;
        for (Iterator<Point> it = series.iterator(); it.hasNext(); index++) {
            Point point = it.next();
            regression.addData(point.seconds, point.live);
            if (index == middle) {
                atMiddle = point.live;
            }
            last = point;
        }
        double slope = regression.getSlope();
        double p = regression.getSignificance();
        // A flat series has no error and no slope: the test is undefined, and there is no trend.
        if (Double.isNaN(p) || Double.isNaN(slope)) {
            p = 1.0;
            slope = Double.isNaN(slope) ? 0 : slope;
        }
        return new Trend(slope * 3600, p, last.live - atMiddle, last.live);
    }
}
