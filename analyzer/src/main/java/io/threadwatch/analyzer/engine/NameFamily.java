package io.threadwatch.analyzer.engine;

import java.util.regex.Pattern;

/**
 * The family of a thread name: the name with its numbers and ids replaced by {@code #}, so that
 * {@code pool-3-thread-7}, {@code quote-handler-12} and {@code HttpClient@1a2b3c-42} become
 * {@code pool-#-thread-#}, {@code quote-handler-#} and {@code HttpClient@#-#}. Threads of one
 * family are usually made by one thread factory.
 */
public final class NameFamily {

    /** UUIDs, hex ids after {@code @} or {@code 0x}, and runs of digits. */
    private static final Pattern VARIABLE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                    + "|(?<=@)[0-9a-fA-F]+|0x[0-9a-fA-F]+|[0-9]+");

    private NameFamily() {
    }

    /** The family of a name; the empty name stays empty. */
    public static String of(String threadName) {
        return VARIABLE.matcher(threadName).replaceAll("#");
    }
}
