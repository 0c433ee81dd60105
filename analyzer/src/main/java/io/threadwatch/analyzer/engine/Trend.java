package io.threadwatch.analyzer.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Growth per key over a sliding span of event time: an ordinary least-squares line through the
 * points of the span (Apache Commons Math). Used for live threads per creation site (one point
 * per window), live virtual threads per site, and heap used after each GC.
 *
 * <p>A leak is a value that keeps rising: a steep, significant slope over the span, and growth in
 * its second half too. Warm-up (a pool filling up, then flat; start-up promotion into the old
 * generation) has a slope while it fills, but its recent growth drops to zero once it is full; a
 * cached pool's ups and downs give no significant slope.
 *
 * @param <K> what the points are kept per
 */
final class Trend<K> {

    /**
     * A key's trend.
     *
     * @param perHour      the slope, per hour
     * @param pValue       the probability of a slope this steep if the value did not really change
     * @param recentGrowth the latest value minus the value at the middle of the span
     * @param latest       the latest value
     * @param points       how many points the span holds
     */
    record Line(double perHour, double pValue, double recentGrowth, double latest, int points) {
    }

    private record Point(double seconds, double value) {
    }

    private final Instant origin;
    private final Duration span;
    private final int minPoints;
    private final Map<K, Deque<Point>> points = new LinkedHashMap<>();

    /**
     * @param origin    the time the seconds of the regression count from
     * @param span      how far back points count
     * @param minPoints fewer points give no trend
     */
    Trend(Instant origin, Duration span, int minPoints) {
        if (minPoints < 3) {
            throw new IllegalArgumentException("a trend needs at least 3 points, not " + minPoints);
        }
        this.origin = origin;
        this.span = span;
        this.minPoints = minPoints;
    }

    /** Adds a point, in time order, and drops the key's points older than the span. */
    void add(K key, Instant time, double value) {
        Deque<Point> series = points.computeIfAbsent(key, k -> new ArrayDeque<>());
        double seconds = seconds(time);
        series.addLast(new Point(seconds, value));
        double oldest = seconds - span.toNanos() / 1e9;
        while (series.peekFirst().seconds() <= oldest) {
            series.removeFirst();
        }
    }

    /** Whether the key has points in the span. */
    boolean tracks(K key) {
        return points.containsKey(key);
    }

    /** Drops keys whose span holds only zeros, so that memory follows what is alive. */
    void forgetIdle() {
        points.values().removeIf(series -> series.stream().allMatch(p -> p.value() == 0));
    }

    /** The key's trend, or {@code null} with fewer than the minimum points. */
    Line line(K key) {
        Deque<Point> series = points.get(key);
        if (series == null || series.size() < minPoints) {
            return null;
        }
        SimpleRegression regression = new SimpleRegression();
        int middle = series.size() / 2;
        double atMiddle = 0;
        int index = 0;
        Point last = null;
        for (Iterator<Point> it = series.iterator(); it.hasNext(); index++) {
            Point point = it.next();
            regression.addData(point.seconds(), point.value());
            if (index == middle) {
                atMiddle = point.value();
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
        return new Line(slope * 3600, p, last.value() - atMiddle, last.value(), series.size());
    }

    private double seconds(Instant time) {
        return Duration.between(origin, time).toNanos() / 1e9;
    }
}
