package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.result.Limitation;
import io.threadwatch.analyzer.result.Values;
import io.threadwatch.rules.FindingKind;
import io.threadwatch.rules.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stretches of event time the clock skipped because nothing was recorded there, and the
 * limitation that says so: no window was analyzed in them, so the report cannot speak for them.
 */
final class RecordingGaps {

    /** Stretches named one by one in the limitation; more are counted. */
    private static final int NAMED = 5;

    private final List<Window> gaps = new ArrayList<>();

    void skipped(Window gap) {
        gaps.add(gap);
    }

    /** How much time the skipped stretches add up to. */
    Duration skipped() {
        Duration total = Duration.ZERO;
        for (Window gap : gaps) {
            total = total.plus(gap.length());
        }
        return total;
    }

    /** When recording last resumed after a gap, or {@code origin} when nothing was skipped. */
    java.time.Instant resumed(java.time.Instant origin) {
        return gaps.isEmpty() ? origin : gaps.get(gaps.size() - 1).end();
    }

    /** The limitation {@code recording-gap}, or none when nothing was skipped. */
    List<Limitation> limitations() {
        if (gaps.isEmpty()) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (Window gap : gaps.subList(0, Math.min(NAMED, gaps.size()))) {
            named.add("from " + Values.instant(gap.start()) + " to " + Values.instant(gap.end()) + " ("
                    + forPeople(gap.length()) + ")");
        }
        String more = gaps.size() > NAMED ? " and " + (gaps.size() - NAMED) + " more" : "";
        String stretches = gaps.size() == 1 ? "" : " in " + gaps.size() + " stretches";
        List<String> kinds = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            kinds.add(kind.id());
        }
        return List.of(new Limitation("recording-gap", "nothing was recorded" + stretches + " " + String.join(", ", named)
                + more + ": the recording's chunks do not cover it (recordings of different times in one "
                + "file, or a chunk with a wrong clock), so no window there was analyzed, and waits, dumps and "
                + "streaks of windows before it are not carried past it", kinds));
    }

    /** A duration in the largest units that say it: {@code 669 days 4 hours}, {@code 3 min 20 s}. */
    static String forPeople(Duration duration) {
        long days = duration.toDays();
        int hours = duration.toHoursPart();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        if (days > 0) {
            return days + (days == 1 ? " day" : " days") + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min" + (seconds > 0 ? " " + seconds + " s" : "");
        }
        return Values.forPeople(duration.toNanos() / 1e9) + " s";
    }
}
