package io.threadwatch.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Set;

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

    /**
     * Builds the serializers of {@code root} and of every record it holds (through lists, maps and
     * optionals) into the one mapper's cache, which the first write would otherwise build: on a cold
     * JVM that is most of writing a small report, so a command can have it done beside the work that
     * makes the report. What is written does not change: the writes find the same serializers.
     */
    public static void prepare(Class<?> root) {
        SerializerProvider provider = MAPPER.getSerializerProviderInstance();
        try {
            prepare(root, provider, new HashSet<>());
        } catch (IOException | RuntimeException e) {
            // Nothing is cached for that type: the write builds it and reports what fails.
        }
    }

    private static void prepare(Type type, SerializerProvider provider, Set<Class<?>> seen) throws IOException {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                prepare(argument, provider, seen);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                prepare(bound, provider, seen);
            }
        } else if (type instanceof Class<?> recordType && recordType.isRecord() && seen.add(recordType)) {
            provider.findValueSerializer(recordType);
            for (RecordComponent component : recordType.getRecordComponents()) {
                prepare(component.getGenericType(), provider, seen);
            }
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
