package io.threadwatch.analyzer.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The forms a report can be written in. */
public enum ReportFormat {
    /** Report v1 JSON, the contract for tools (see {@code report-v1.schema.json}). */
    JSON {
        @Override
        public void write(Report report, Writer out) throws IOException {
            JsonReportWriter.write(report, out);
        }
    },
    /** A compact text form for people: findings first, each with its site, numbers and top stack. */
    TEXT {
        @Override
        public void write(Report report, Writer out) throws IOException {
            TextReportWriter.write(report, out);
        }
    };

    /** Writes the report; the caller closes {@code out}. */
    public abstract void write(Report report, Writer out) throws IOException;

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
