package io.threadwatch.analyzer.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The HTML form of a diff: one self-contained page, no script and nothing from the network, styled
 * with the HTML report's own style sheet so that both read alike. Void elements are closed
 * ({@code <meta/>}), so the page is also well-formed XML that any XML parser can check.
 */
final class DiffHtml {

    /** The HTML report's style sheet, shared rather than copied. */
    private static final String CSS_RESOURCE = "/io/threadwatch/analyzer/report/html/page.css";

    /** What the report's sheet lacks for the diff's tables: long frames wrap instead of widening the page. */
    private static final String DIFF_CSS = "#findings code, #families code { overflow-wrap: anywhere; } "
            + "#findings td, #families td { vertical-align: top; }";

    private DiffHtml() {
    }

    static String render(DiffReport diff) {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n")
                .append("<title>Threadwatch diff: ").append(escape(diff.before().name())).append(" → ")
                .append(escape(diff.after().name())).append("</title>\n<link rel=\"icon\" href=\"data:,\"/>\n<style>")
                .append(css()).append("</style>\n<style>").append(DIFF_CSS).append("</style>\n</head>\n<body>\n<main id=\"page\">\n");
        page.append("<header class=\"head\"><div class=\"brand\">Threadwatch diff</div><h1>")
                .append(escape(diff.before().name())).append(" → ").append(escape(diff.after().name())).append("</h1>")
                .append("<p class=\"meta\">before: ").append(escape(side(diff.before()))).append("<br/>after: ")
                .append(escape(side(diff.after()))).append("</p></header>\n");
        verdict(page, diff);
        findings(page, diff);
        families(page, diff);
        slis(page, diff);
        if (!diff.notes().isEmpty()) {
            page.append("<section class=\"card limitations\"><h2>Not compared</h2><ul>");
            diff.notes().forEach(note -> page.append("<li>").append(escape(note)).append("</li>"));
            page.append("</ul></section>\n");
        }
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void verdict(StringBuilder page, DiffReport diff) {
        var counts = diff.summary().findings();
        boolean worse = counts.get("new") > 0;
        boolean critical = diff.findings().stream().anyMatch(f -> f.status().equals("new") && "critical".equals(f.severity()));
        String level = critical ? "critical" : worse ? "warning" : "healthy";
        var families = diff.summary().families();
        page.append("<section class=\"verdict ").append(level).append("\"><p class=\"verdict-message\">")
                .append(counts.get("new")).append(" new, ").append(counts.get("gone")).append(" gone, ")
                .append(counts.get("unchanged")).append(" unchanged findings; thread families: ")
                .append(families.get("appeared")).append(" appeared, ").append(families.get("grew")).append(" grew, ")
                .append(families.get("shrank")).append(" shrank, ").append(families.get("vanished")).append(" vanished.</p></section>\n");
    }

    private static void findings(StringBuilder page, DiffReport diff) {
        if (diff.findings().isEmpty()) {
            return;
        }
        page.append("<section class=\"card\" id=\"findings\"><h2>Findings</h2><table><thead><tr><th>status</th>")
                .append("<th>severity</th><th>kind</th><th>site and message</th></tr></thead><tbody>\n");
        for (DiffReport.FindingChange finding : diff.findings()) {
            page.append("<tr class=\"").append(finding.status()).append("\"><td>").append(finding.status())
                    .append("</td><td><span class=\"badge ").append(escape(finding.severity())).append("\">")
                    .append(escape(finding.severity())).append("</span></td><td>").append(escape(finding.kind()))
                    .append("</td><td><code>").append(escape(finding.where())).append("</code><div class=\"message\">")
                    .append(escape(finding.message())).append("</div>");
            if (finding.fix() != null) {
                page.append("<div class=\"message\">pattern <code>").append(escape(finding.pattern()))
                        .append("</code>: ").append(escape(finding.fix())).append("</div>");
            }
            page.append("</td></tr>\n");
        }
        page.append("</tbody></table></section>\n");
    }

    private static void families(StringBuilder page, DiffReport diff) {
        page.append("<section class=\"card\" id=\"families\"><h2>Threads by name family</h2>\n");
        page.append("<table class=\"families\"><thead><tr><th>family</th><th>change</th><th>before</th><th>after</th>")
                .append("</tr></thead><tbody>\n");
        for (DiffReport.Family family : diff.families()) {
            page.append("<tr class=\"family ").append(family.change().id()).append("\"><td><code>")
                    .append(escape(family.family())).append("</code></td><td>").append(family.change().id())
                    .append("</td><td class=\"num\">").append(family.before()).append("</td><td class=\"num\">")
                    .append(family.after()).append("</td></tr>\n");
            if (family.change() != Change.UNCHANGED) {
                page.append("<tr><td colspan=\"4\">");
                groups(page, "Creation sites", family.sites());
                groups(page, "Stacks", family.stacks());
                page.append("</td></tr>\n");
            }
        }
        page.append("</tbody></table></section>\n");
    }

    private static void groups(StringBuilder page, String title, List<DiffReport.Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        page.append("<details class=\"evidence\" open=\"open\"><summary>").append(title).append(" (").append(groups.size())
                .append(")</summary><div class=\"evidence-body\"><table><tbody>\n");
        for (DiffReport.Group group : groups) {
            page.append("<tr class=\"group ").append(group.change().id()).append("\"><td>").append(group.change().id())
                    .append("</td><td class=\"num\">").append(group.before()).append(" → ").append(group.after())
                    .append("</td><td><code>").append(escape(group.label())).append("</code>");
            if (!group.frames().isEmpty()) {
                page.append("<ol class=\"stack\">");
                group.frames().forEach(frame -> page.append("<li>").append(escape(frame)).append("</li>"));
                page.append("</ol>");
            }
            page.append("</td></tr>\n");
        }
        page.append("</tbody></table></div></details>\n");
    }

    private static void slis(StringBuilder page, DiffReport diff) {
        if (diff.slis().isEmpty()) {
            return;
        }
        page.append("<section class=\"card\" id=\"slis\"><h2>SLIs per site</h2><p class=\"hint\">Last value (worst value) ")
                .append("of each recording; changed first.</p><table class=\"slis\"><thead><tr><th>SLI</th>")
                .append("<th>before</th><th>after</th></tr></thead><tbody>\n");
        List<DiffReport.SliChange> ordered = new java.util.ArrayList<>(diff.slis().stream().filter(DiffText::changed).toList());
        ordered.addAll(diff.slis().stream().filter(s -> !DiffText.changed(s)).toList());
        for (DiffReport.SliChange sli : ordered) {
            page.append("<tr><td class=\"labels\"><code>").append(escape(sli.key())).append("</code></td><td class=\"num\">")
                    .append(values(sli.before())).append("</td><td class=\"num\">").append(values(sli.after()))
                    .append("</td></tr>\n");
        }
        page.append("</tbody></table></section>\n");
    }

    private static String values(DiffReport.Values values) {
        return values == null ? "–" : DiffText.number(values.last()) + " (" + DiffText.number(values.max()) + ")";
    }

    private static String side(DiffReport.Side side) {
        return side.kind() + ", " + side.threads() + " live threads" + (side.end() == null ? "" : " at " + side.end());
    }

    /** Text as HTML: the five characters that could open markup or end an attribute. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String css() {
        try (InputStream in = DiffHtml.class.getResourceAsStream(CSS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + CSS_RESOURCE + " on the class path");
            }
            // A style element ends at "</style": the sheet has none, and this keeps it so.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</", "<\\/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
