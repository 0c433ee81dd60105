package io.threadwatch.analyzer.report;

import java.io.IOException;
import java.io.Writer;

/** Writes report v1 JSON: two-space indentation, {@code \n} line ends, map keys sorted. */
final class JsonReportWriter {

    private JsonReportWriter() {
    }

    static void write(Report report, Writer out) throws IOException {
        Json.prettyWriter().writeValue(out, report);
        out.write('\n');
    }
}
