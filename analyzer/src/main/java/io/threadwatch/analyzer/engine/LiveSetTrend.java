package io.threadwatch.analyzer.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The trend of the heap's live set: a least-squares line (Apache Commons Math) through the live-set
 * points of a sliding span, kept beside {@link Trend} because the heap's points are not alike.
 * A point is the lowest heap after GC of a window: measured when the window had a collection of
 * the old generation (full, mixed, old), estimated from young collections otherwise, an upper bound
 * of the live set that promoted garbage also raises. Once the span holds measured points, only
 * they count.
 *
 * <p>It never extrapolates from a glimpse: no line until the points cover {@link #MIN_OBSERVATION}
 * and there are {@link #MIN_MEASURED} measured points or {@link #MIN_ESTIMATED} estimated ones.
 */
final class LiveSetTrend {

    /**
     * Growth seen over less time than this says nothing about a leak (one burst, one GC cycle): a
     * "1.05 TiB/hour" came from one second of growth. Not longer: live windows of 2 s span 16 s.
     */
    static final Duration MIN_OBSERVATION = Duration.ofSeconds(10);
    /** Points measured after old-generation collections needed for a line. */
    static final int MIN_MEASURED = 3;
    /** Window minima after young collections needed for a line, when nothing was measured. */
    static final int MIN_ESTIMATED = 6;

    /** How the live set was known. */
    enum Basis {
        /** From a window with a full, mixed or old collection. */
        MEASURED,
        /** The lowest heap used after young collections, per window: no old collection yet. */
        ESTIMATED
    }

    /** One live-set point. */
    record Point(Instant time, long bytes, Basis basis) {
    }

    /**
     * The live set's trend over the span.
     *
     * @param perHour         the slope, bytes per hour
     * @param pValue          the probability of a slope this steep if the live set did not change
     * @param recentGrowth    the latest point minus the point at the middle of the span, bytes
     * @param first           the first point of the span
     * @param latest          the latest point
     * @param points          how many points the line went through
     * @param observedSeconds the time between the first and the latest point
     * @param basis           what the points are
     */
    record Line(double perHour, double pValue, double recentGrowth, Point first, Point latest, int points,
                double observedSeconds, Basis basis) {

        /** The fitted growth over the observed time: no extrapolation beyond it. */
        double observedGrowthBytes() {
            return perHour / 3600 * observedSeconds;
        }
    }

    private final Duration span;
    private final Deque<Point> points = new ArrayDeque<>();

    LiveSetTrend(Duration span) {
        this.span = span;
    }

    /** Adds a point, in time order, and drops the points older than the span. */
    void add(Point point) {
        points.addLast(point);
        Instant oldest = point.time().minus(span);
        while (!points.peekFirst().time().isAfter(oldest)) {
            points.removeFirst();
        }
    }

    /** The latest point, or {@code null}. */
    Point latest() {
        return points.peekLast();
    }

    /** The trend, or {@code null} while the span holds too few points or too short an observation. */
    Line line() {
        List<Point> used = new ArrayList<>();
        for (Point point : points) {
            if (point.basis() == Basis.MEASURED) {
                used.add(point);
            }
        }
        Basis basis = Basis.MEASURED;
        if (used.isEmpty()) {
            used.addAll(points);
            basis = Basis.ESTIMATED;
        }
        int needed = basis == Basis.MEASURED ? MIN_MEASURED : MIN_ESTIMATED;
        if (used.size() < needed) {
            return null;
        }
        Point first = used.get(0);
        Point latest = used.get(used.size() - 1);
        double observed = seconds(first.time(), latest.time());
        if (observed < MIN_OBSERVATION.toSeconds()) {
            return null;
        }
        SimpleRegression regression = new SimpleRegression();
        for (Point point : used) {
            regression.addData(seconds(first.time(), point.time()), point.bytes());
        }
        double slope = regression.getSlope();
        double p = regression.getSignificance();
        // A flat series has no error and no slope: the test is undefined, and there is no trend.
        if (Double.isNaN(p) || Double.isNaN(slope)) {
            p = 1.0;
            slope = Double.isNaN(slope) ? 0 : slope;
        }
        double growth = latest.bytes() - used.get(used.size() / 2).bytes();
        return new Line(slope * 3600, p, growth, first, latest, used.size(), observed, basis);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
