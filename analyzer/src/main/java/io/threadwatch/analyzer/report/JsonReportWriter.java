package io.threadwatch.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/** Writes report v1 JSON: two-space indentation, {@code \n} line ends, map keys sorted. */
final class JsonReportWriter {

    private static final ObjectWriter WRITER = writer();

    private JsonReportWriter() {
    }

    static void write(Report report, Writer out) throws IOException {
        WRITER.writeValue(out, report);
        out.write('\n');
    }

    private static ObjectWriter writer() {
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // The platform's line separator would make the bytes depend on the OS.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return mapper.writer(printer);
    }
}
