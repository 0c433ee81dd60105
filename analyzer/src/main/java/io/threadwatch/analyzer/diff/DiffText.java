package io.threadwatch.analyzer.diff;

import java.util.List;
import java.util.Locale;

/** The text form of a diff: the findings that changed, then the families that changed, each with its stacks and sites. */
final class DiffText {

    private DiffText() {
    }

    static String render(DiffReport diff) {
        StringBuilder out = new StringBuilder();
        out.append("before: ").append(side(diff.before())).append('\n');
        out.append("after:  ").append(side(diff.after())).append('\n');
        if (!diff.findings().isEmpty() || diff.before().kind().equals("recording") && diff.after().kind().equals("recording")) {
            var counts = diff.summary().findings();
            out.append("\nfindings: ").append(counts.get("new")).append(" new, ").append(counts.get("gone"))
                    .append(" gone, ").append(counts.get("unchanged")).append(" unchanged\n");
            for (DiffReport.FindingChange finding : diff.findings()) {
                String severity = finding.severityBefore() == null || finding.severityAfter() == null
                        || finding.severityBefore().equals(finding.severityAfter())
                        ? finding.severity() : finding.severityBefore() + " -> " + finding.severityAfter();
                out.append(String.format(Locale.ROOT, "  %-9s %-8s %-15s %s%n", finding.status(), severity, finding.kind(),
                        finding.where()));
                if (finding.fix() != null) {
                    out.append(String.format(Locale.ROOT, "  %-9s %-8s %-15s pattern %s: %s%n", "", "", "",
                            finding.pattern(), finding.fix()));
                }
            }
        }
        long unchanged = diff.families().stream().filter(f -> f.change() == Change.UNCHANGED).count();
        out.append("\nthreads by name family (before -> after): ")
                .append(diff.families().size() - unchanged).append(" changed, ").append(unchanged).append(" unchanged\n");
        for (DiffReport.Family family : diff.families()) {
            if (family.change() == Change.UNCHANGED) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %-9s %5d -> %-5d %s%n", family.change().id(), family.before(),
                    family.after(), family.family()));
            groups(out, "site ", family.sites());
            groups(out, "stack", family.stacks());
        }
        List<DiffReport.SliChange> changed = diff.slis().stream().filter(DiffText::changed).toList();
        if (!diff.slis().isEmpty()) {
            out.append("\nSLIs per site, last (max) before -> after: ").append(changed.size()).append(" of ")
                    .append(diff.slis().size()).append(" changed\n");
            for (DiffReport.SliChange sli : changed) {
                out.append("  ").append(sli.key()).append("  ").append(values(sli.before())).append(" -> ")
                        .append(values(sli.after())).append('\n');
            }
        }
        for (String note : diff.notes()) {
            out.append("\nnote: ").append(note);
        }
        if (!diff.notes().isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    private static void groups(StringBuilder out, String what, List<DiffReport.Group> groups) {
        for (DiffReport.Group group : groups) {
            if (group.change() != Change.UNCHANGED) {
                out.append(String.format(Locale.ROOT, "      %s %-9s %5d -> %-5d %s%n", what, group.change().id(),
                        group.before(), group.after(), group.label()));
            }
        }
    }

    private static String side(DiffReport.Side side) {
        String text = side.name() + " (" + side.kind() + ", " + side.threads() + " live threads";
        if (side.end() != null) {
            text += " at " + side.end();
        }
        return text + ")";
    }

    static boolean changed(DiffReport.SliChange sli) {
        return sli.before() == null || sli.after() == null || sli.before().last() != sli.after().last()
                || sli.before().max() != sli.after().max();
    }

    private static String values(DiffReport.Values values) {
        if (values == null) {
            return "-";
        }
        return number(values.last()) + " (" + number(values.max()) + ")";
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15 || Math.abs(value) >= 1000) {
            return Long.toString(Math.round(value));
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
