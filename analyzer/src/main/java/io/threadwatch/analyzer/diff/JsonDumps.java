package io.threadwatch.analyzer.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadwatch.analyzer.engine.LiveThread;
import io.threadwatch.analyzer.event.Frame;
import io.threadwatch.analyzer.event.StackTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON thread dump of {@code jcmd <pid> Thread.dump_to_file -format=json} (JDK 21+): every
 * thread of every thread container, virtual threads included.
 */
final class JsonDumps {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** {@code java.base/java.lang.Thread.sleep(Thread.java:540)}: an optional module part, class.method, location. */
    private static final Pattern FRAME = Pattern.compile("^(?:.*/)?([^/(]+)\\.([^./(]+)\\((.*)\\)$");
    private static final Pattern LINE = Pattern.compile(".*:(\\d+)$");

    private JsonDumps() {
    }

    /** The threads of a JSON dump, in container order; a document without {@code threadDump} is refused. */
    static List<LiveThread> parse(String text) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException("not a JSON thread dump: " + e.getOriginalMessage());
        }
        JsonNode containers = root == null ? null : root.path("threadDump").get("threadContainers");
        if (containers == null || !containers.isArray()) {
            throw new InputException("JSON without threadDump.threadContainers: not a 'jcmd Thread.dump_to_file -format=json' dump");
        }
        List<LiveThread> threads = new ArrayList<>();
        for (JsonNode container : containers) {
            for (JsonNode thread : container.path("threads")) {
                List<Frame> frames = new ArrayList<>();
                for (JsonNode frame : thread.path("stack")) {
                    frames.add(frame(frame.asText()));
                }
                // JDK 25 says "virtual": true; JDK 21 does not, but a virtual thread's stack ends in VirtualThread.run.
                boolean virtual = thread.path("virtual").asBoolean(false)
                        || frames.stream().anyMatch(f -> f.className().equals("java.lang.VirtualThread"));
                threads.add(new LiveThread(thread.path("name").asText(""), virtual, null, null,
                        frames.isEmpty() ? null : StackTable.fingerprint(frames),
                        frames.stream().map(Frame::toString).toList()));
            }
        }
        return threads;
    }

    /** One frame as {@code StackTraceElement.toString} prints it, normalized like a {@code jstack} frame. */
    static Frame frame(String text) {
        Matcher matcher = FRAME.matcher(text.trim());
        if (!matcher.matches()) {
            return new Frame(text.trim(), "", -1);
        }
        Matcher line = LINE.matcher(matcher.group(3));
        return new Frame(matcher.group(1), matcher.group(2), line.matches() ? Integer.parseInt(line.group(1)) : -1);
    }
}
