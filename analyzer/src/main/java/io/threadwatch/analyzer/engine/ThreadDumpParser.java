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
 */
final class ThreadDumpParser {

    /** {@code "name" #22 daemon prio=5 ...} on 17, {@code "name" #22 [4711] daemon prio=5 ...} on 19+. */
    private static final Pattern HEADER = Pattern.compile("^\"(.*)\" #(\\d+)(?: \\[\\d+\\])?( daemon)? .*");
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
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                i = parseThread(lines, i + 1, header, threads);
                continue;
            }
            i++;
        }
        return new ThreadDump(time, threads, deadlocks);
    }

    private static int parseThread(String[] lines, int i, Matcher header, List<DumpedThread> threads) {
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
            Matcher frame = FRAME.matcher(line);
            if (frame.matches()) {
                frames.add(new Frame(frame.group(1), frame.group(2), lineNumber(frame.group(3))));
                printed.add(trimmed);
                continue;
            }
            Matcher lock = LOCK.matcher(line);
            if (lock.matches()) {
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
        threads.add(new DumpedThread(header.group(1), Long.parseLong(header.group(2)), header.group(3) != null, state,
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

    private static int lineNumber(String location) {
        Matcher m = LINE_NUMBER.matcher(location);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
