package io.threadwatch.analyzer.cli;

import io.threadwatch.analyzer.source.Parser;
import io.threadwatch.rules.Severity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Option value converters shared by the commands (the recorder's too). */
public final class Converters {

    private Converters() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, or ISO-8601 such as {@code PT30S}. */
    public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
            Duration duration;
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "ms": duration = Duration.ofMillis(amount); break;
                    case "s": duration = Duration.ofSeconds(amount); break;
                    case "m": duration = Duration.ofMinutes(amount); break;
                    default: duration = Duration.ofHours(amount);
                }
            } else {
                try {
                    duration = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException e) {
                    throw new CommandLine.TypeConversionException("'" + value
                            + "' is not a duration; use e.g. 500ms, 30s, 5m, 2h or PT30S");
                }
            }
            if (duration.isZero() || duration.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be a positive duration");
            }
            return duration;
        }
    }

    /** {@code threadwatch}, {@code jdk} or {@code jmc}. */
    public static final class ParserConverter implements CommandLine.ITypeConverter<Parser> {
        @Override
        public Parser convert(String value) {
            try {
                return Parser.fromId(value.trim().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a parser; use one of "
                        + Parser.ids());
            }
        }
    }

    /** Bytes: {@code 1048576}, {@code 512k}, {@code 64m}, {@code 4g}. */
    public static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)b?");

        @Override
        public Long convert(String value) {
            Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size; use e.g. 512m or 4g");
            }
            long amount = Long.parseLong(m.group(1));
            int shift = "kmgt".indexOf(m.group(2).isEmpty() ? "x" : m.group(2)) + 1;
            long bytes = amount << (10 * shift);
            if (amount <= 0 || (bytes >> (10 * shift)) != amount) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be a positive size below 8 EiB");
            }
            return bytes;
        }
    }

    /** {@code info}, {@code warning} or {@code critical}. */
    public static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            try {
                return Severity.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
