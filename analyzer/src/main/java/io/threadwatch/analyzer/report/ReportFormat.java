package io.threadwatch.analyzer.report;

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
    },
    /** A compact text form for people: findings first, each with its site, numbers and top stack. */
    TEXT {
        @Override
        public void write(Report report, Writer out, boolean explain) throws IOException {
            TextReportWriter.write(report, out, explain);
        }
    },
    /** TEMPORARY stand-in for the HTML report (issue 11): the text form, escaped, inside {@code <pre>}. */
    HTML {
        @Override
        public void write(Report report, Writer out, boolean explain) throws IOException {
            java.io.StringWriter text = new java.io.StringWriter();
            TextReportWriter.write(report, text, explain);
            out.write("<!doctype html><html><head><meta charset=\"utf-8\"><title>Threadwatch report</title></head><body><pre>");
            out.write(text.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            out.write("</pre></body></html>\n");
        }
    };

    /**
     * Writes the report; the caller closes {@code out}.
     *
     * @param explain whether the text form also says why threads seen waiting were not reported
     */
    public abstract void write(Report report, Writer out, boolean explain) throws IOException;

    /** Writes the report without the text form's explanations. */
    public void write(Report report, Writer out) throws IOException {
        write(report, out, false);
    }

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
