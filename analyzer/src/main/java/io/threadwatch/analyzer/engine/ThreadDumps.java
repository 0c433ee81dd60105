package io.threadwatch.analyzer.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a {@code jstack} or {@code jcmd Thread.print} text dump with the same parser as the
 * recordings' {@code jdk.ThreadDump} events.
 */
public final class ThreadDumps {

    /** A thread header of the text format: {@code "name" #22 ...}. */
    private static final Pattern HEADER = Pattern.compile("(?m)^\"[^\"\\n]*\" #\\d+");

    private ThreadDumps() {
    }

    /** Whether {@code text} has at least one thread in the {@code jstack} format. */
    public static boolean looksLikeText(String text) {
        return HEADER.matcher(text).find();
    }

    /** The Java threads of a text dump, in dump order (VM threads without a Java id are left out). */
    public static List<LiveThread> parseText(String text) {
        List<LiveThread> threads = new ArrayList<>();
        for (DumpedThread thread : ThreadDumpParser.parse(Instant.EPOCH, text).threads()) {
            threads.add(LiveThread.of(thread.name(), null, thread));
        }
        return threads;
    }
}
