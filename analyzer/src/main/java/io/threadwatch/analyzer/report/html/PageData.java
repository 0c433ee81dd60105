package io.threadwatch.analyzer.report.html;

import io.threadwatch.analyzer.engine.FrameClassifier;
import io.threadwatch.analyzer.engine.NameFamily;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.report.Finding;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.analyzer.result.Evidence;
import io.threadwatch.analyzer.sli.Sli;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the page shows beyond the report itself, decided here by the engine's own rules so that
 * the page's script never guesses: which evidence lines are application frames (the
 * {@link FrameClassifier} of the analysis's catalog, as for sites), how thread names group into
 * families ({@link NameFamily}, as for pools), and each SLI's unit and meaning.
 *
 * @param slis     every SLI by name: its unit and meaning
 * @param findings per finding of the report, in its order: the evidence as the page shows it
 */
record PageData(Map<String, SliInfo> slis, List<FindingView> findings) {

    /** A stack line as {@code jstack} prints it: {@code at class.method(...)}. */
    private static final Pattern FRAME_LINE = Pattern.compile("^\\s*at (.+)\\.([^.(]+)\\(.*\\)$");

    /**
     * @param unit    the SLI's unit, e.g. {@code threads/hour}
     * @param meaning one line on what it measures
     */
    record SliInfo(String unit, String meaning) {
    }

    /** @param evidence per evidence of the finding, in its order */
    record FindingView(List<EvidenceView> evidence) {
    }

    /**
     * @param application per stack line: whether it is an application frame
     * @param families    the evidence's thread names grouped by family, largest family first
     */
    record EvidenceView(List<Boolean> application, List<Family> families) {
    }

    /**
     * @param family the name with its numbers replaced by {@code #}, e.g. {@code pool-#-thread-#}
     * @param names  the names of that family, as the evidence lists them
     */
    record Family(String family, List<String> names) {
    }

    static PageData of(Report report, FrameClassifier classifier) {
        Map<String, SliInfo> slis = new TreeMap<>();
        for (Sli sli : Sli.values()) {
            slis.put(sli.id(), new SliInfo(sli.unit(), sli.meaning()));
        }
        List<FindingView> findings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            List<EvidenceView> evidence = new ArrayList<>();
            for (Evidence piece : finding.evidence()) {
                evidence.add(new EvidenceView(application(piece.frames(), classifier), families(piece.threads())));
            }
            findings.add(new FindingView(evidence));
        }
        return new PageData(slis, findings);
    }

    private static List<Boolean> application(List<String> lines, FrameClassifier classifier) {
        List<Boolean> application = new ArrayList<>(lines.size());
        for (String line : lines) {
            Matcher frame = FRAME_LINE.matcher(line);
            // Lock lines ("- locked <0x...>") and "..." are not frames.
            application.add(frame.matches() && classifier.isApplication(new Frame(frame.group(1), frame.group(2), -1)));
        }
        return application;
    }

    private static List<Family> families(List<String> names) {
        Map<String, List<String>> byFamily = new LinkedHashMap<>();
        for (String name : names) {
            byFamily.computeIfAbsent(NameFamily.of(name), family -> new ArrayList<>()).add(name);
        }
        List<Family> families = new ArrayList<>();
        byFamily.forEach((family, members) -> families.add(new Family(family, members)));
        families.sort((a, b) -> Integer.compare(b.names().size(), a.names().size()));
        return families;
    }
}
