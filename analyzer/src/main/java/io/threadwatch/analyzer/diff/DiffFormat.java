package io.threadwatch.analyzer.diff;

import io.threadwatch.analyzer.report.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The output formats of {@code threadwatch diff}. */
public enum DiffFormat {
    /** For a terminal: what changed, unchanged families counted but not listed. */
    TEXT,
    /** The diff v1 document ({@code threadwatch schema --diff}). */
    JSON,
    /** One self-contained page in the look of the HTML report. */
    HTML;

    /** The name on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes {@code diff} in this format to {@code out}. */
    public void write(DiffReport diff, Writer out) throws IOException {
        switch (this) {
            case TEXT -> out.write(DiffText.render(diff));
            case JSON -> {
                Json.prettyWriter().writeValue(out, diff);
                out.write("\n");
            }
            case HTML -> out.write(DiffHtml.render(diff));
        }
        out.flush();
    }
}
