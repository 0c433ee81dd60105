package io.threadwatch.analyzer.fleet;

import io.threadwatch.analyzer.report.Json;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Writes a {@link FleetReport}: fleet v1 JSON for tools, or a summary and a by-site view for people. */
public final class FleetWriter {

    private FleetWriter() {
    }

    /** Fleet v1 JSON, laid out as report v1 is (two-space indentation, {@code \n}, keys sorted). */
    public static void json(FleetReport fleet, Writer out) throws IOException {
        Json.prettyWriter().writeValue(out, fleet);
        out.write('\n');
    }

    /**
     * One line per recording (its worst finding and site, how long it covers, the JVM; or why it
     * could not be analyzed), then each kind of finding at each site with the recordings it is in.
     */
    public static void text(FleetReport fleet, Writer out) throws IOException {
        List<RecordingLine> lines = fleet.recordings();
        int width = Math.max("RECORDING".length(), lines.stream().mapToInt(line -> line.file().length()).max().orElse(0));
        long failed = lines.stream().filter(line -> !line.error().isEmpty()).count();
        long healthy = lines.stream().filter(line -> line.error().isEmpty() && line.worst() == null).count();
        out.write(lines.size() + (lines.size() == 1 ? " recording: " : " recordings: ")
                + (lines.size() - failed - healthy) + " with findings, " + healthy + " without, " + failed
                + " not analyzed\n\n");
        int jvmWidth = Math.max("JVM".length(), lines.stream().filter(line -> line.jvm() != null)
                .mapToInt(line -> version(line).length()).max().orElse(0));
        String format = "%-" + width + "s  %-32s  %9s  %-" + jvmWidth + "s  %s%n";
        out.write(String.format(Locale.ROOT, format, "RECORDING", "WORST FINDING", "DURATION", "JVM", "SITE"));
        for (RecordingLine line : lines) {
            if (!line.error().isEmpty()) {
                out.write(String.format(Locale.ROOT, "%-" + width + "s  not analyzed: %s%n", line.file(), line.error()));
                continue;
            }
            String worst = line.worst() == null ? "-"
                    : line.worst().severity().toUpperCase(Locale.ROOT) + " " + line.worst().kind();
            String site = line.worst() == null || line.worst().site() == null ? "-" : line.worst().site();
            out.write(String.format(Locale.ROOT, format, line.file(), worst, forPeople(Duration.parse(line.duration())),
                    version(line), site));
        }
        out.write("\nBY SITE\n");
        if (fleet.sites().isEmpty()) {
            out.write("no finding with a site in any recording\n");
        }
        for (SiteGroup group : fleet.sites()) {
            out.write(group.severity().toUpperCase(Locale.ROOT) + " " + group.kind() + " at " + group.site() + "\n");
            out.write("  in " + group.recordings() + " of " + lines.size() + " recordings: "
                    + String.join(", ", group.files()) + "\n");
        }
    }

    private static String version(RecordingLine line) {
        return line.jvm().version().isEmpty() ? "?" : line.jvm().version();
    }

    /** {@code 40.2 s}, {@code 12.5 min}, {@code 3.1 h}. */
    private static String forPeople(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
