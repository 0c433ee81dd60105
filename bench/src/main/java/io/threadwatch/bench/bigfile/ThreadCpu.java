package io.threadwatch.bench.bigfile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a command and reads the CPU time of each of its threads from {@code /proc} until it exits
 * (Linux only): what the JIT compilers, the garbage collector and the program's own threads each
 * cost, which neither the wall clock nor the process's total CPU time shows. The command's
 * standard output is discarded; its standard error is passed on.
 *
 * <p>Threads are grouped by name, with a trailing number dropped ({@code GC Thread#1} and
 * {@code GC Thread#0} are {@code GC Thread}). Linux keeps the first 15 characters of a name
 * ({@code C2 CompilerThre}), and the JVM does not name the thread its launcher runs {@code main}
 * on: that one is {@code java}, with the launcher's own first thread (idle). A thread is read every
 * {@value #PERIOD_MILLIS} ms, so one that ends between two reads loses up to that much of its time
 * here; {@code all}, the process's own total at the last read, includes the threads that ended.
 *
 * <p>Prints {@code wall S}, {@code all S}, {@code exit N} and one {@code cpu GROUP S} line per
 * group, in seconds.
 */
public final class ThreadCpu {

    private static final long PERIOD_MILLIS = 100;
    /** A thread's number at the end of its name: {@code #3}, {@code -3}, {@code 3}. */
    private static final Pattern NUMBER = Pattern.compile("(#|-)?\\d+$");

    private ThreadCpu() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ThreadCpu COMMAND [ARG...]");
            System.exit(2);
        }
        long ticksPerSecond = ticksPerSecond();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(List.of(args)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long pid = process.pid();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        long all = 0;
        while (!process.waitFor(PERIOD_MILLIS, TimeUnit.MILLISECONDS)) {
            all = Math.max(all, read(pid, names, ticks));
        }
        double wall = (System.nanoTime() - start) / 1e9;

        Map<String, Long> byGroup = new TreeMap<>();
        ticks.forEach((tid, used) -> byGroup.merge(group(names.get(tid)), used, Long::sum));
        System.out.printf("wall %.2f%n", wall);
        System.out.printf("all %.2f%n", (double) all / ticksPerSecond);
        System.out.println("exit " + process.exitValue());
        byGroup.forEach((group, used) -> System.out.printf("cpu %s %.2f%n", group.replace(' ', '_'),
                (double) used / ticksPerSecond));
    }

    /** Reads every thread's CPU ticks into {@code ticks}; returns the whole process's, or 0 once it is gone. */
    private static long read(long pid, Map<Long, String> names, Map<Long, Long> ticks) {
        Path process = Path.of("/proc", Long.toString(pid));
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
            for (Path task : tasks) {
                long tid = Long.parseLong(task.getFileName().toString());
                String stat = readOrNull(task.resolve("stat"));
                if (stat != null) {
                    names.put(tid, name(stat));
                    ticks.put(tid, cpuTicks(stat));
                }
            }
            String stat = readOrNull(process.resolve("stat"));
            return stat == null ? 0 : cpuTicks(stat);
        } catch (IOException | RuntimeException e) {
            // The process or a thread ended while it was read: the last complete reading stands.
            return 0;
        }
    }

    private static String readOrNull(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The name between the parentheses of a {@code stat} line (it may hold spaces and parentheses). */
    private static String name(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime: fields 14 and 15 of {@code proc(5)}, counted after the name's closing parenthesis. */
    private static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static String group(String name) {
        if (name == null) {
            return "?";
        }
        String group = NUMBER.matcher(name).replaceAll("").strip();
        return group.isEmpty() ? name : group;
    }

    /** {@code getconf CLK_TCK}: 100 on every Linux this runs on, asked rather than assumed. */
    private static long ticksPerSecond() throws IOException, InterruptedException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(getconf.getInputStream().readAllBytes()).strip();
        return getconf.waitFor() == 0 && out.matches("\\d+") ? Long.parseLong(out) : 100;
    }
}
