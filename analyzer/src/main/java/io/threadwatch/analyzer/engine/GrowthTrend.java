package io.threadwatch.analyzer.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Growth of a count per key (live threads per creation site, live virtual threads per site), one
 * point per window, judged over several horizons at once: ordinary least-squares lines (Apache
 * Commons Math) through
 *
 * <ul>
 *   <li>{@link Horizon#RECENT}: the latest windows, which see a fast leak within minutes;</li>
 *   <li>{@link Horizon#HOUR}: the last hour, once the key has been watched that long: a slow leak
 *       (15 threads an hour) that started late in a long watch;</li>
 *   <li>{@link Horizon#ALL}: everything observed for the key (offline, the whole recording), once
 *       that is long enough to say more than the recent windows: a slow leak in a recording of
 *       twenty minutes or more.</li>
 * </ul>
 *
 * Each line carries its growth over the second half of its horizon: warm-up, a pool that fills up
 * and a traffic ramp have a slope while they grow but stop growing, which a leak never does.
 *
 * <p>Memory per key is bounded whatever the length of the observation: the whole observation's
 * regression is kept as its sums (exact), the last hour at window resolution, and older points
 * are rolled up (adjacent points merged) once {@link #ROLLED_CAPACITY} is reached.
 *
 * @param <K> what the counts are kept per
 */
final class GrowthTrend<K> {

    /** A horizon a line is drawn over; its {@link #label()} is the {@code horizon} label of the SLIs. */
    enum Horizon {
        RECENT, HOUR, ALL;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A key's line over one horizon.
     *
     * @param horizon      the horizon
     * @param perHour      the slope, per hour
     * @param pValue       the probability of a slope this steep if the value did not really change
     * @param recentGrowth the latest value minus the value at the middle of the horizon
     * @param latest       the latest value
     * @param points       how many points the line went through
     * @param span         from the horizon's first point to its last
     */
    record Line(Horizon horizon, double perHour, double pValue, double recentGrowth, double latest, int points,
                Duration span) {
    }

    /** The whole observation is judged only once it is at least this long: shorter, it says no more than the recent windows. */
    static final Duration MIN_ALL_SPAN = Duration.ofMinutes(10);
    /** The long horizon. */
    static final Duration HOUR = Duration.ofHours(1);
    /** Points kept at window resolution, at most (the last hour, or fewer with very short windows). */
    static final int RAW_CAPACITY = 4_096;
    /** Rolled-up points kept for the whole observation's middle value. */
    static final int ROLLED_CAPACITY = 256;

    private record Point(double seconds, double value) {
    }

    /** One key's points. */
    private static final class Series {
        final SimpleRegression all = new SimpleRegression();
        final Deque<Point> raw = new ArrayDeque<>();
        final List<Point> rolled = new ArrayList<>();
        double firstSeconds = Double.NaN;
        /** Seconds per rolled-up point; starts below any window, so the first points are all kept. */
        double resolution = 1e-3;
    }

    private final Instant origin;
    private final Duration window;
    private final int recentWindows;
    private final int minPoints;
    private final int rawCapacity;
    private final Map<K, Series> series = new LinkedHashMap<>();

    /**
     * @param origin        the time the seconds of the regressions count from
     * @param window        the window length: one point per window
     * @param recentWindows how many of the latest windows the recent horizon spans
     * @param minPoints     fewer points give no line
     */
    GrowthTrend(Instant origin, Duration window, int recentWindows, int minPoints) {
        if (minPoints < 3) {
            throw new IllegalArgumentException("a trend needs at least 3 points, not " + minPoints);
        }
        this.origin = origin;
        this.window = window;
        this.recentWindows = recentWindows;
        this.minPoints = minPoints;
        long hourPoints = HOUR.toNanos() / Math.max(1, window.toNanos()) + 1;
        this.rawCapacity = (int) Math.max(recentWindows, Math.min(RAW_CAPACITY, hourPoints));
    }

    /** Adds a point, in time order. */
    void add(K key, Instant time, double value) {
        Series s = series.computeIfAbsent(key, k -> new Series());
        double seconds = Duration.between(origin, time).toNanos() / 1e9;
        Point point = new Point(seconds, value);
        if (Double.isNaN(s.firstSeconds)) {
            s.firstSeconds = seconds;
        }
        s.all.addData(seconds, value);
        s.raw.addLast(point);
        if (s.raw.size() > rawCapacity) {
            s.raw.removeFirst();
        }
        rollUp(s, point);
    }

    /** Whether the key has points. */
    boolean tracks(K key) {
        return series.containsKey(key);
    }

    /** Drops keys whose recent windows hold only zeros, so that memory follows what is alive. */
    void forgetIdle() {
        series.values().removeIf(s -> {
            int checked = 0;
            for (Iterator<Point> it = s.raw.descendingIterator(); it.hasNext() && checked < recentWindows; checked++) {
                if (it.next().value() != 0) {
                    return false;
                }
            }
            return checked >= Math.min(recentWindows, s.raw.size());
        });
    }

    /**
     * The key's lines over the horizons it can be judged on now, shortest first.
     *
     * @param longOnly judge only over an hour or more: the key's threads are one pool's, which may
     *                 fill up over minutes and is a leak only if it keeps growing for an hour
     */
    List<Line> lines(K key, boolean longOnly) {
        Series s = series.get(key);
        if (s == null || s.raw.isEmpty()) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>(3);
        Point latest = s.raw.peekLast();
        double observed = latest.seconds() - s.firstSeconds;
        double recentSpan = window.toNanos() / 1e9 * recentWindows;
        if (!longOnly) {
            Line recent = overLast(s, Horizon.RECENT, recentWindows);
            if (recent != null) {
                lines.add(recent);
            }
        }
        double hour = HOUR.toSeconds();
        if (observed >= hour - window.toNanos() / 1e9) {
            Line last = overSeconds(s, Horizon.HOUR, hour);
            if (last != null) {
                lines.add(last);
            }
        }
        double minAll = longOnly ? hour : Math.max(MIN_ALL_SPAN.toSeconds(), recentSpan);
        if (observed >= minAll && s.all.getN() >= minPoints) {
            lines.add(line(Horizon.ALL, s.all, latest.value() - valueAt(s.rolled, s.firstSeconds + observed / 2),
                    latest.value(), (int) s.all.getN(), observed));
        }
        return lines;
    }

    private Line overLast(Series s, Horizon horizon, int count) {
        if (s.raw.size() < minPoints) {
            return null;
        }
        List<Point> points = new ArrayList<>(count);
        for (Iterator<Point> it = s.raw.descendingIterator(); it.hasNext() && points.size() < count; ) {
            points.add(0, it.next());
        }
        return fit(horizon, points);
    }

    private Line overSeconds(Series s, Horizon horizon, double seconds) {
        double from = s.raw.peekLast().seconds() - seconds;
        List<Point> points = new ArrayList<>();
        for (Point point : s.raw) {
            if (point.seconds() >= from) {
                points.add(point);
            }
        }
        return points.size() < minPoints ? null : fit(horizon, points);
    }

    private static Line fit(Horizon horizon, List<Point> points) {
        SimpleRegression regression = new SimpleRegression();
        for (Point point : points) {
            regression.addData(point.seconds(), point.value());
        }
        Point last = points.get(points.size() - 1);
        double atMiddle = points.get(points.size() / 2).value();
        double span = last.seconds() - points.get(0).seconds();
        return line(horizon, regression, last.value() - atMiddle, last.value(), points.size(), span);
    }

    private static Line line(Horizon horizon, SimpleRegression regression, double growth, double latest, int points,
                             double spanSeconds) {
        double slope = regression.getSlope();
        double p = regression.getSignificance();
        // A flat series has no error and no slope: the test is undefined, and there is no trend.
        if (Double.isNaN(p) || Double.isNaN(slope)) {
            p = 1.0;
            slope = Double.isNaN(slope) ? 0 : slope;
        }
        return new Line(horizon, slope * 3600, p, growth, latest, points, Duration.ofMillis(Math.round(spanSeconds * 1000)));
    }

    /** The value of the last point at or before {@code seconds}, or the first point's. */
    private static double valueAt(List<Point> points, double seconds) {
        double value = points.get(0).value();
        for (Point point : points) {
            if (point.seconds() > seconds) {
                break;
            }
            value = point.value();
        }
        return value;
    }

    /**
     * Adds a point to the rolled-up series: one point per bucket of {@code resolution} seconds from
     * the first point (the bucket's latest), the resolution doubling whenever the series is full,
     * so that the whole observation stays covered evenly in bounded memory.
     */
    private static void rollUp(Series s, Point point) {
        List<Point> points = s.rolled;
        if (!points.isEmpty() && bucket(s, points.get(points.size() - 1)) == bucket(s, point)) {
            points.set(points.size() - 1, point);
        } else {
            points.add(point);
        }
        if (points.size() < ROLLED_CAPACITY) {
            return;
        }
        s.resolution *= 2;
        List<Point> merged = new ArrayList<>(points.size() / 2 + 1);
        for (Point kept : points) {
            if (!merged.isEmpty() && bucket(s, merged.get(merged.size() - 1)) == bucket(s, kept)) {
                merged.set(merged.size() - 1, kept);
            } else {
                merged.add(kept);
            }
        }
        points.clear();
        points.addAll(merged);
    }

    private static long bucket(Series s, Point point) {
        return (long) Math.floor((point.seconds() - s.firstSeconds) / s.resolution);
    }
}
