package io.threadwatch.analyzer.report.html;

import io.threadwatch.analyzer.engine.FrameClassifier;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.rules.Catalog;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a report as one self-contained HTML page: the report v1 JSON and the page's view of it
 * are embedded as {@code <script type="application/json">} data, and the page's script builds
 * the verdict, findings, plots (uPlot, inlined from its WebJar) and tables from them with DOM
 * text nodes, so no report string is ever parsed as HTML. The page loads nothing from the network.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("report.html"))) {
 *     HtmlReportWriter.write(report, out, options.catalog());
 * }
 * }</pre>
 */
public final class HtmlReportWriter {

    /** Where the template takes a part: {@code @page.js@} and the like, inside a CSS/JS comment. */
    private static final Pattern MARKER = Pattern.compile("/\\*@([a-z.]+)@\\*/");

    private HtmlReportWriter() {
    }

    /** Whether this build can write HTML: the agent jar leaves the chart library out. */
    public static boolean available() {
        return PageAssets.available();
    }

    /**
     * Writes the page; the caller closes {@code out}.
     *
     * @param catalog the catalog of the analysis, which tells application frames from infrastructure
     * @throws IOException when writing fails, or when this build has no chart library (the agent jar)
     */
    public static void write(Report report, Writer out, Catalog catalog) throws IOException {
        String license = PageAssets.uplotLicense().replace("*/", "* /");
        Map<String, String> parts = Map.of(
                "uplot.css", PageAssets.uplotCss(),
                "page.css", PageAssets.own("page.css"),
                "uplot.js", "/*! uPlot, https://github.com/leeoniya/uPlot\n" + license + "*/\n" + PageAssets.uplotJs(),
                "page.js", PageAssets.own("page.js"),
                "report.json", ScriptSafeJson.write(report),
                "view.json", ScriptSafeJson.write(PageData.of(report, new FrameClassifier(catalog))));
        // The markers are found in the template only, never in what replaces them: a thread named
        // like a marker stays a thread name.
        String template = PageAssets.own("page.html");
        Matcher marker = MARKER.matcher(template);
        StringBuilder page = new StringBuilder(template.length() + 256 * 1024);
        int from = 0;
        while (marker.find()) {
            String part = parts.get(marker.group(1));
            if (part == null) {
                throw new IllegalStateException("page.html has an unknown marker " + marker.group());
            }
            page.append(template, from, marker.start()).append(part);
            from = marker.end();
        }
        page.append(template, from, template.length());
        out.write(page.toString());
    }
}
