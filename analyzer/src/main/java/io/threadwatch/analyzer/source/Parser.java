package io.threadwatch.analyzer.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which parser decodes recording files. Every parser feeds the same translators. */
public enum Parser {
    /**
     * Threadwatch's own decoder of the JFR chunk format: decodes only the event types and fields
     * the analysis reads, chunks in parallel. Reads format 1.x and 2.x chunks: JDK 11+, and JDK 9 and 10,
     * whose {@code com.oracle.jdk.*} event names it maps to the {@code jdk.*} ones.
     */
    THREADWATCH,
    /** The JDK's {@code jdk.jfr.consumer.EventStream}, one file after the other. */
    JDK,
    /**
     * JDK Mission Control's parser: also reads JDK 7/8 recordings (format 0.x) and
     * zip/LZ4-compressed files, but keeps every event on the heap.
     */
    JMC;

    /** The parser used when none is chosen. */
    public static final Parser DEFAULT = THREADWATCH;
    /** The parser that takes over, when none is chosen, from a default parser that cannot read a file. */
    public static final Parser FALLBACK = JMC;

    /** The name used on the command line and in reports: {@code threadwatch}, {@code jdk}, {@code jmc}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The parser with this {@link #id()}. */
    public static Parser fromId(String id) {
        for (Parser parser : values()) {
            if (parser.id().equals(id)) {
                return parser;
            }
        }
        throw new IllegalArgumentException("unknown parser '" + id + "' (expected " + ids() + ")");
    }

    /** The ids, joined with ", ". */
    public static String ids() {
        return Arrays.stream(values()).map(Parser::id).collect(Collectors.joining(", "));
    }
}
