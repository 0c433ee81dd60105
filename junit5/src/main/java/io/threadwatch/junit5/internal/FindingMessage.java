package io.threadwatch.junit5.internal;

import io.threadwatch.analyzer.event.Frame;
import java.util.List;

/** The failure message: each finding as Threadwatch prints one (kind at site, what, the stacks). */
public final class FindingMessage {

    /** Frames printed per stack; the rest are counted. */
    static final int FRAMES_SHOWN = 12;
    /** Threads printed per finding; the rest are counted. */
    static final int THREADS_SHOWN = 5;

    private FindingMessage() {
    }

    /** The message for {@code findings} after the test named {@code test}. */
    public static String of(String test, List<GuardFinding> findings) {
        StringBuilder out = new StringBuilder("Threadwatch guard: ").append(findings.size())
                .append(findings.size() == 1 ? " finding" : " findings").append(" after ").append(test);
        for (GuardFinding finding : findings) {
            out.append("\n\n").append(finding.kind()).append(" at ").append(finding.site());
            out.append("\n  ").append(finding.summary()).append(": ")
                    .append(String.join(", ", finding.threads().stream().map(GuardFinding.ThreadState::name).toList()));
            if (finding.pattern() != null) {
                out.append("\n  pattern: ").append(finding.pattern())
                        .append(finding.fix() == null ? " (no known shape matches this evidence)" : "");
            }
            if (finding.fix() != null) {
                out.append("\n  fix: ").append(finding.fix());
            }
            if (!finding.creation().isEmpty()) {
                out.append("\n  created by:");
                frames(out, finding.creation());
            }
            List<GuardFinding.ThreadState> threads = finding.threads();
            for (int i = 0; i < Math.min(THREADS_SHOWN, threads.size()); i++) {
                GuardFinding.ThreadState thread = threads.get(i);
                out.append("\n  \"").append(thread.name()).append("\" ").append(thread.state()).append(':');
                frames(out, thread.stack());
            }
            if (threads.size() > THREADS_SHOWN) {
                out.append("\n  ... and ").append(threads.size() - THREADS_SHOWN).append(" more threads");
            }
        }
        out.append("\n\nAllow a thread that is meant to outlive the test with @ThreadwatchGuard(allowThreads = \"name-.*\")"
                + " or allowSites = \"Class.method\" (or threadwatch.guard.allow-threads / allow-sites).");
        return out.toString();
    }

    private static void frames(StringBuilder out, List<Frame> stack) {
        for (int i = 0; i < Math.min(FRAMES_SHOWN, stack.size()); i++) {
            out.append("\n    at ").append(stack.get(i));
        }
        if (stack.size() > FRAMES_SHOWN) {
            out.append("\n    ... ").append(stack.size() - FRAMES_SHOWN).append(" more");
        }
    }
}
