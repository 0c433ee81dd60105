package io.threadwatch.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of every Threadwatch output: map keys sorted, {@code \n} line ends,
 * so the bytes never depend on the OS or on map order.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = pretty();

    private Json() {
    }

    /** Two-space indented JSON, for reports and evidence files. */
    public static ObjectWriter prettyWriter() {
        return PRETTY;
    }

    /** One JSON line (no line end), for JSON Lines output. */
    public static String line(LiveLine line) {
        return compact(line);
    }

    /** A finding as a two-space indented document with a final line end. */
    public static String document(Finding finding) {
        try {
            return PRETTY.writeValueAsString(finding) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectWriter pretty() {
        // The platform's line separator would make the bytes depend on the OS.
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return MAPPER.writer(printer);
    }
}
