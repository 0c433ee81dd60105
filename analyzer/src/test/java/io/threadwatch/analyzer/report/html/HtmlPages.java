package io.threadwatch.analyzer.report.html;

import io.threadwatch.analyzer.AnalysisOptions;
import io.threadwatch.analyzer.Analyzer;
import io.threadwatch.analyzer.TestRecordings;
import io.threadwatch.analyzer.report.Report;
import io.threadwatch.rules.Catalog;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Analyzes sample recordings and writes their pages, for the HTML tests. */
final class HtmlPages {

    private HtmlPages() {
    }

    static Report analyze(String recording) throws Exception {
        return Analyzer.analyze(List.of(TestRecordings.recording(recording)), AnalysisOptions.defaults());
    }

    static String page(Report report, Catalog catalog) throws Exception {
        StringWriter out = new StringWriter();
        HtmlReportWriter.write(report, out, catalog);
        return out.toString();
    }

    /** The text of the {@code <script type="application/json">} element with this id. */
    static String embedded(String page, String id) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        if (!m.find()) {
            throw new AssertionError("no element " + id + " in the page");
        }
        return m.group(1);
    }
}
