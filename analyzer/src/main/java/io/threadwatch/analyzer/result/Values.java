package io.threadwatch.analyzer.result;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the report writes times and numbers, so that equal inputs give equal bytes. */
public final class Values {

    private static final MathContext SIGNIFICANT = new MathContext(6);

    private Values() {
    }

    /** ISO-8601 with millisecond precision, e.g. {@code 2026-11-29T19:43:58.259Z}. */
    public static String instant(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        String text = millis.toString();
        // Instant.toString drops a zero fraction; keep the width fixed.
        return millis.getNano() == 0 ? text.replace("Z", ".000Z") : text;
    }

    /** ISO-8601 duration, e.g. {@code PT4S}. */
    public static String duration(Duration duration) {
        return duration.toString();
    }

    /** The value rounded to 6 significant digits. */
    public static double round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(SIGNIFICANT).doubleValue();
    }

    /** Bytes in IEC units for people, e.g. {@code 9.98 GiB}, {@code 512 KiB}, {@code 17 B}. */
    public static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " " + units[unit];
    }

    /** A value with its unit for people: bytes in IEC units ({@code 9.98 GiB/hour}), others as {@link #forPeople}. */
    public static String withUnit(double value, String unit) {
        if (unit.equals("bytes") || unit.startsWith("bytes/")) {
            return bytes(value) + unit.substring("bytes".length());
        }
        return forPeople(value) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** A value for a message: at most 3 decimals, no trailing zeros, e.g. {@code 1800}, {@code 0.75}. */
    public static String forPeople(double value) {
        if (Math.abs(value) >= 1e15) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return new BigDecimal(value).setScale(value != 0 && Math.abs(value) < 0.01 ? 6 : 3, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
