package io.threadwatch.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.threadwatch.analyzer.TestRecordings;
import io.threadwatch.analyzer.event.Frame;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parses real {@code jdk.ThreadDump} text from the sample recordings of JDK 17 and JDK 25. */
class ThreadDumpParserTest {

    @TempDir
    Path dir;

    private List<ThreadDump> dumps(String recording) throws IOException {
        Path jfr = TestRecordings.gunzip(TestRecordings.recording(recording), dir.resolve("r.jfr"));
        List<ThreadDump> dumps = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (event.getEventType().getName().equals("jdk.ThreadDump")) {
                dumps.add(ThreadDumpParser.parse(event.getStartTime(), event.getString("result")));
            }
        }
        dumps.sort((a, b) -> a.time().compareTo(b.time()));
        return dumps;
    }

    @Test
    void readsJdk17DeadlockWithBothThreadsAndTheirLocks() throws IOException {
        ThreadDump last = dumps("deadlock.default-jdk17.jfr.gz").get(1);
        assertThat(last.deadlocks()).singleElement().satisfies(cycle -> {
            assertThat(cycle.members()).hasSize(2);
            ThreadDump.DeadlockCycle.Member first = cycle.members().get(0);
            assertThat(first.waitingFor()).startsWith("waiting to lock monitor").endsWith("a io.threadwatch.samples.deadlock.Account)");
            assertThat(cycle.members().get(1).heldBy()).isEqualTo(first.threadName());
        });
        String name = last.deadlocks().get(0).members().get(0).threadName();
        DumpedThread thread = last.threads().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertThat(thread.stateName()).isEqualTo("BLOCKED");
        assertThat(thread.state()).isEqualTo("BLOCKED (on object monitor)");
        assertThat(thread.frames().get(0)).isEqualTo(new Frame("io.threadwatch.samples.deadlock.Bank", "transfer",
                thread.frames().get(0).line()));
        assertThat(thread.frames().get(0).line()).isPositive();
        assertThat(thread.blockedOn()).isEqualTo("io.threadwatch.samples.deadlock.Account");
        assertThat(thread.lines()).anyMatch(l -> l.startsWith("- locked <0x"));
    }

    @Test
    void readsJdk25HeadersWithOsThreadIdsAndSkipsVmThreads() throws IOException {
        ThreadDump dump = dumps("future-get.threadwatch-jdk25.jfr.gz").get(0);
        assertThat(dump.threads()).isNotEmpty();
        assertThat(dump.threads()).allSatisfy(t -> assertThat(t.threadId()).isPositive());
        assertThat(dump.threads()).noneMatch(t -> t.name().startsWith("GC Thread") || t.name().equals("VM Thread"));
        assertThat(dump.threads()).anyMatch(t -> t.name().equals("main") && !t.daemon());
        assertThat(dump.threads()).anyMatch(t -> t.name().equals("Reference Handler") && t.daemon());
        assertThat(dump.deadlocks()).isEmpty();
    }

    @Test
    void parsesNativeAndModuleQualifiedFrames() {
        String text = String.join("\n",
                "\"worker-1\" #31 [4711] daemon prio=5 os_prio=0 cpu=1.00ms elapsed=9.00s tid=0x1 nid=4711 runnable  [0x2]",
                "   java.lang.Thread.State: RUNNABLE",
                "\tat sun.nio.ch.SocketDispatcher.read0(java.base@25.0.3/Native Method)",
                "\tat sun.nio.ch.NioSocketImpl.tryRead(java.base@25.0.3/NioSocketImpl.java:256)",
                "\tat com.acme.Handler.read(Handler.java:12)",
                "",
                "\"VM Thread\" os_prio=0 cpu=16.53ms elapsed=2.79s tid=0x3 nid=0x99a runnable",
                "");
        ThreadDump dump = ThreadDumpParser.parse(Instant.EPOCH, text);
        assertThat(dump.threads()).singleElement().satisfies(t -> {
            assertThat(t.threadId()).isEqualTo(31);
            assertThat(t.daemon()).isTrue();
            assertThat(t.frames()).containsExactly(new Frame("sun.nio.ch.SocketDispatcher", "read0", -1),
                    new Frame("sun.nio.ch.NioSocketImpl", "tryRead", 256), new Frame("com.acme.Handler", "read", 12));
            assertThat(DumpAnalysis.blockedState(t)).isEqualTo("RUNNABLE");
        });
    }

    @Test
    void aTimedSocketReadIsNotBlockedForever() {
        String text = String.join("\n",
                "\"worker-1\" #31 prio=5 os_prio=0 cpu=1.00ms elapsed=9.00s tid=0x1 nid=0x1 runnable  [0x2]",
                "   java.lang.Thread.State: RUNNABLE",
                "\tat sun.nio.ch.SocketDispatcher.read0(java.base@17.0.15/Native Method)",
                "\tat sun.nio.ch.NioSocketImpl.timedRead(java.base@17.0.15/NioSocketImpl.java:280)",
                "\tat com.acme.Handler.read(Handler.java:12)",
                "");
        ThreadDump dump = ThreadDumpParser.parse(Instant.EPOCH, text);
        assertThat(DumpAnalysis.blockedState(dump.threads().get(0))).isNull();
    }

    @Test
    void readsWhatEachThreadWaitsOnAndTheMonitorsItHolds() throws IOException {
        ThreadDump last = dumps("silent-clients.threadwatch-jdk25.jfr.gz").get(3);
        DumpedThread handler = last.threads().stream().filter(t -> t.name().equals("ingest-handler-1")).findFirst()
                .orElseThrow();
        assertThat(handler.locked()).singleElement().asString().startsWith("0x");
        DumpedThread finalizer = last.threads().stream().filter(t -> t.name().equals("Finalizer")).findFirst().orElseThrow();
        assertThat(finalizer.waitObject()).startsWith("0x");
        assertThat(finalizer.locked()).containsExactly(finalizer.waitObject());
        DumpedThread main = last.threads().stream().filter(t -> t.name().equals("main")).findFirst().orElseThrow();
        assertThat(main.sleeping()).isTrue();
        assertThat(main.waitObject()).isEmpty();
    }

    /** Every line of real JDK 17 and 25 dumps, and the odd ones, splits by hand as the frame and header patterns split it. */
    @Test
    void framesSplitByHandAsThePatternSplitsThem() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String recording : List.of("deadlock.default-jdk17.jfr.gz", "future-get.threadwatch-jdk25.jfr.gz",
                "grpc-no-deadline.threadwatch-jdk25.jfr.gz")) {
            Path jfr = TestRecordings.gunzip(TestRecordings.recording(recording), dir.resolve(recording + ".jfr"));
            for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
                if (event.getEventType().getName().equals("jdk.ThreadDump")) {
                    lines.addAll(List.of(event.getString("result").split("\n", -1)));
                }
            }
        }
        long frames = lines.stream().filter(line -> ThreadDumpParser.frame(line) != null).count();
        assertThat(frames).isGreaterThan(100);
        lines.addAll(List.of("\tat a.b.C.m(C.java:1)", "  at C.m()", "  at .m()", "  at a.m.(x)", "  at a.b(c.d)(x)",
                "  at a.b.C.m(C.java:1) ", "at a.b.C.m(C.java:1)", "  at a.b.C.m(C.java:1)\r", "  at a.b\u2028.C.m(C.java:2)",
                "  at x.Y$$Lambda/0x0000700001.run(Unknown Source)", "  at a.B.<init>(java.base@25/B.java:12)",
                "  at a.B.m(B.java:12a)", "  at a.B.m(B.java:)", "  at a.B.m(:7)", "  at a.B.m(x:1:2)", "  at a.B.m((x))",
                "  at a.B.m(B.java:7)x)", "  at a..m(B.java:7)", "  at a.B.m(", "  at a.B.m)", "  - locked <0x1> (a x.Y)"));
        for (String line : lines) {
            assertThat(ThreadDumpParser.frame(line)).as(line).isEqualTo(ThreadDumpParser.regexFrame(line));
        }
        lines.addAll(List.of("\"a\" #12 daemon prio=5", "\"a\" #12 [77] prio=5", "\"a\" #12 [77] daemon prio=5",
                "\"a\" #12 daemonic", "\"a\" #12x prio", "\"a\" #12", "\"a \" #3 b\" #12 prio=5", "\"\" #1 x",
                "\" #1 x", "\"a\u2028\" #1 x", "\"a\" #1 [x] y", "\"a\" #1 [2]daemon x", "\"a\":", "\"a\" #1 x\r"));
        long headers = lines.stream().filter(line -> ThreadDumpParser.header(line) != null).count();
        assertThat(headers).isGreaterThan(20);
        for (String line : lines) {
            assertThat(ThreadDumpParser.header(line)).as(line).isEqualTo(ThreadDumpParser.regexHeader(line));
        }
        for (String location : List.of("B.java:42", "B.java:", ":7", "B.java:4x", "x:1:2", "Native Method", "",
                "java.base@25/Thread.java:1583", "a\nb:3", "B.java:\u0661")) {
            assertThat(ThreadDumpParser.lineNumber(location)).as(location).isEqualTo(ThreadDumpParser.regexLineNumber(location));
        }
    }
}
