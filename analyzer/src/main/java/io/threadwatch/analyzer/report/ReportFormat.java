package io.threadwatch.analyzer.report;

import io.threadwatch.analyzer.report.html.HtmlReportWriter;
import io.threadwatch.rules.Catalog;
import io.threadwatch.rules.CatalogLoader;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The forms a report can be written in. */
public enum ReportFormat {
    /** Report v1 JSON, the contract for tools (see {@code report-v1.schema.json}); always with its explanations. */
    JSON {
        @Override
        public void write(Report report, Writer out, boolean explain) throws IOException {
            JsonReportWriter.write(report, out);
        }

        @Override
        public void prepare() {
            Json.prepare(Report.class);
        }
    },
    /** A compact text form for people: findings first, each with its site, numbers and top stack. */
    TEXT {
        @Override
        public void write(Report report, Writer out, boolean explain) throws IOException {
            TextReportWriter.write(report, out, explain);
        }
    },
    /**
     * One self-contained HTML page for people: verdict, findings with their stacks, plots over the
     * recording's time, limitations and every SLI; it loads nothing from the network. Not in the
     * agent jar (see {@link #available()}).
     */
    HTML {
        @Override
        public void write(Report report, Writer out, boolean explain) throws IOException {
            write(report, out, explain, CatalogLoader.builtIn());
        }

        @Override
        public void write(Report report, Writer out, boolean explain, Catalog catalog) throws IOException {
            HtmlReportWriter.write(report, out, catalog);
        }

        @Override
        public boolean available() {
            return HtmlReportWriter.available();
        }
    };

    /**
     * Writes the report; the caller closes {@code out}.
     *
     * @param explain whether the text form also says why threads seen waiting were not reported
     */
    public abstract void write(Report report, Writer out, boolean explain) throws IOException;

    /**
     * Writes the report, telling application frames from infrastructure with the analysis's catalog
     * (only the HTML form highlights them; the others ignore it).
     */
    public void write(Report report, Writer out, boolean explain, Catalog catalog) throws IOException {
        write(report, out, explain);
    }

    /**
     * Builds what the first write of a report in this form would build (for JSON, Jackson's
     * serializers of the report's records), so that a caller can have it done beside the analysis;
     * the bytes written do not change.
     */
    public void prepare() {
    }

    /** Whether this build can write the format: the agent jar cannot write HTML. */
    public boolean available() {
        return true;
    }

    /** Writes the report without the text form's explanations. */
    public void write(Report report, Writer out) throws IOException {
        write(report, out, false);
    }

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
