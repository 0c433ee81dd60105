package io.threadwatch.analyzer.engine;

import io.threadwatch.analyzer.result.Confidence;
import java.time.Duration;
import java.util.List;

/**
 * A thread found stuck in a thread dump.
 *
 * @param threadId   its Java thread id
 * @param threadName its name
 * @param site       where it waits
 * @param state      {@code BLOCKED}, {@code WAITING}, {@code TIMED_WAITING} (a wait with a timeout
 *                   that outlasted the stuck threshold) or {@code RUNNABLE} (a socket read without timeout)
 * @param blockedFor how long it has been blocked there, at least
 * @param dumps      how many consecutive dumps showed it there
 * @param confidence how sure: confirmed by consecutive dumps, estimated from its last activity
 *                   (dumps too sparse to confirm), or suspected (the recording is shorter than
 *                   the stuck threshold, and it waited the whole time it was observed)
 * @param why        why the wait counts as stuck rather than idle
 * @param stackFingerprint the fingerprint of its frames (lock lines left out: their addresses differ)
 * @param lines      its frames and lock lines from the dump
 * @param blockedOn  the class it waits for, or the empty string
 */
record StuckThread(long threadId, String threadName, Site site, String state, Duration blockedFor, int dumps,
                   Confidence confidence, WaitJudge.Reason why, String stackFingerprint, List<String> lines,
                   String blockedOn) {

    StuckThread {
        lines = List.copyOf(lines);
    }

    /** Its state, what it waits on, for how long and how that is known, and why it is not idle: one line. */
    String describe() {
        String on = blockedOn.isEmpty() ? "" : " on " + blockedOn;
        String shown = state.equals("RUNNABLE") ? "RUNNABLE in a socket read with no timeout"
                : state.equals("TIMED_WAITING") ? "TIMED_WAITING (a wait with a timeout that outlasted the stuck threshold)"
                : state;
        long seconds = blockedFor.toSeconds();
        String how;
        switch (confidence) {
            case CONFIRMED:
                how = "for at least " + seconds + " s (same stack in " + dumps + " consecutive dumps)";
                break;
            case ESTIMATED:
                how = "for up to " + seconds + " s (estimated from its last activity: dumps were too sparse to confirm)";
                break;
            default:
                how = "for all " + seconds + " s the recording watched it, with no activity: it waited without "
                        + "a timeout for the whole time it was observed, but the recording is shorter than the stuck "
                        + "threshold, so it is suspected, not confirmed";
        }
        return shown + on + "; blocked " + how + "; not an idle wait: " + why.text;
    }
}
