package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.event.Frame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of a {@code jdk.ThreadDump} (the {@code jstack} format of JDK 17 to 25). Threads
 * without a Java thread id (GC, compiler and other VM threads) are skipped.
 *
 * <p>A dump of a busy JVM is hundreds of kilobytes, most of it frame lines, so a frame line is
 * split by hand ({@link #frame}); the regular expressions stay the definition of the format, and
 * read whatever the hand-written split does not settle. A line is only matched against a pattern
 * its first characters allow (a header starts with a quote, a lock line with {@code -}).
 */
final class ThreadDumpParser {

    /** {@code "name" #22 daemon prio=5 ...} on 17, {@code "name" #22 [4711] daemon prio=5 ...} on 19+. */
    private static final Pattern HEADER = Pattern.compile("^\"(.*)\" #(\\d+)(?: \\[\\d+\\])?( daemon)? .*");
    /** A header after its name's closing quote: what {@link #HEADER} needs there. */
    private static final Pattern HEADER_TAIL = Pattern.compile("#(\\d+)(?: \\[\\d+\\])?( daemon)? .*");
    private static final Pattern FRAME = Pattern.compile("^\\s+at (.+)\\.([^.(]+)\\((.*)\\)$");
    private static final Pattern LOCK = Pattern.compile("^\\s+- (waiting to lock|parking to wait for|waiting on|locked|eliminated)\\s+<([^>]*)> \\(a (.+)\\)$");
    private static final Pattern LINE_NUMBER = Pattern.compile(".*:(\\d+)$");
    private static final Pattern DEADLOCK_MEMBER = Pattern.compile("^\"(.*)\":$");
    private static final Pattern HELD_BY = Pattern.compile("^\\s+which is held by \"(.*)\"$");
    private static final String STATE_PREFIX = "java.lang.Thread.State: ";
    private static final String DEADLOCK_START = "Found one Java-level deadlock:";
    private static final String DEADLOCK_STACKS = "Java stack information for the threads listed above:";

    private ThreadDumpParser() {
    }

    static ThreadDump parse(Instant time, String text) {
        List<DumpedThread> threads = new ArrayList<>();
        List<ThreadDump.DeadlockCycle> deadlocks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = stripCarriageReturn(lines[i]);
            if (line.startsWith(DEADLOCK_START)) {
                i = parseDeadlock(lines, i + 1, deadlocks);
                continue;
            }
            Header header = line.startsWith("\"") ? header(line) : null;
            if (header != null) {
                i = parseThread(lines, i + 1, header, threads);
                continue;
            }
            i++;
        }
        return new ThreadDump(time, threads, deadlocks);
    }

    /** A thread's header line: its name, Java thread id and whether it is a daemon. */
    record Header(String name, long threadId, boolean daemon) {
    }

    /**
     * The header {@link #HEADER} reads from a line, or {@code null}. When the name's closing
     * {@code " #} occurs once, the pattern's backtracking over the whole line has one place to end
     * the name, so only the rest is matched ({@link #HEADER_TAIL}); otherwise the whole pattern.
     */
    static Header header(String line) {
        int close = line.startsWith("\"") ? line.indexOf("\" #", 1) : -1;
        if (close < 0) {
            return null;
        }
        if (line.indexOf("\" #", close + 1) >= 0) {
            return regexHeader(line);
        }
        for (int i = 1; i < close; i++) {
            if (isLineTerminator(line.charAt(i))) {
                return regexHeader(line);
            }
        }
        Matcher tail = HEADER_TAIL.matcher(line).region(close + 2, line.length());
        return tail.matches() ? new Header(line.substring(1, close), Long.parseLong(tail.group(1)), tail.group(2) != null) : null;
    }

    /** The header the whole of {@link #HEADER} reads from a line, or {@code null}: the definition {@link #header} keeps to. */
    static Header regexHeader(String line) {
        Matcher header = HEADER.matcher(line);
        return header.matches() ? new Header(header.group(1), Long.parseLong(header.group(2)), header.group(3) != null) : null;
    }

    private static int parseThread(String[] lines, int i, Header header, List<DumpedThread> threads) {
        String state = "";
        List<Frame> frames = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        String blockedOn = "";
        String waitObject = "";
        List<String> locked = new ArrayList<>();
        for (; i < lines.length; i++) {
            String line = stripCarriageReturn(lines[i]);
            if (line.isBlank() || line.startsWith("\"")) {
                break;
            }
            String trimmed = line.trim();
            if (trimmed.startsWith(STATE_PREFIX)) {
                state = trimmed.substring(STATE_PREFIX.length());
                continue;
            }
            Frame parsed = trimmed.startsWith("at ") ? frame(line) : null;
            if (parsed != null) {
                frames.add(parsed);
                printed.add(trimmed);
                continue;
            }
            Matcher lock = trimmed.startsWith("- ") ? LOCK.matcher(line) : null;
            if (lock != null && lock.matches()) {
                printed.add(trimmed);
                String what = lock.group(1);
                if (what.equals("locked")) {
                    // A monitor entered again further down the stack is printed once per frame.
                    if (!locked.contains(lock.group(2))) {
                        locked.add(lock.group(2));
                    }
                } else if (blockedOn.isEmpty() && !what.equals("eliminated")) {
                    blockedOn = lock.group(3);
                    waitObject = lock.group(2);
                }
            }
        }
        threads.add(new DumpedThread(header.name(), header.threadId(), header.daemon(), state,
                frames, printed, blockedOn, waitObject, locked));
        return i;
    }

    /** Reads the member list of one deadlock report, up to the stack section. */
    private static int parseDeadlock(String[] lines, int i, List<ThreadDump.DeadlockCycle> deadlocks) {
        List<ThreadDump.DeadlockCycle.Member> members = new ArrayList<>();
        String name = null;
        StringBuilder waitingFor = new StringBuilder();
        for (; i < lines.length; i++) {
            String line = stripCarriageReturn(lines[i]);
            if (line.startsWith(DEADLOCK_STACKS) || line.startsWith(DEADLOCK_START)) {
                break;
            }
            Matcher member = DEADLOCK_MEMBER.matcher(line);
            Matcher heldBy = HELD_BY.matcher(line);
            if (member.matches()) {
                name = member.group(1);
                waitingFor.setLength(0);
            } else if (heldBy.matches() && name != null) {
                String wait = waitingFor.toString().trim();
                members.add(new ThreadDump.DeadlockCycle.Member(name, wait.endsWith(",") ? wait.substring(0, wait.length() - 1) : wait,
                        heldBy.group(1)));
                name = null;
            } else if (name != null && !line.isBlank()) {
                waitingFor.append(' ').append(line.trim());
            }
        }
        if (!members.isEmpty()) {
            deadlocks.add(new ThreadDump.DeadlockCycle(members));
        }
        return i;
    }

    /**
     * The frame of a line {@link #FRAME} matches, or {@code null}. The common line, leading
     * whitespace, {@code at }, then {@code class.method(location)} with no line terminator inside,
     * is split by hand exactly as the pattern's backtracking would split it (the class ends at the
     * last dot that a method name and its parenthesis follow); anything else goes to the pattern.
     */
    static Frame frame(String line) {
        int start = 0;
        while (start < line.length() && isPatternSpace(line.charAt(start))) {
            start++;
        }
        int end = line.length() - 1;
        if (start == 0 || !line.startsWith("at ", start) || end < 0 || line.charAt(end) != ')') {
            return regexFrame(line);
        }
        int from = start + 3;
        for (int i = from; i < end; i++) {
            if (isLineTerminator(line.charAt(i))) {
                return regexFrame(line);
            }
        }
        for (int dot = line.lastIndexOf('.', end); dot > from; dot = line.lastIndexOf('.', dot - 1)) {
            int open = dot + 1;
            while (open < end && line.charAt(open) != '.' && line.charAt(open) != '(') {
                open++;
            }
            if (open < end && open > dot + 1 && line.charAt(open) == '(') {
                return new Frame(line.substring(from, dot), line.substring(dot + 1, open),
                        lineNumber(line.substring(open + 1, end)));
            }
        }
        return regexFrame(line);
    }

    /** The frame {@link #FRAME} reads from a line, or {@code null}: the definition {@link #frame} keeps to. */
    static Frame regexFrame(String line) {
        Matcher frame = FRAME.matcher(line);
        return frame.matches() ? new Frame(frame.group(1), frame.group(2), lineNumber(frame.group(3))) : null;
    }

    /** The line of a location {@link #LINE_NUMBER} matches ({@code File.java:42}), else {@code -1}. */
    static int lineNumber(String location) {
        int colon = location.lastIndexOf(':');
        boolean digits = colon >= 0 && colon < location.length() - 1;
        for (int i = colon + 1; digits && i < location.length(); i++) {
            char c = location.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (digits) {
            for (int i = 0; i < colon; i++) {
                if (isLineTerminator(location.charAt(i))) {
                    return regexLineNumber(location);
                }
            }
            return Integer.parseInt(location, colon + 1, location.length(), 10);
        }
        return location.indexOf(':') < 0 ? -1 : regexLineNumber(location);
    }

    /** The line {@link #LINE_NUMBER} reads from a location, or {@code -1}. */
    static int regexLineNumber(String location) {
        Matcher m = LINE_NUMBER.matcher(location);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** {@code \s} of {@link Pattern}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** What {@link Pattern}'s {@code .} does not match. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
